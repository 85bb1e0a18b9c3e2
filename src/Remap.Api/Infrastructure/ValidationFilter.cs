using FluentValidation;

namespace Remap.Api.Infrastructure;

/// <summary>Runs the FluentValidation validator of <typeparamref name="TRequest"/> and returns 400 with its errors.</summary>
public sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return TypedResults.Problem(
                title: "Missing request body",
                detail: $"The request needs a JSON body of type {typeof(TRequest).Name}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            return ValidationProblems.Create(result);
        }

        return await next(context);
    }
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the <typeparamref name="TRequest"/> argument before the handler runs.</summary>
    public static RouteHandlerBuilder WithValidation<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
