using Remap.Cli.Commands;

return await RemapCommandLine.Create().Parse(args).InvokeAsync();
