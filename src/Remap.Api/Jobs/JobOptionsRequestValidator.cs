using FluentValidation;

namespace Remap.Api.Jobs;

/// <summary>Checks job options wherever a request that queues training carries them.</summary>
public sealed class JobOptionsRequestValidator : AbstractValidator<JobOptionsRequest>
{
    public const int MaxPriority = 1_000_000;

    public const int MaxRepeats = 10;

    public JobOptionsRequestValidator()
    {
        RuleFor(options => options.Priority).InclusiveBetween(-MaxPriority, MaxPriority);
        RuleFor(options => options.Repeats).InclusiveBetween(1, MaxRepeats);
    }
}
