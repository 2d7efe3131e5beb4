namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteReplyRouteStore(SqliteDatabase database) : IReplyRouteStore
{
    public Task CreateAsync(string token, string sealedRoute, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            "reply_routes.write",
            async (connection, transaction, cancel) =>
            {
                var inserted = await connection.ExecuteAsync(
                    transaction,
                    "INSERT INTO reply_routes (token, sealed) VALUES ($token, $sealed) ON CONFLICT DO NOTHING",
                    cancel,
                    ("$token", token),
                    ("$sealed", sealedRoute));
                if (inserted != 1)
                {
                    throw new ConcurrencyConflictException("The reply route token is already in use.");
                }
            },
            cancellationToken);

    public async Task<string?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("reply_routes.read", cancellationToken);
        return await connection.ScalarAsync(null, "SELECT sealed FROM reply_routes WHERE token = $token", cancellationToken, ("$token", token)) as string;
    }

    public async Task<bool> DeleteAsync(string token, CancellationToken cancellationToken = default) =>
        await database.WriteAsync(
            "reply_routes.write",
            (connection, transaction, cancel) => connection.ExecuteAsync(transaction, "DELETE FROM reply_routes WHERE token = $token", cancel, ("$token", token)),
            cancellationToken) == 1;
}
