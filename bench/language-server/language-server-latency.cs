#:project ../../src/Remap.LanguageServer/Remap.LanguageServer.csproj
#:property PublishAot=false
// Measures the language server on a 2,000-line file: pulled diagnostics after a one-character edit and completion at the
// end of the file, p50 and p99 over N requests each, and the server process's memory. The server runs as its own process
// over stdio, as an editor starts it. The client pulls diagnostics, so the timings are the server's work plus one
// stdio round trip, never the typing delay of pushed diagnostics.
// Usage (see README.md beside this file): build with --artifacts-path, then run the DLL with [REQUESTS] [SERVER_DLL], where
// SERVER_DLL is another build of remap-language-server.dll to measure, such as an older commit's, for a before/after ratio.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var serverPath = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(AppContext.BaseDirectory, "remap-language-server.dll");
if (!File.Exists(serverPath))
{
    Console.Error.WriteLine($"the language server '{serverPath}' does not exist: build it first, or pass the path of remap-language-server.dll");
    return 2;
}

const string Uri = "file:///tmp/bench/long.remap";

var text = LongFile(2000);
var lines = text.Split('\n');
var editLine = lines.Length / 2;
while (!lines[editLine].StartsWith("dense units=", StringComparison.Ordinal))
{
    editLine++;
}

using var server = Process.Start(new ProcessStartInfo("dotnet", [serverPath])
{
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
})!;
_ = server.StandardError.ReadToEndAsync();
using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(server.StandardInput.BaseStream, server.StandardOutput.BaseStream, new SystemTextJsonFormatter()));
Func<JsonElement, object?[]> configuration = parameters => [.. parameters.GetProperty("items").EnumerateArray().Select(_ => (object?)null)];
rpc.AddLocalRpcMethod(configuration.Method, configuration.Target, new JsonRpcMethodAttribute("workspace/configuration") { UseSingleObjectParameterDeserialization = true });
rpc.StartListening();

await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new
{
    processId = Environment.ProcessId,
    rootUri = (string?)null,
    capabilities = new { workspace = new { configuration = true }, textDocument = new { diagnostic = new { } } },
});
await rpc.NotifyWithParameterObjectAsync("initialized", new { });
await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri = Uri, languageId = "remap", version = 1, text } });

var version = 1;
var commentLine = editLine - 1;
var commentEnd = lines[commentLine].Length;

// Warm-up: both kinds of edit, so that tiered compilation has seen the server's edit and compile paths often enough to optimise them
// before the figures start. Diagnostics without an edit would only return the cached result.
for (var index = 0; index < 200; index++)
{
    await ReplaceDigitAsync(index);
    await Diagnostics();
    await TypeInCommentAsync(index);
    await Diagnostics();
}

var diagnostics = new double[requests];
var stopwatch = new Stopwatch();
for (var index = 0; index < requests; index++)
{
    await ReplaceDigitAsync(index);
    stopwatch.Restart();
    var items = await Diagnostics();
    diagnostics[index] = stopwatch.Elapsed.TotalMilliseconds;
    if (items != 0)
    {
        throw new InvalidOperationException($"the long file should have no diagnostics, but has {items}");
    }
}

var typing = new double[requests];
for (var index = 0; index < requests; index++)
{
    await TypeInCommentAsync(index);
    stopwatch.Restart();
    var items = await Diagnostics();
    typing[index] = stopwatch.Elapsed.TotalMilliseconds;
    if (items != 0)
    {
        throw new InvalidOperationException($"the long file should have no diagnostics after typing in a comment, but has {items}");
    }
}

var endLine = lines.Length - 1;
var completion = new double[requests];
for (var index = 0; index < requests; index++)
{
    stopwatch.Restart();
    var result = await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new { textDocument = new { uri = Uri }, position = new { line = endLine, character = 0 } });
    completion[index] = stopwatch.Elapsed.TotalMilliseconds;
    if (result.GetProperty("items").GetArrayLength() == 0)
    {
        throw new InvalidOperationException("completion at the end of the file returned no items");
    }
}

// The floor: a request whose work is a dictionary lookup, so the rest of each figure is the server's own work.
var floor = new double[requests];
for (var index = 0; index < requests; index++)
{
    stopwatch.Restart();
    await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new { textDocument = new { uri = "file:///tmp/bench/not-open.remap" }, position = new { line = 0, character = 0 } });
    floor[index] = stopwatch.Elapsed.TotalMilliseconds;
}

// The reference: the same compilation in this process, without JSON-RPC, stdio or the server's bookkeeping.
var compile = new double[requests];
for (var index = 0; index < requests; index++)
{
    stopwatch.Restart();
    Remap.Core.Language.ArchitectureCompiler.Compile(text);
    compile[index] = stopwatch.Elapsed.TotalMilliseconds;
}

var status = File.ReadAllLines($"/proc/{server.Id}/status");
string Memory(string key) => status.First(line => line.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim();

Console.WriteLine($"server: {serverPath}");
Console.WriteLine($"file: {lines.Length} lines, {text.Length} characters; {requests} requests each; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Report("diagnostics after a one-character edit", diagnostics, target: 20);
Report("diagnostics after typing or deleting a character", typing, target: 20);
Report("completion at the end of the file", completion, target: 10);
Report("round trip of an empty request (floor)", floor, target: null);
Report("ArchitectureCompiler.Compile in this process (reference)", compile, target: null);
Console.WriteLine($"server memory: resident {Memory("VmRSS")}, peak resident {Memory("VmHWM")}");

await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", null);
await rpc.NotifyAsync("exit");
await server.WaitForExitAsync();
Console.WriteLine($"server exit code: {server.ExitCode}");
return 0;

// One character: units=64 becomes units=65 and back.
Task ReplaceDigitAsync(int index) =>
    rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
    {
        textDocument = new { uri = Uri, version = ++version },
        contentChanges = new[] { new { range = Range(editLine, 13, editLine, 14), text = index % 2 == 0 ? "5" : "4" } },
    });

// Typing: one character added at the end of the comment line above, then removed. Each edit changes the length of the
// text, so every statement after it moves to a new offset.
Task TypeInCommentAsync(int index) =>
    rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
    {
        textDocument = new { uri = Uri, version = ++version },
        contentChanges = new[]
        {
            index % 2 == 0
                ? new { range = Range(commentLine, commentEnd, commentLine, commentEnd), text = "7" }
                : new { range = Range(commentLine, commentEnd, commentLine, commentEnd + 1), text = "" },
        },
    });

async Task<int> Diagnostics()
{
    var report = await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/diagnostic", new { textDocument = new { uri = Uri } });
    return report.GetProperty("items").GetArrayLength();
}

static object Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
    new { start = new { line = startLine, character = startCharacter }, end = new { line = endLine, character = endCharacter } };

static void Report(string name, double[] milliseconds, double? target)
{
    var sorted = milliseconds.Order().ToArray();
    var p50 = sorted[(int)(0.50 * (sorted.Length - 1))];
    var p99 = sorted[(int)Math.Ceiling(0.99 * (sorted.Length - 1))];
    var ratio = target is { } limit ? $", p99 / target {p99 / limit:0.00} (target {limit} ms)" : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: p50 {p50:0.00} ms, p99 {p99:0.00} ms, max {sorted[^1]:0.00} ms{ratio}"));
}

static string LongFile(int lineCount)
{
    var builder = new StringBuilder("model long_mlp\ninput 784\nclasses 10\n\n");
    var count = 4;
    while (count < lineCount - 8)
    {
        builder.Append("# block ").Append(count / 4).Append('\n');
        builder.Append("dense units=64\n");
        builder.Append("relu\n");
        builder.Append("dropout rate=0.1\n");
        count += 4;
    }

    builder.Append("dense units=10\n\ntraining {\n  epochs = 2\n  seed = 7\n}\n");
    return builder.ToString();
}
