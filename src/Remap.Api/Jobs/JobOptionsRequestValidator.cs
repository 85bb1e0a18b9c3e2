using FluentValidation;

namespace Remap.Api.Jobs;

/// <summary>Checks job options wherever a request that queues training carries them.</summary>
public sealed class JobOptionsRequestValidator : AbstractValidator<JobOptionsRequest>
{
    public const int MaxPriority = 1_000_000;

    public const int MaxRepeats = 10;

    public const int MaxPatience = 1000;

    /// <summary>One week, in seconds.</summary>
    public const double MaxTimeBudgetSeconds = 7 * 24 * 3600;

    public JobOptionsRequestValidator()
    {
        RuleFor(options => options.Priority).InclusiveBetween(-MaxPriority, MaxPriority);
        RuleFor(options => options.Repeats).InclusiveBetween(1, MaxRepeats);
        RuleFor(options => options.Patience).InclusiveBetween(1, MaxPatience);
        var timeBudgetMessage = $"'{{PropertyName}}' must be more than 0 and at most {MaxTimeBudgetSeconds} (one week); leave it out for no limit.";
        RuleFor(options => options.TimeBudgetSeconds)
            .GreaterThan(0).WithMessage(timeBudgetMessage)
            .LessThanOrEqualTo(MaxTimeBudgetSeconds).WithMessage(timeBudgetMessage);
    }
}
