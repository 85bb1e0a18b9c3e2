using Microsoft.Extensions.Logging;

namespace Remap.LanguageServer;

/// <summary>The server's structured log events. They go to standard error, which LSP clients show as the server's output.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Initialized for {ClientName}; diagnostics are {DiagnosticMode}")]
    public static partial void Initialized(ILogger logger, string clientName, string diagnosticMode);

    [LoggerMessage(2, LogLevel.Error, "Request {Method} failed")]
    public static partial void RequestFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Setting ignored: {Problem}")]
    public static partial void SettingIgnored(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Warning, "Reading the remap settings from the client failed; the previous settings stay")]
    public static partial void ConfigurationFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Request to the Remap server {ServerUrl} failed; the code lens and dataset checks go without it: {Reason}")]
    public static partial void LookupFailed(ILogger logger, Uri serverUrl, string reason);

    [LoggerMessage(6, LogLevel.Information, "The connection to the client ended ({Reason}: {Description})")]
    public static partial void Disconnected(ILogger logger, string reason, string description);

    [LoggerMessage(7, LogLevel.Information, "Exiting with code {ExitCode}; shutdown received: {ShutdownReceived}")]
    public static partial void Exiting(ILogger logger, int exitCode, bool shutdownReceived);

    [LoggerMessage(8, LogLevel.Error, "Publishing diagnostics for {Uri} version {Version} failed")]
    public static partial void PublishFailed(ILogger logger, string uri, int version, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Settings read: server {ServerUrl}, default input {DefaultInput}, default classes {DefaultClasses}")]
    public static partial void SettingsRead(ILogger logger, string serverUrl, string defaultInput, string defaultClasses);

    [LoggerMessage(10, LogLevel.Warning, "The client process {ProcessId} exited without shutdown; ending the session")]
    public static partial void ParentExited(ILogger logger, int processId);

    [LoggerMessage(12, LogLevel.Error, "The client sent a malformed message ({Reason}); the connection ends because the stream cannot be read past it")]
    public static partial void MalformedMessage(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(13, LogLevel.Information, "The dataset list of {ServerUrl} changed: {DatasetCount} datasets, failure: {Failure}; checking open documents again")]
    public static partial void DatasetListChanged(ILogger logger, Uri serverUrl, int datasetCount, string failure);

    [LoggerMessage(14, LogLevel.Information, "The client closed the connection before {Method} completed")]
    public static partial void ConnectionClosedDuringRequest(ILogger logger, string method);

    [LoggerMessage(15, LogLevel.Warning, "didChange for {Uri} version {Version} has a range that starts or ends on line {Line}, past the document's last line {LastLine}; the change is applied at the end of the text, and the client's copy may differ from the server's")]
    public static partial void ChangeRangePastEnd(ILogger logger, string uri, int version, int line, int lastLine);

    [LoggerMessage(11, LogLevel.Information, "The client process {ProcessId} is not visible from here, so the server does not watch it")]
    public static partial void ParentNotFound(ILogger logger, int processId);
}
