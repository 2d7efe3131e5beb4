namespace ConcernBot.Channels.Teams.Connector;

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
        && IsPathUnder(candidate.AbsolutePath, prefix.AbsolutePath);

    public static bool IsUnder(string candidate, string prefix) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var c) && Uri.TryCreate(prefix, UriKind.Absolute, out var p) && IsUnder(c, p);

    /// <summary>
    /// "<paramref name="path"/> with a trailing '/' starts with <paramref name="prefix"/> with a trailing '/'", case-insensitively,
    /// without building either string.
    /// </summary>
    private static bool IsPathUnder(string path, string prefix)
    {
        var stem = prefix.EndsWith('/') ? prefix.AsSpan(0, prefix.Length - 1) : prefix.AsSpan();
        if (path.Length < stem.Length || !path.AsSpan(0, stem.Length).Equals(stem, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The character after the stem must be the '/' (the path's own, or the one added to a path that lacks it).
        return path.Length == stem.Length ? !path.EndsWith('/') : path[stem.Length] == '/';
    }
}
