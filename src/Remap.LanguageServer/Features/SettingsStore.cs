namespace Remap.LanguageServer.Features;

/// <summary>The current settings and a generation number that grows with each change, so cached results know they are out of date.</summary>
internal sealed class SettingsStore
{
    private static readonly TimeSpan FirstReadTimeout = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RemapSettings current = RemapSettings.Empty;
    private int generation;

    /// <summary>
    /// Waits until the client's settings were read once (or two seconds at most), so the first diagnostics of a file that
    /// relies on <c>remap.defaults.*</c> are not a flash of "input missing" errors.
    /// </summary>
    public async Task WhenFirstReadAsync(CancellationToken cancellationToken)
    {
        if (firstRead.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await firstRead.Task.WaitAsync(FirstReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Without a response, diagnostics use the settings known so far.
        }
    }

    public void MarkFirstRead() => firstRead.TrySetResult();

    public RemapSettings Current => Volatile.Read(ref current);

    public int Generation => Volatile.Read(ref generation);

    /// <summary>Stores new settings only if <paramref name="expected"/> is still the current object; returns whether it did.</summary>
    public bool TryReplace(RemapSettings expected, RemapSettings replacement)
    {
        if (!ReferenceEquals(Interlocked.CompareExchange(ref current, replacement, expected), expected))
        {
            return false;
        }

        Interlocked.Increment(ref generation);
        return true;
    }

    /// <summary>Stores new settings; returns true when they differ from the old ones.</summary>
    public bool Update(RemapSettings settings)
    {
        var old = Interlocked.Exchange(ref current, settings);
        if (old == settings)
        {
            return false;
        }

        Interlocked.Increment(ref generation);
        return true;
    }
}
