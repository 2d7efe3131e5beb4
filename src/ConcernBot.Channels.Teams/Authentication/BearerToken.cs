namespace ConcernBot.Channels.Teams.Authentication;

internal static class BearerToken
{
    /// <summary>The token from <c>Authorization: Bearer &lt;token&gt;</c>: exactly two parts, scheme Bearer (any case).</summary>
    public static bool TryParse(string? authorizationHeader, out string token)
    {
        token = "";
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return false;
        }

        var parts = authorizationHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = parts[1];
        return true;
    }
}
