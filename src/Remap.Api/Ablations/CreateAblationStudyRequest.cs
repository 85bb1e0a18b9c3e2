using FluentValidation;
using Remap.Api.Jobs;

namespace Remap.Api.Ablations;

/// <summary>Options of an ablation study; every value is optional and an absent body keeps the defaults.</summary>
/// <param name="Layers">The 0-based indexes of the layers to remove, as the <c>index</c> of the layer table (index 0 is layer 1 of the change texts); one child each, or with <paramref name="Blocks"/> one child per block containing them. Every layer but the final dense one when left out; not empty when given.</param>
/// <param name="Blocks">Remove whole blocks: a conv2d with the batchnorm2d, activation and dropout layers after it and one pooling layer. Default false.</param>
/// <param name="MaxParameters">Children with more trainable parameters are skipped with the reason; 100 to 50,000,000, no limit when left out.</param>
/// <param name="Job">How to run the training jobs; repeats, patience and time budget default to the parent job's, and a field given here replaces just that field.</param>
public sealed record CreateAblationStudyRequest(IReadOnlyList<int>? Layers = null, bool? Blocks = null, long? MaxParameters = null, JobOptionsRequest? Job = null);

/// <summary>Checks an ablation study's options.</summary>
public sealed class CreateAblationStudyRequestValidator : AbstractValidator<CreateAblationStudyRequest>
{
    public CreateAblationStudyRequestValidator()
    {
        RuleForEach(request => request.Layers).GreaterThanOrEqualTo(0);
        RuleFor(request => request.Layers)
            .Must(layers => layers is null || layers.Count > 0)
            .WithMessage("'layers' is empty; leave it out to ablate every layer, or list at least one 0-based layer index.");
        RuleFor(request => request.MaxParameters).InclusiveBetween(100, 50_000_000);
        RuleFor(request => request.Job!).SetValidator(new JobOptionsRequestValidator()).When(request => request.Job is not null);
    }
}
