namespace Remap.Engine.Tests;

/// <summary>A clock that moves only when the test advances it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan span) => now += span;
}
