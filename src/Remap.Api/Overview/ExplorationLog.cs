namespace Remap.Api.Overview;

/// <summary>Log events of the exploration endpoints for requests they reject after trying them.</summary>
public static partial class ExplorationLog
{
    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Rejected the {View} projection ({Method}) of dataset {DatasetName}: {Reason}")]
    public static partial void ProjectionRejected(ILogger logger, string view, string method, string datasetName, string reason);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Rejected a population of dataset {DatasetName}: {Reason}")]
    public static partial void PopulationRejected(ILogger logger, string datasetName, string reason);
}
