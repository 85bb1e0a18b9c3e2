using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c> for clients that do not pull diagnostics. Each change restarts a short
/// delay, so typing compiles once per pause, and a result is sent only while its snapshot is still the document's
/// current one, so an old version never replaces a newer one.
/// </summary>
internal sealed class DiagnosticPublisher(
    ServerSession session,
    TextDocumentStore documents,
    DocumentAnalyzer analyzer,
    ClientConnection client,
    TimeSpan delay,
    ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sendLock = new(1, 1);
    // The version and JSON of the diagnostics last sent per document, read and written under sendLock.
    private readonly Dictionary<string, (int? Version, string Json)> lastSent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    public void Schedule(DocumentSnapshot snapshot)
    {
        if (session.UsesPullDiagnostics || stopping.IsCancellationRequested)
        {
            return;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        if (pending.TryGetValue(snapshot.Uri, out var previous))
        {
            previous.Cancel();
        }

        pending[snapshot.Uri] = source;
        _ = PublishAfterDelayAsync(snapshot, source.Token);
    }

    /// <summary>Clears the diagnostics of a closed document, so the client's problem list does not keep them.</summary>
    public void Clear(string uri)
    {
        if (pending.TryRemove(uri, out var previous))
        {
            previous.Cancel();
        }

        if (session.UsesPullDiagnostics || stopping.IsCancellationRequested)
        {
            return;
        }

        _ = ClearAsync(uri);
    }

    /// <summary>Publishes every open document again, after the settings changed.</summary>
    public void ScheduleAll()
    {
        foreach (var snapshot in documents.All)
        {
            Schedule(snapshot);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        foreach (var source in pending.Values)
        {
            source.Cancel();
        }
    }

    private async Task PublishAfterDelayAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            await analyzer.Settings.WhenFirstReadAsync(cancellationToken).ConfigureAwait(false);
            var compilation = analyzer.Analyze(snapshot, cancellationToken);
            var diagnostics = DiagnosticConverter.Convert(compilation, snapshot);
            await SendAsync(snapshot.Uri, snapshot.Version, diagnostics, () => ReferenceEquals(documents.Find(snapshot.Uri), snapshot), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A newer change or the end of the session replaced this publication.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.PublishFailed(logger, snapshot.Uri, snapshot.Version, exception);
        }
    }

    private async Task ClearAsync(string uri)
    {
        try
        {
            await SendAsync(uri, null, [], () => documents.Find(uri) is null, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The session ended before the empty list could be sent.
        }
    }

    private async Task SendAsync(string uri, int? version, Diagnostic[] diagnostics, Func<bool> isCurrent, CancellationToken cancellationToken)
    {
        // One send at a time, with the check inside, so a check that passes cannot be overtaken by a newer send.
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!isCurrent() || session.ShutdownReceived)
            {
                return;
            }

            // A settings change checks every document again. A result equal to the one already sent for this version is
            // not sent a second time, because the client has it.
            var sent = (version, JsonSerializer.Serialize(diagnostics, ProtocolSerializer.Options));
            if (lastSent.TryGetValue(uri, out var previous) && previous == sent)
            {
                return;
            }

            lastSent[uri] = sent;
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, version, diagnostics)).ConfigureAwait(false);
        }
        catch (ConnectionLostException)
        {
            // The client closed the connection, so the diagnostics have no receiver.
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed by exit while this publication waited.
        }
        finally
        {
            sendLock.Release();
        }
    }
}
