using Remap.LanguageServer.Features;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>shutdown</c>: stops publishing; every later request but <c>exit</c> is rejected.</summary>
internal sealed class ShutdownHandler(ServerSession session, DiagnosticPublisher publisher) : IRequestHandler<object?, object?>
{
    public string Method => "shutdown";

    public bool MutatesDocumentState => true;

    public Task<object?> HandleAsync(object? parameters, CancellationToken cancellationToken)
    {
        session.Shutdown();
        publisher.Dispose();
        return Task.FromResult<object?>(null);
    }
}
