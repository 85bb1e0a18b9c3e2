namespace Remap.LanguageServer.Tests;

/// <summary>Polling for conditions that the server makes true in the background, such as a message after an HTTP read.</summary>
internal static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds; fails after five seconds.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string description)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"{description} did not happen within 5 s");
    }
}
