using Microsoft.Extensions.Logging;
using Remap.LanguageServer;

// The Language Server Protocol speaks on standard input and output, so every log line goes to standard error.
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

await using var host = new LanguageServerHost(Console.OpenStandardInput(), Console.OpenStandardOutput(), loggerFactory);
return await host.RunAsync();
