using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Remap.Api.Exploration;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Api.Overview;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Training.Data;

namespace Remap.Api.Populations;

public static class PopulationsApi
{
    public static RouteGroupBuilder MapPopulationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/populations", CreatePopulation)
            .WithTags("Populations")
            .WithName("CreatePopulation")
            .WithSummary("Sample random valid architectures for a dataset and queue their training; repeated architectures are trained once")
            .WithValidation<CreatePopulationRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<PopulationResponse>, ProblemHttpResult>> CreatePopulation(
        CreatePopulationRequest request, DatasetCatalog datasets, DerivedModels derived, ILogger<DerivedModels> logger, CancellationToken cancellationToken)
    {
        if (datasets.Find(request.Dataset) is not { } info)
        {
            return Problems.BadRequest("Unknown dataset",
                $"'dataset' is '{request.Dataset}', which is not registered on this server. Use one of: {string.Join(", ", datasets.List().Select(dataset => dataset.Name))}.");
        }

        var seed = request.Seed ?? Random.Shared.Next();
        var training = TrainingSettingsMapping.Apply(TrainingSettings.Default, request.Training);
        var template = new Architecture("sample", info.Input, info.Classes, [], info.Name, training);
        var options = new SamplerOptions(request.MaxDepth ?? 10, request.MaxParameters ?? 1_000_000,
            [.. (request.AllowedKinds ?? []).Select(LayerKindNames.Parse)], seed);
        SampledPopulation population;
        try
        {
            population = PopulationSampler.Sample(template, request.Count!.Value, options);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            ExplorationLog.PopulationRejected(logger, info.Name, exception.Message);
            return Problems.BadRequest("Population bounds admit no architecture", exception.Message);
        }

        var members = new List<PopulationMemberResponse>();
        var firstByHash = new Dictionary<string, int>();
        var (queued, reused, duplicates) = (0, 0, 0);
        foreach (var (architecture, index) in population.Architectures.Select((architecture, index) => (architecture, index)))
        {
            var hash = ArchitectureHash.Compute(architecture);
            var layers = LayerShortForm.Format(architecture.Layers);
            if (firstByHash.TryGetValue(hash, out var first))
            {
                duplicates++;
                members.Add(members[first] with { Index = index, DuplicateOf = first });
                continue;
            }

            var (result, problem) = await derived.QueueAsync(architecture, parentId: null, [], request.Job, cancellationToken);
            if (result is null)
            {
                return Problems.BadRequest("Sampled architecture rejected", $"Member {index} ({layers}) was rejected: {problem}");
            }

            firstByHash[hash] = members.Count;
            (queued, reused) = result.Reused ? (queued, reused + 1) : (queued + 1, reused);
            members.Add(new PopulationMemberResponse(index, layers, result.Reused, null, ModelMapping.ToSummary(result.Model),
                result.Job is null ? null : JobMapping.ToResponse(result.Job)));
        }

        return TypedResults.Ok(new PopulationResponse(info.Name, seed, request.Count!.Value, queued, reused, duplicates, population.DiscardedWalks, members));
    }
}
