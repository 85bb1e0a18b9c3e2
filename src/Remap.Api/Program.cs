using Remap.Api;

RemapServer.Build(args).Run();

/// <summary>The entry point, public so that WebApplicationFactory can start the server in tests.</summary>
public partial class Program;
