namespace Remap.Cli.Client;

/// <summary>One diagnostic of an architecture the server rejected, as its problem details list it.</summary>
public sealed record ProblemDiagnostic(int Line, int Column, string Code, string Severity, string Message);

/// <summary>
/// A request the server answered with an error. <see cref="Title"/> and <see cref="Detail"/> come from
/// its RFC 9457 problem details; architecture errors also carry their diagnostics.
/// </summary>
public sealed class RemapApiException(int statusCode, string title, string? detail, IReadOnlyList<ProblemDiagnostic> diagnostics)
    : Exception(detail is null ? title : $"{title}: {detail}")
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyList<ProblemDiagnostic> Diagnostics { get; } = diagnostics;
}
