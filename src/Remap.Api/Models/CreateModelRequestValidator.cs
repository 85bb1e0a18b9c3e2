using FluentValidation;
using Remap.Api.Jobs;
using Remap.Core.Model;

namespace Remap.Api.Models;

/// <summary>Checks the request's envelope; the .remap text itself is checked by Remap.Core's compiler.</summary>
public sealed class CreateModelRequestValidator : AbstractValidator<CreateModelRequest>
{
    /// <summary>The longest accepted source text in characters, far above any sequential network's file.</summary>
    public const int MaxSourceLength = 200_000;

    public CreateModelRequestValidator()
    {
        RuleFor(request => request.Source).NotNull()
            .WithMessage("'source' is missing: send the text of a .remap file.");
        RuleFor(request => request.Source).NotEmpty().MaximumLength(MaxSourceLength).When(request => request.Source is not null);
        RuleFor(request => request.Name!)
            .MaximumLength(200)
            .Matches(@"^[\p{L}\p{Nd}_.\-]+$")
            .WithMessage("'name' may contain only letters, digits, '_', '-' and '.', as the language's model names do.")
            .When(request => request.Name is not null);
        RuleFor(request => request.Dataset!).NotEmpty().MaximumLength(200).When(request => request.Dataset is not null);
        RuleFor(request => request.ParentId).GreaterThan(0);
        RuleFor(request => request.Training!).SetValidator(new TrainingOverridesValidator()).When(request => request.Training is not null);
        RuleFor(request => request.Job!).SetValidator(new JobOptionsRequestValidator()).When(request => request.Job is not null);
    }
}

/// <summary>Checks training overrides against the same ranges the language's training block accepts.</summary>
public sealed class TrainingOverridesValidator : AbstractValidator<TrainingOverrides>
{
    public const int MaxEpochs = 1000;

    public TrainingOverridesValidator()
    {
        RuleFor(training => training.Epochs).InclusiveBetween(1, MaxEpochs);
        RuleFor(training => training.BatchSize).InclusiveBetween(1, 65536);
        RuleFor(training => training.Optimizer)
            .Must(optimizer => optimizer is null || TrainingSettingsMapping.TryParseOptimizer(optimizer, out _))
            .WithMessage(training => $"'{{PropertyName}}' is '{training.Optimizer}', expected sgd, adam or adamw.");
        RuleFor(training => training.LearningRate).GreaterThan(0).LessThanOrEqualTo(10);
        RuleFor(training => training.WeightDecay).InclusiveBetween(0, 1);
        RuleFor(training => training.Seed).InclusiveBetween(0, int.MaxValue);
    }
}

/// <summary>Converts training settings between the request, Core's record and the response.</summary>
public static class TrainingSettingsMapping
{
    public static bool TryParseOptimizer(string text, out OptimizerKind optimizer) =>
        Enum.TryParse(text, ignoreCase: true, out optimizer) && Enum.IsDefined(optimizer) && !int.TryParse(text, out _);

    public static TrainingSettings Apply(TrainingSettings settings, TrainingOverrides? overrides)
    {
        if (overrides is null)
        {
            return settings;
        }

        var optimizer = overrides.Optimizer is { } text && TryParseOptimizer(text, out var parsed) ? parsed : settings.Optimizer;
        return settings with
        {
            Epochs = overrides.Epochs ?? settings.Epochs,
            BatchSize = overrides.BatchSize ?? settings.BatchSize,
            Optimizer = optimizer,
            LearningRate = overrides.LearningRate ?? settings.LearningRate,
            WeightDecay = overrides.WeightDecay ?? settings.WeightDecay,
            Seed = overrides.Seed ?? settings.Seed,
        };
    }

    public static TrainingSettingsResponse ToResponse(TrainingSettings settings) => new(
        settings.Epochs,
        settings.BatchSize,
        settings.Optimizer.ToString().ToLowerInvariant(),
        settings.LearningRate,
        settings.WeightDecay,
        settings.Seed);
}
