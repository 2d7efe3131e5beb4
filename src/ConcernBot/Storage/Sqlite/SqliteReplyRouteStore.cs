namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteReplyRouteStore(SqliteDatabase database) : IReplyRouteStore
{
    public async Task CreateAsync(string token, string sealedRoute, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            null,
            "INSERT INTO reply_routes (token, sealed) VALUES ($token, $sealed) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("$token", token),
            ("$sealed", sealedRoute));
        if (inserted != 1)
        {
            throw new ConcurrencyConflictException("The reply route token is already in use.");
        }
    }

    public async Task<string?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync(null, "SELECT sealed FROM reply_routes WHERE token = $token", cancellationToken, ("$token", token)) as string;
    }

    public async Task<bool> DeleteAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(null, "DELETE FROM reply_routes WHERE token = $token", cancellationToken, ("$token", token)) == 1;
    }
}
