using System.Diagnostics;
using System.Reflection;

namespace Remap.LanguageServer.Tests;

/// <summary>
/// Runs tests/language-server-node/client-test.mjs: Microsoft's vscode-languageserver-protocol client spawns the built server
/// over stdio. It fails, never skips, when Node or the npm packages are missing (.ci/run runs <c>npm ci</c> there first).
/// </summary>
public class NodeClientTests
{
    [Fact]
    public async Task NodeClient_DrivesServerOverStdio()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "language-server-node");
        var server = Path.Combine(AppContext.BaseDirectory, "remap-language-server.dll");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "vscode-languageserver-protocol")),
            $"the npm packages are not installed in {folder}: run 'npm ci' there (Node 20 or later)");

        var start = new ProcessStartInfo("node", ["client-test.mjs", server])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("node is not on PATH: install Node 20 or later to run the Node client test", exception);
        }

        using (process)
        {
            Assert.NotNull(process);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}\n{await output}\n{await error}");
        }
    }

    private static string RepositoryRoot() =>
        typeof(NodeClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "RepositoryRoot").Value!;
}
