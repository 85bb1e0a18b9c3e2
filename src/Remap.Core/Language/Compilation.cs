using System.Collections.Immutable;
using Remap.Core.Diagnostics;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Language;

/// <summary>The input shape and class count of a dataset, as a dataset resolver returns them.</summary>
public sealed record DatasetShape(TensorShape Input, int Classes);

/// <summary>Why dataset names cannot be checked, such as "no Remap server is configured", and what the user can do about it.</summary>
public sealed record DatasetCheckUnavailable(string Reason, string Fix);

/// <summary>What a compilation may take from outside the file.</summary>
public sealed record CompileOptions
{
    /// <summary>The input shape used when the file has no <c>input</c> and no resolved dataset gives one.</summary>
    public TensorShape? DefaultInput { get; init; }

    /// <summary>The class count used when the file has no <c>classes</c> and no resolved dataset gives one.</summary>
    public int? DefaultClasses { get; init; }

    /// <summary>The setting a user changes to give <see cref="DefaultInput"/>, such as <c>remap.defaults.input</c>; the missing-input error names it.</summary>
    public string? DefaultInputSetting { get; init; }

    /// <summary>The setting a user changes to give <see cref="DefaultClasses"/>; the missing-classes error names it.</summary>
    public string? DefaultClassesSetting { get; init; }

    /// <summary>Maps a dataset name to its shape; null means the dataset is unknown, which is an error.</summary>
    public Func<string, DatasetShape?>? ResolveDataset { get; init; }

    /// <summary>
    /// The dataset names known now (the server's, or the built-in ones without it), which the unknown-dataset error lists and
    /// the unchecked-dataset error suggests from with a "did you mean" hint. Used only for those messages.
    /// </summary>
    public IReadOnlyCollection<string>? KnownDatasets { get; init; }

    /// <summary>
    /// Why dataset names cannot be checked now, or null when they can. With it, a dataset that <see cref="ResolveDataset"/>
    /// does not know is not an unknown-dataset error; when the file then lacks an input shape or a class count, one error
    /// on the dataset line gives this reason and fix in place of the missing-header errors.
    /// </summary>
    public DatasetCheckUnavailable? DatasetCheckUnavailable { get; init; }

    /// <summary>The model name used when the file has no <c>model</c> line.</summary>
    public string DefaultName { get; init; } = "unnamed";
}

/// <summary>The result of compiling a .remap text: its syntax tree, every diagnostic, and the architecture when there are no errors.</summary>
public sealed class Compilation
{
    internal Compilation(
        SyntaxTree syntax,
        ImmutableArray<Diagnostic> diagnostics,
        Architecture? architecture,
        ShapeReport? shapes,
        ImmutableArray<LayerSyntax> layerSyntax,
        int? classes)
    {
        Syntax = syntax;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(diagnostic => diagnostic.IsError);
        Architecture = HasErrors ? null : architecture;
        Shapes = shapes;
        LayerSyntax = layerSyntax;
        Classes = classes;
    }

    public SyntaxTree Syntax { get; }

    /// <summary>Syntax, binding and shape diagnostics, sorted by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors { get; }

    /// <summary>The bound architecture, or null when there are errors.</summary>
    public Architecture? Architecture { get; }

    /// <summary>Shapes and parameter counts, or null when the input shape or the class count could not be bound.</summary>
    public ShapeReport? Shapes { get; }

    /// <summary>The class count from the file, its dataset or the default, even when there are errors; null when none could be bound.</summary>
    public int? Classes { get; }

    /// <summary>The layer lines that were bound, in the order of <see cref="ShapeReport.Layers"/> (lines with an unknown keyword are left out).</summary>
    public ImmutableArray<LayerSyntax> LayerSyntax { get; }
}

/// <summary>Compiles .remap text: parse, bind, infer shapes.</summary>
public static class ArchitectureCompiler
{
    /// <summary>Compiles a text. Throws only <see cref="OperationCanceledException"/>.</summary>
    public static Compilation Compile(string text, CompileOptions? options = null, CancellationToken cancellationToken = default)
    {
        var syntax = SyntaxTree.Parse(text ?? "", cancellationToken);
        return Binder.Bind(syntax, options ?? new CompileOptions(), cancellationToken);
    }
}
