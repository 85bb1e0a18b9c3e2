using Remap.Api.Jobs;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine.Store;

namespace Remap.Api.Models;

/// <summary>A generated architecture after queueing: the stored model, its job, and whether an existing model was reused.</summary>
public sealed record QueuedModel(ModelEntity Model, JobEntity? Job, bool Reused);

/// <summary>
/// Queues architectures built in code: population members, variations and ablation children. Each is
/// checked against its dataset like a posted file. A queued, running or trained model with the same
/// architecture, dataset and training settings is reused, and the rest are stored with parent and changes.
/// </summary>
public sealed class DerivedModels(ModelRegistration registration)
{
    /// <summary>Returns the queued or reused model, or the problem that kept the architecture from being queued.</summary>
    public async Task<(QueuedModel? Queued, string? Problem)> QueueAsync(
        Architecture architecture, long? parentId, IReadOnlyList<string> changes, JobOptionsRequest? jobOptions, CancellationToken cancellationToken)
    {
        var compiled = registration.Check(architecture, ShapeInference.Infer(architecture), []);
        if (!compiled.Succeeded)
        {
            return (null, compiled.Problem);
        }

        // The same network trained the same way on the same data gives the same result, so it is not trained twice.
        if (await registration.FindReusableAsync(architecture, parentId, jobOptions, cancellationToken) is { } existing)
        {
            return (new QueuedModel(existing, existing.Jobs.OrderByDescending(job => job.Id).FirstOrDefault(), Reused: true), null);
        }

        var (model, job) = await registration.AddAsync(compiled, ArchitectureWriter.Write(architecture), parentId, changes, jobOptions, cancellationToken);
        return (new QueuedModel(model, job, Reused: false), null);
    }
}

/// <summary>The 409 for a variation or ablation study of a parent without a training result.</summary>
public static class UntrainedParent
{
    /// <param name="purpose">Why the parent's result is needed, as a clause after "and".</param>
    /// <param name="request">What to request again, such as "the variations".</param>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(long id, string status, string purpose, string request) =>
        status is JobStates.Cancelled or JobStates.Failed
            ? Infrastructure.Problems.Conflict("Model not trained",
                $"Model {id} has not finished training: its training ended as {status}, and {purpose}. " +
                $"Train it again (POST /api/v1/models with the same source), wait until that job succeeds, then request {request} again.")
            : Infrastructure.Problems.Conflict("Model not trained",
                $"Model {id} has not finished training (status '{status}'), and {purpose}. " +
                $"Wait until its job succeeds, then request {request} again.");
}
