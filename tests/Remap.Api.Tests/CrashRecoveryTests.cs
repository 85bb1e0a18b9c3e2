using System.Net.Http.Json;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>A server process killed with SIGKILL mid-epoch resumes its job from the last checkpoint after a restart.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("remap-crash-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task KilledServer_ResumesJobFromCheckpoint()
    {
        var settings = new Dictionary<string, string>
        {
            ["Remap:DatabasePath"] = Path.Combine(folder, "remap.db"),
            ["Remap:DataDirectory"] = Path.Combine(RemapApiFactory.RepositoryRoot(), "data"),
            [$"Remap:Datasets:{TinyDataset.Name}"] = TinyDataset.Write(Path.Combine(folder, "tiny")),
            ["Remap:TorchThreads"] = "1",
            ["Remap:LeaseDuration"] = "00:00:03",
            ["Remap:HeartbeatInterval"] = "00:00:00.500",
            ["Remap:ExpiredLeaseScanInterval"] = "00:00:01",
            ["Remap:PollInterval"] = "00:00:00.200",
            ["Remap:ProgressInterval"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var port = ServerProcess.FreePort();
        // One epoch of this CNN on the 9,000 training images takes about a second on one thread, long enough to kill it mid-epoch.
        const string Cnn = """
            model crash_cnn
            dataset fashion-mnist-sample
            conv2d filters=8 kernel=3
            relu
            maxpool2d size=2
            flatten
            dense units=10
            training {
              epochs = 4
              batch_size = 64
            }
            """;

        long finishedJobId;
        long interruptedJobId;
        int epochAtKill;
        using (var first = await ServerProcess.StartAsync(port, settings, Timeout))
        {
            using var client = first.CreateClient();
            var finished = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 1)));
            finishedJobId = finished.Job.Id;
            Assert.Equal(JobStates.Succeeded, (await RemapApiFactory.WaitForJobAsync(client, finishedJobId, Timeout)).State);

            var interrupted = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Cnn));
            interruptedJobId = interrupted.Job.Id;
            epochAtKill = (await TrainerQueueTests.WaitUntilAsync(client, interruptedJobId, job => job.Epoch >= 1)).Epoch;
            first.KillHard();
        }

        using var restarted = await ServerProcess.StartAsync(port, settings, Timeout);
        using var restartedClient = restarted.CreateClient();
        var resumedJob = await RemapApiFactory.WaitForJobAsync(restartedClient, interruptedJobId, Timeout);
        var resumedModel = await restartedClient.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{resumedJob.ModelId}", RemapApiFactory.Json);
        var finishedJob = await restartedClient.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{finishedJobId}", RemapApiFactory.Json);
        var finishedModel = await restartedClient.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{finishedJob!.ModelId}", RemapApiFactory.Json);

        Assert.True(resumedJob.State == JobStates.Succeeded, $"job ended as '{resumedJob.State}': {resumedJob.Error}\n{restarted.RecentOutput}");
        Assert.Equal(2, resumedJob.Attempts);
        Assert.InRange(resumedModel!.LatestRun!.ResumedFromEpoch, 1, epochAtKill);
        Assert.Equal([1, 2, 3, 4], resumedModel.LatestRun.Epochs.Select(epoch => epoch.Epoch));
        Assert.Equal(JobStates.Succeeded, finishedJob.State);
        Assert.Equal(1, finishedModel!.RunCount);
    }
}
