using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Remap.Api.Jobs;

namespace Remap.Cli.Commands;

/// <summary>
/// The options of every command that queues training: how the server runs the jobs (the request's <c>job</c> object).
/// Values are checked here with the server's own limits, so a bad value is named before anything is queued.
/// </summary>
internal sealed class JobOptions
{
    /// <summary>The request fields these options set, named as the options so server errors point at what the user typed.</summary>
    public static IReadOnlyDictionary<string, string> OptionNames { get; } = new Dictionary<string, string>
    {
        ["job.priority"] = "--priority",
        ["job.repeats"] = "--repeats",
        ["job.patience"] = "--patience",
        ["job.timeBudgetSeconds"] = "--time-budget",
    };

    public Option<int?> Priority { get; } = new("--priority")
    {
        Description = $"Queue priority: higher runs first, equal priorities in the order queued; {-JobOptionsRequestValidator.MaxPriority:N0} to {JobOptionsRequestValidator.MaxPriority:N0} (default 0).",
    };

    public Option<int?> Repeats { get; } = new("--repeats")
    {
        Description = $"Train each architecture this many times, each with the next seed, so the spread between seeds is known; 1 to {JobOptionsRequestValidator.MaxRepeats} (default 1).",
    };

    public Option<int?> Patience { get; } = new("--patience")
    {
        Description = $"Early stopping: stop a run after this many epochs without a validation accuracy gain; 1 to {JobOptionsRequestValidator.MaxPatience} (default: train every epoch).",
    };

    public Option<double?> TimeBudget { get; } = new("--time-budget")
    {
        Description = $"Training time one run may use, in seconds; it stops at the next batch after it. More than 0 and at most {JobOptionsRequestValidator.MaxTimeBudgetSeconds:N0} (one week; default: no limit).",
    };

    public JobOptions()
    {
        OptionRanges.Require(Priority, -JobOptionsRequestValidator.MaxPriority, JobOptionsRequestValidator.MaxPriority);
        OptionRanges.Require(Repeats, 1, JobOptionsRequestValidator.MaxRepeats);
        OptionRanges.Require(Patience, 1, JobOptionsRequestValidator.MaxPatience);
        TimeBudget.Validators.Add(CheckTimeBudget);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Priority);
        command.Options.Add(Repeats);
        command.Options.Add(Patience);
        command.Options.Add(TimeBudget);
    }

    /// <summary>Returns the request's <c>job</c> object, or null when no option was given so the server keeps its defaults.</summary>
    public JobOptionsRequest? ToRequest(ParseResult parseResult)
    {
        var request = new JobOptionsRequest(
            Priority: parseResult.GetValue(Priority),
            Repeats: parseResult.GetValue(Repeats),
            Patience: parseResult.GetValue(Patience),
            TimeBudgetSeconds: parseResult.GetValue(TimeBudget));
        return request == new JobOptionsRequest() ? null : request;
    }

    private static bool TryReadToken(OptionResult result, out string text)
    {
        text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        return result.Tokens.Count == 1;
    }

    private void CheckTimeBudget(OptionResult result)
    {
        if (TryReadToken(result, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
            !(seconds > 0 && seconds <= JobOptionsRequestValidator.MaxTimeBudgetSeconds))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{TimeBudget.Name} is {seconds}: give a number of seconds more than 0 and at most {JobOptionsRequestValidator.MaxTimeBudgetSeconds:N0} (one week), or leave it out for no limit."));
        }
    }
}
