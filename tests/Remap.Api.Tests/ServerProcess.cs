using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Remap.Api.Tests;

/// <summary>The real server as a child process on a loopback port, so a test can kill it with SIGKILL and start it again.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(40));
            }
        }
    }

    /// <summary>Starts <c>dotnet Remap.Api.dll</c> with the settings and waits until it responds.</summary>
    public static async Task<ServerProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add($"--urls={address}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var server = new ServerProcess(Process.Start(start)!, address);
        server.process.OutputDataReceived += (_, line) => server.Record(line.Data);
        server.process.ErrorDataReceived += (_, line) => server.Record(line.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(timeout);
        return server;
    }

    /// <summary>Returns a port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Ends the process with SIGKILL, as a crash or the kernel's out-of-memory killer would.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} while starting:\n{RecentOutput}");
            }

            try
            {
                if ((await client.GetAsync("/api/v1/datasets")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not answer on {Address} within {timeout}:\n{RecentOutput}");
    }
}
