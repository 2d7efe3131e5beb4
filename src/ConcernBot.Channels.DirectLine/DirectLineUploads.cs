using System.Collections.Concurrent;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// Files uploaded with a web message, held in memory only until the bot's turn reads them (never written to disk, never
/// served back to any page). Each is bound to its conversation and taken once; what is not read goes after a few minutes.
/// </summary>
public sealed class DirectLineUploads(TimeProvider time)
{
    /// <summary>The bot's copy of the activity names an upload by this prefix and its id; it is not a URL anyone can open.</summary>
    public const string ContentUrlPrefix = "directline-upload:";

    /// <summary>All uploads this instance holds at once; an upload beyond that is refused.</summary>
    public const long MaxHeldBytes = 256L * 1024 * 1024;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private long _bytes;

    public bool TryHold(string conversationId, byte[] bytes, out string id)
    {
        Sweep();
        id = DirectLineTokens.NewId("up-");
        if (Interlocked.Add(ref _bytes, bytes.Length) > MaxHeldBytes)
        {
            Interlocked.Add(ref _bytes, -bytes.Length);
            return false;
        }

        _held[id] = new Held(conversationId, bytes, time.GetUtcNow() + Lifetime);
        return true;
    }

    public static int Count(Activity activity) => activity.Attachments?.Count(IsUpload) ?? 0;

    /// <summary>The files of the activity, taken out of memory; only those uploaded to the activity's own conversation.</summary>
    public IReadOnlyList<ChannelFile> Take(Activity activity, long maxBytes)
    {
        var files = new List<ChannelFile>();
        foreach (var attachment in (activity.Attachments ?? []).Where(IsUpload))
        {
            var id = attachment.ContentUrl![ContentUrlPrefix.Length..];
            if (_held.TryRemove(id, out var held))
            {
                Interlocked.Add(ref _bytes, -held.Bytes.Length);
            }

            files.Add(held is null || held.ConversationId != activity.Conversation?.Id ? new ChannelFile(attachment.Name, attachment.ContentType, null, ChannelFileProblem.NotFetched)
                : held.Bytes.Length > maxBytes ? new ChannelFile(attachment.Name, attachment.ContentType, null, ChannelFileProblem.TooLarge)
                : new ChannelFile(attachment.Name, attachment.ContentType, held.Bytes));
        }

        return files;
    }

    private static bool IsUpload(Attachment attachment) => attachment.ContentUrl?.StartsWith(ContentUrlPrefix, StringComparison.Ordinal) == true;

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, held) in _held)
        {
            if (held.Until < now && _held.TryRemove(id, out var gone))
            {
                Interlocked.Add(ref _bytes, -gone.Bytes.Length);
            }
        }
    }

    private sealed record Held(string ConversationId, byte[] Bytes, DateTimeOffset Until);
}
