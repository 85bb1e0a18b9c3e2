using FluentValidation;

namespace Remap.Api.Jobs;

/// <summary>Checks a new job priority against the same range as job options.</summary>
public sealed class SetPriorityRequestValidator : AbstractValidator<SetPriorityRequest>
{
    public SetPriorityRequestValidator()
    {
        RuleFor(request => request.Priority).NotNull()
            .WithMessage("'priority' is required: send a whole number from -1,000,000 to 1,000,000 (higher runs first).");
        RuleFor(request => request.Priority).InclusiveBetween(-JobOptionsRequestValidator.MaxPriority, JobOptionsRequestValidator.MaxPriority);
    }
}
