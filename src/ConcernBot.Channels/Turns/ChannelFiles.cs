using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Turns;

/// <summary>
/// A file attached to an inbound message, read by the channel that carried it (Teams: a download link or an inline
/// image; the web page: an upload), so no feature knows how a channel carries files. Bytes are null when the channel
/// could not fetch them (<see cref="Problem"/> says why); they live in memory only.
/// </summary>
public sealed record ChannelFile(string? Name, string? ContentType, byte[]? Bytes, ChannelFileProblem Problem = ChannelFileProblem.None);

public enum ChannelFileProblem
{
    None,

    /// <summary>Bigger than the limit asked for: not read to the end.</summary>
    TooLarge,

    /// <summary>Not fetched: from a place the channel does not trust, a redirect elsewhere, or a failed download.</summary>
    NotFetched,
}

/// <summary>What a channel does to read the files of a message; an adapter without files reads none.</summary>
public interface IChannelFiles
{
    /// <summary>How many files the activity carries (a card or a mention is not one), without fetching them.</summary>
    int CountFiles(Activity activity);

    /// <summary>Reads each file of the activity, at most <paramref name="maxBytes"/> each.</summary>
    Task<IReadOnlyList<ChannelFile>> ReadFilesAsync(Activity activity, long maxBytes, CancellationToken cancellationToken = default);
}
