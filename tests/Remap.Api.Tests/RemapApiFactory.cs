using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Remap.Api.Jobs;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>
/// The real server on a fresh SQLite file, with the real worker and trainer unless turned off.
/// Extra settings go through <see cref="Settings"/> before the first client is created.
/// </summary>
public class RemapApiFactory : WebApplicationFactory<Program>
{
    public RemapApiFactory()
        : this(Path.Combine(Path.GetTempPath(), $"remap-api-tests-{Guid.NewGuid():N}"))
    {
    }

    /// <summary>Opens the database in <paramref name="directory"/>, which an earlier factory may have left.</summary>
    internal RemapApiFactory(string directory)
    {
        Directory = directory;
        Settings["Remap:DatabasePath"] = Path.Combine(directory, "remap.db");
        Settings["Remap:DataDirectory"] = Path.Combine(RepositoryRoot(), "data");
        Settings["Remap:WorkerEnabled"] = "true";
        // One job at a time, so tests that watch the queue's order see it whatever the machine's processor count.
        Settings["Remap:WorkerConcurrency"] = "1";
        Settings["Remap:TorchThreads"] = "2";
        Settings["Remap:PollInterval"] = "00:00:00.100";
        Settings["Remap:CancelCheckInterval"] = "00:00:00.200";
    }

    public string Directory { get; }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>When true, disposing leaves the database folder for another factory to open.</summary>
    public bool KeepDirectory { get; set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (!KeepDirectory && System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    /// <summary>Polls the job until it reaches a final state or the timeout passes, and returns its last state.</summary>
    public static async Task<JobResponse> WaitForJobAsync(HttpClient client, long jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}", Json);
            if (job is null || JobStates.IsFinal(job.State) || DateTime.UtcNow > deadline)
            {
                return job!;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Returns the repository root, found from this file's location at compile time.</summary>
    public static string RepositoryRoot([CallerFilePath] string sourcePath = "")
    {
        var directory = Path.GetDirectoryName(sourcePath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Remap.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"No Remap.sln above {sourcePath}; run the tests from a checkout of the repository.");
    }
}

/// <summary>A server whose worker is off, so jobs stay queued.</summary>
public sealed class QueueOnlyApiFactory : RemapApiFactory
{
    public QueueOnlyApiFactory()
    {
        Settings["Remap:WorkerEnabled"] = "false";
    }

    /// <summary>Opens the database in <paramref name="directory"/>, left by an earlier factory.</summary>
    internal QueueOnlyApiFactory(string directory)
        : base(directory)
    {
        Settings["Remap:WorkerEnabled"] = "false";
    }
}
