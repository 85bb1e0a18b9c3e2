using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Remap.LanguageServer.Tests;

/// <summary>A stand-in for Remap.Api on 127.0.0.1 that returns fixed JSON for the GET routes the language server uses.</summary>
internal sealed class MockRemapServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;

    public MockRemapServer(Func<string, string?> respond)
    {
        (listener, Url) = StartOnFreePort();
        loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var pathAndQuery = context.Request.Url!.PathAndQuery;
                Requests.Enqueue(pathAndQuery);
                Authorizations.Enqueue(context.Request.Headers["Authorization"] ?? "");
                var body = respond(pathAndQuery);
                try
                {
                    context.Response.StatusCode = body is null ? 404 : 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body ?? "{}"));
                    context.Response.Close();
                }
                catch (Exception exception) when (exception is IOException or HttpListenerException or ObjectDisposedException)
                {
                    // The language server under test stopped waiting for this response, or the mock was stopped while it responded.
                }
            }
        });
    }

    public string Url { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Returns a port that nothing listens on, for a server that is down.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    // FreePort releases its port before the listener binds it, so another test process can take it in between: a
    // few attempts on fresh ports make that race harmless.
    private static (HttpListener Listener, string Url) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var candidate = new HttpListener();
            candidate.Prefixes.Add(url);
            try
            {
                candidate.Start();
                return (candidate, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                candidate.Close();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The port is released either way; a failure to close it cleanly is no test's concern.
        }

        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
