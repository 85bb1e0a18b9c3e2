namespace Remap.LanguageServer.Handlers;

/// <summary><c>exit</c>: ends the process, with code 0 after <c>shutdown</c> and 1 without it.</summary>
internal sealed class ExitHandler(ServerSession session) : INotificationHandler<object?>
{
    public string Method => "exit";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(object? parameters, CancellationToken cancellationToken)
    {
        session.Exit();
        return Task.CompletedTask;
    }
}
