namespace ConcernBot.Testing;

/// <summary>For what arrives in its own time (the outbox after an outage): reads until it is done, or the time is up.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = read();
        }

        return value;
    }
}
