namespace Remap.LanguageServer.Handlers;

/// <summary>A handler of one LSP method.</summary>
internal interface ILspHandler
{
    /// <summary>The method name, as the specification spells it.</summary>
    string Method { get; }

    /// <summary>Whether the handler changes the open documents or the settings (the rest only read them).</summary>
    bool MutatesDocumentState { get; }
}

internal interface IRequestHandler<in TParams, TResult> : ILspHandler
{
    Task<TResult> HandleAsync(TParams parameters, CancellationToken cancellationToken);
}

internal interface INotificationHandler<in TParams> : ILspHandler
{
    Task HandleAsync(TParams parameters, CancellationToken cancellationToken);
}
