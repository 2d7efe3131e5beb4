namespace ConcernBot.Teams.Connector;

internal static class ServiceUrlPrefix
{
    /// <summary>
    /// True when <paramref name="candidate"/> lies under <paramref name="prefix"/>: same scheme, host and port, and the path
    /// continues the prefix's path at a segment boundary. No user info allowed (<c>https://known@evil/</c>).
    /// </summary>
    public static bool IsUnder(Uri candidate, Uri prefix) =>
        string.IsNullOrEmpty(candidate.UserInfo)
        && string.Equals(prefix.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(prefix.IdnHost, candidate.IdnHost, StringComparison.OrdinalIgnoreCase)
        && prefix.Port == candidate.Port
        && WithTrailingSlash(candidate.AbsolutePath).StartsWith(WithTrailingSlash(prefix.AbsolutePath), StringComparison.OrdinalIgnoreCase);

    public static bool IsUnder(string candidate, string prefix) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var c) && Uri.TryCreate(prefix, UriKind.Absolute, out var p) && IsUnder(c, p);

    private static string WithTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
