using FluentValidation;
using Remap.Api.Exploration;
using Remap.Api.Jobs;
using Remap.Api.Models;

namespace Remap.Api.Populations;

/// <summary>Checks a population request's bounds and layer kinds.</summary>
public sealed class CreatePopulationRequestValidator : AbstractValidator<CreatePopulationRequest>
{
    public const int MaxCount = 200;

    public const int MinDepth = 2;

    public const int MaxDepth = 30;

    public CreatePopulationRequestValidator()
    {
        RuleFor(request => request.Dataset).NotNull()
            .WithMessage("'dataset' is missing: give a dataset name from GET /api/v1/datasets.");
        RuleFor(request => request.Dataset).NotEmpty().MaximumLength(200).When(request => request.Dataset is not null);
        RuleFor(request => request.Count).NotNull()
            .WithMessage($"'count' is missing: give a number from 1 to {MaxCount} (how many architectures to sample).");
        RuleFor(request => request.Count).InclusiveBetween(1, MaxCount);
        RuleFor(request => request.MaxDepth).InclusiveBetween(MinDepth, MaxDepth);
        RuleFor(request => request.MaxParameters).InclusiveBetween(100, 50_000_000);
        RuleFor(request => request.Seed).GreaterThanOrEqualTo(0);
        RuleForEach(request => request.AllowedKinds)
            .Must(LayerKindNames.IsKnown)
            .WithMessage((_, kind) => $"'{kind}' is not a layer kind; use one of {LayerKindNames.Known}.");
        RuleFor(request => request.Training!).SetValidator(new TrainingOverridesValidator()).When(request => request.Training is not null);
        RuleFor(request => request.Job!).SetValidator(new JobOptionsRequestValidator()).When(request => request.Job is not null);
    }
}
