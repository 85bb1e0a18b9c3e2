using Remap.Cli.Commands;

return await RemapCommandLine.InvokeAsync(args);
