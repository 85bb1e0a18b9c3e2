using FluentValidation;

namespace Remap.Api.Overview;

/// <summary>Checks the overview query's view, method and paging values.</summary>
public sealed class OverviewQueryValidator : AbstractValidator<OverviewQuery>
{
    public const int MaxLimit = 50_000;

    public OverviewQueryValidator()
    {
        RuleFor(query => query.Projection)
            .Must(projection => projection is null || ProjectionKinds.Views.Contains(projection))
            .WithMessage(query => $"'projection' is '{query.Projection}'; use one of {string.Join(", ", ProjectionKinds.Views)}.");
        RuleFor(query => query.Method)
            .Must(method => method is null || ProjectionKinds.Methods.Contains(method))
            .WithMessage(query => $"'method' is '{query.Method}'; use one of {string.Join(", ", ProjectionKinds.Methods)}.");
        RuleFor(query => query.Method)
            .Null()
            .When(query => query.Projection == ProjectionKinds.AccuracySize)
            .WithMessage("'method' applies to the structure and prediction views only; leave it out for accuracy-size.");
        RuleFor(query => query.ClassIndex).GreaterThanOrEqualTo(0);
        RuleFor(query => query.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(query => query.MaxPoints).InclusiveBetween(10, MaxLimit);
        RuleFor(query => query.After).GreaterThanOrEqualTo(0);
        RuleFor(query => query.Focus).GreaterThan(0);
    }
}

/// <summary>Checks a recompute request's view and method.</summary>
public sealed class RecomputeProjectionRequestValidator : AbstractValidator<RecomputeProjectionRequest>
{
    public RecomputeProjectionRequestValidator()
    {
        RuleFor(request => request.Projection)
            .NotEmpty()
            .WithMessage($"'projection' is missing; send {ProjectionKinds.Structure} or {ProjectionKinds.Prediction}.")
            .Must(projection => projection is ProjectionKinds.Structure or ProjectionKinds.Prediction)
            .When(request => !string.IsNullOrEmpty(request.Projection), ApplyConditionTo.CurrentValidator)
            .WithMessage(request => $"'projection' is '{request.Projection}', but only structure and prediction can be recomputed: accuracy-size plots stored accuracies and sizes, so it needs no fit.");
        RuleFor(request => request.Method)
            .Must(method => method is null || ProjectionKinds.Methods.Contains(method))
            .WithMessage(request => $"'method' is '{request.Method}'; use one of {string.Join(", ", ProjectionKinds.Methods)}.");
        RuleFor(request => request.Dataset!).NotEmpty().MaximumLength(200).When(request => request.Dataset is not null);
        RuleFor(request => request.Seed).GreaterThanOrEqualTo(0);
    }
}
