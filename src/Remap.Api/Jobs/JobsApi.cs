using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Api.Jobs;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");

        jobs.MapGet("/", ListJobs)
            .WithName("ListJobs")
            .WithSummary("List training jobs, newest first, optionally of one state")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/{id:long}", GetJob)
            .WithName("GetJob")
            .WithSummary("Get a training job and its progress")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id:long}/cancel", CancelJob)
            .WithName("CancelJob")
            .WithSummary("Cancel a job: a queued job at once, a running job at its next batch")
            .WithDescription(
                "A queued job is cancelled at once (200). A running job gets a cancel request (202): its worker stops it at the next batch, " +
                "or, when that worker stopped sending heartbeats (its process was killed), the job is cancelled when its lease expires, " +
                "at most Remap:LeaseDuration after the last heartbeat, instead of being requeued. Either way it keeps the epochs it finished and their metrics.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPut("/{id:long}/priority", SetPriority)
            .WithName("SetJobPriority")
            .WithSummary("Change the priority of a queued job, which moves it in the queue: higher runs first")
            .WithValidation<SetPriorityRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <param name="state">Only jobs in this state: queued, running, succeeded, failed, cancelled or diverged; every job when left out.</param>
    public static async Task<Results<Ok<List<JobResponse>>, ProblemHttpResult>> ListJobs(
        RemapDbContext context, string? state, CancellationToken cancellationToken)
    {
        var query = context.Jobs.AsNoTracking();
        if (!string.IsNullOrEmpty(state))
        {
            if (!JobStates.All.Contains(state))
            {
                return Problems.BadRequest("Unknown job state",
                    $"'state' is '{state}', which is not a job state. Use one of {string.Join(", ", JobStates.All)}, or leave it out to list every job.");
            }

            query = query.Where(job => job.State == state);
        }

        var jobs = await query.OrderByDescending(job => job.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.Select(JobMapping.ToResponse).ToList());
    }

    /// <param name="id">The job id, as GET /api/v1/jobs lists it.</param>
    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJob(long id, RemapDbContext context, CancellationToken cancellationToken)
    {
        var job = await context.Jobs.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        return job is null ? Problems.NotFound("Job", id) : TypedResults.Ok(JobMapping.ToResponse(job));
    }

    /// <param name="id">The job id, as GET /api/v1/jobs lists it.</param>
    public static async Task<Results<Ok<JobResponse>, Accepted<JobResponse>, ProblemHttpResult>> CancelJob(
        long id, JobQueue queue, RemapDbContext context, CancellationToken cancellationToken)
    {
        var outcome = await queue.CancelAsync(id, cancellationToken);
        var job = await context.Jobs.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (outcome == CancelOutcome.NotFound || job is null)
        {
            return Problems.NotFound("Job", id);
        }

        return outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(JobMapping.ToResponse(job)),
            CancelOutcome.Requested => TypedResults.Accepted($"/api/v1/jobs/{id}", JobMapping.ToResponse(job)),
            _ => Problems.Conflict("Job already finished", $"Job {id} already finished with state '{job.State}', so there is nothing to cancel."),
        };
    }

    /// <param name="id">The job id, as GET /api/v1/jobs lists it.</param>
    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> SetPriority(
        long id, SetPriorityRequest request, JobQueue queue, RemapDbContext context, CancellationToken cancellationToken)
    {
        var changed = await queue.SetPriorityAsync(id, request.Priority!.Value, cancellationToken);
        var job = await context.Jobs.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound("Job", id);
        }

        if (!changed)
        {
            return Problems.Conflict("Job not queued",
                $"Job {id} is '{job.State}', and only a queued job can change its priority. A running job keeps its place; queue the model again to train it anew.");
        }

        return TypedResults.Ok(JobMapping.ToResponse(job));
    }
}
