using FluentValidation;
using Remap.Api.Exploration;
using Remap.Api.Jobs;

namespace Remap.Api.Variations;

/// <summary>Checks a variation request's counts, kinds and per-layer restrictions.</summary>
public sealed class CreateVariationsRequestValidator : AbstractValidator<CreateVariationsRequest>
{
    public const int MaxCount = 50;

    public const int MaxChangesLimit = 5;

    public CreateVariationsRequestValidator()
    {
        RuleFor(request => request.Count).NotNull()
            .WithMessage($"'count' is missing: give a number from 1 to {MaxCount} (how many children to make).");
        RuleFor(request => request.Count).InclusiveBetween(1, MaxCount);
        RuleFor(request => request.MaxChanges).InclusiveBetween(1, MaxChangesLimit);
        RuleFor(request => request.Seed).GreaterThanOrEqualTo(0);
        RuleFor(request => request.MaxParameters).InclusiveBetween(100, 50_000_000);
        RuleForEach(request => request.Kinds)
            .Must(LayerKindNames.IsKnown)
            .WithMessage((_, kind) => $"'{kind}' is not a layer kind; use one of {LayerKindNames.Known}.");
        RuleForEach(request => request.Layers).SetValidator(new LayerRestrictionRequestValidator());
        RuleFor(request => request.Layers)
            .Must(layers => layers is null || DuplicateIndex(layers) is null)
            .WithMessage(request => $"'layers' restricts index {DuplicateIndex(request.Layers!)} (layer {DuplicateIndex(request.Layers!) + 1}) twice: merge the two restrictions into one.");
        RuleFor(request => request.Job!).SetValidator(new JobOptionsRequestValidator()).When(request => request.Job is not null);
    }

    private static int? DuplicateIndex(IReadOnlyList<LayerRestrictionRequest> layers) =>
        layers.Where(layer => layer.Index is not null).GroupBy(layer => layer.Index).FirstOrDefault(group => group.Count() > 1)?.Key;
}

/// <summary>Checks one layer restriction's index, actions and kinds.</summary>
public sealed class LayerRestrictionRequestValidator : AbstractValidator<LayerRestrictionRequest>
{
    public LayerRestrictionRequestValidator()
    {
        RuleFor(layer => layer.Index).NotNull()
            .WithMessage("'{PropertyName}' is missing: give the 0-based index of the layer to restrict, as GET /api/v1/models/{id} lists it (layer 1 has index 0).");
        RuleFor(layer => layer.Index).GreaterThanOrEqualTo(0);
        RuleForEach(layer => layer.Actions)
            .Must(action => LayerKindNames.TryParseAction(action, out _))
            .WithMessage((_, action) => $"'{action}' is not a variation action; use one of {LayerKindNames.ActionNames}.");
        RuleForEach(layer => layer.Kinds)
            .Must(LayerKindNames.IsKnown)
            .WithMessage((_, kind) => $"'{kind}' is not a layer kind; use one of {LayerKindNames.Known}.");
    }
}
