using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Engine.Store;

/// <summary>
/// Turns a checked architecture into the row the store keeps, so every front end (the API, a
/// worker-only host, later the exploration engine) records models the same way.
/// </summary>
public static class ModelRecords
{
    /// <summary>Creates the model row; the architecture must name a dataset and its shapes must be valid.</summary>
    public static ModelEntity Create(
        Architecture architecture,
        ShapeReport shapes,
        string sourceText,
        long? parentId,
        IReadOnlyList<string> changes,
        DateTime createdAt)
    {
        if (architecture.Dataset is null)
        {
            throw new ArgumentException($"Architecture '{architecture.Name}' names no dataset; resolve one before storing it.", nameof(architecture));
        }

        return new ModelEntity
        {
            Name = architecture.Name,
            SourceText = sourceText,
            CanonicalText = ArchitectureWriter.Write(architecture),
            ArchitectureHash = ArchitectureHash.Compute(architecture),
            TrainingHash = ArchitectureHash.ComputeTraining(architecture.Training),
            TrainingSettingsJson = StoreJson.Serialize(architecture.Training),
            DatasetName = architecture.Dataset,
            InputShape = architecture.Input.ToSourceText(),
            Classes = architecture.Classes,
            LayerTableJson = StoreJson.Serialize(LayerTable(architecture, shapes)),
            ParameterCount = shapes.TotalParameters,
            ShortForm = LayerShortForm.Format(architecture.Layers),
            OutputSizes = LayerOutputSizes.Format(shapes),
            ParentId = parentId,
            ChangesJson = StoreJson.Serialize(changes),
            CreatedAt = createdAt,
            Status = JobStates.Queued,
        };
    }

    private static List<LayerTableRow> LayerTable(Architecture architecture, ShapeReport shapes) =>
        [.. architecture.Layers.Select((layer, index) =>
        {
            var shape = shapes.Layers[index];
            return new LayerTableRow(
                index,
                LayerCatalog.Get(layer.Kind).Keyword,
                layer.Parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Value),
                layer.ToString(),
                shape.Output?.Dimensions.ToArray() ?? [],
                shape.Parameters);
        })];
}
