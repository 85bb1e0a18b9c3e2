namespace Remap.Cli.Client;

/// <summary>One diagnostic of an architecture the server rejected, as its problem details list it.</summary>
public sealed record ProblemDiagnostic(int Line, int Column, string Code, string Severity, string Message);

/// <summary>
/// An error response from the server. <see cref="Title"/> and <see cref="Detail"/> come from its
/// RFC 9457 problem details. Architecture errors also carry their diagnostics, and request
/// validation errors carry the messages per request field (for example <c>training.epochs</c>).
/// </summary>
public sealed class RemapApiException(
    int statusCode,
    string title,
    string? detail,
    IReadOnlyList<ProblemDiagnostic> diagnostics,
    IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    : Exception(detail is null ? title : $"{title}: {detail}")
{
    /// <summary>The HTTP status code, or 0 when the server could not be reached.</summary>
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyList<ProblemDiagnostic> Diagnostics { get; } = diagnostics;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string[]>();
}
