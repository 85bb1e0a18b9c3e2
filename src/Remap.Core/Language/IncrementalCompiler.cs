namespace Remap.Core.Language;

/// <summary>
/// Compiles successive versions of one document, as an editor sends them. Each version reparses only the lines that
/// changed since the version before and binds only layer lines it has not seen; the result equals
/// <see cref="ArchitectureCompiler.Compile"/> of the same text and options. Safe to call from several threads: calls run
/// one at a time.
/// </summary>
public sealed class IncrementalCompiler
{
    private readonly Lock gate = new();
    private readonly LayerBindingCache layers = new();
    private SyntaxTree? previous;

    /// <summary>Compiles a version of the document. Throws only <see cref="OperationCanceledException"/>, and a cancelled call leaves the state as it was.</summary>
    public Compilation Compile(string text, CompileOptions options, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var syntax = previous is null ? SyntaxTree.Parse(text ?? "", cancellationToken) : previous.WithText(text ?? "", cancellationToken);
            var compilation = Binder.Bind(syntax, options, cancellationToken, layers);
            previous = syntax;
            return compilation;
        }
    }
}
