using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Remap.LanguageServer;

/// <summary>
/// Ends the session when the client process named in <c>initialize</c> exits, as the specification recommends, so a crashed editor
/// leaves no server behind. A process id that cannot be found (another process namespace, for example) is ignored.
/// </summary>
internal static class ParentProcessWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static void Watch(int? processId, ServerSession session, ILogger logger)
    {
        if (processId is not { } id || id == Environment.ProcessId)
        {
            return;
        }

        Process parent;
        try
        {
            parent = Process.GetProcessById(id);
        }
        catch (ArgumentException)
        {
            Log.ParentNotFound(logger, id);
            return;
        }

        _ = WaitAsync(parent, id, session, logger);
    }

    // Polls HasExited once a second, and stops early when the session ends first.
    private static async Task WaitAsync(Process parent, int id, ServerSession session, ILogger logger)
    {
        using (parent)
        {
            using var timer = new PeriodicTimer(PollInterval);
            try
            {
                while (!parent.HasExited && !session.Exited.IsCompleted)
                {
                    await timer.WaitForNextTickAsync().ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException)
            {
                Log.ParentNotFound(logger, id);
                return;
            }
        }

        if (!session.Exited.IsCompleted)
        {
            Log.ParentExited(logger, id);
            session.Exit();
        }
    }
}
