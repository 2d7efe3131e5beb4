using System.Collections.Concurrent;
using ConcernBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// Each web conversation's activities, in order, for the client to fetch by watermark (the Direct Line 3.0 polling
/// model). Kept in this instance's memory, bounded in count and age: the page is a live conversation, and what the bot
/// must not lose (the receipt, the leads' questions) is in the product's own store and outbox.
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private static readonly TimeSpan UnusedLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Transcript> _conversations = new(StringComparer.Ordinal);

    public bool TryOpen(string conversationId, string userId)
    {
        Sweep();
        if (_conversations.Count >= options.Value.MaxConversations)
        {
            return false;
        }

        _conversations.TryAdd(conversationId, new Transcript(userId, time.GetUtcNow()));
        return true;
    }

    public bool Exists(string conversationId) => _conversations.ContainsKey(conversationId);

    /// <summary>Adds an activity (its id is its position); false when the conversation is gone.</summary>
    public bool Append(string conversationId, Activity activity)
    {
        if (!_conversations.TryGetValue(conversationId, out var transcript))
        {
            return false;
        }

        lock (transcript)
        {
            transcript.Next++;
            activity.Id = $"{conversationId}|{transcript.Next:D7}";
            activity.Timestamp ??= time.GetUtcNow();
            transcript.Activities.Add((transcript.Next, activity));
            if (transcript.Activities.Count > options.Value.MaxActivities)
            {
                transcript.Activities.RemoveAt(0);
            }

            transcript.LastUsed = time.GetUtcNow();
        }

        return true;
    }

    /// <summary>Forgets one kept activity (the page may have shown it already).</summary>
    public bool Remove(string conversationId, string activityId)
    {
        if (!_conversations.TryGetValue(conversationId, out var transcript))
        {
            return false;
        }

        lock (transcript)
        {
            return transcript.Activities.RemoveAll(a => a.Activity.Id == activityId) > 0;
        }
    }

    public bool Replace(string conversationId, string activityId, Activity activity)
    {
        if (!_conversations.TryGetValue(conversationId, out var transcript))
        {
            return false;
        }

        lock (transcript)
        {
            var index = transcript.Activities.FindIndex(a => a.Activity.Id == activityId);
            if (index < 0)
            {
                return false;
            }

            activity.Id = activityId;
            transcript.Activities[index] = (transcript.Activities[index].Sequence, activity);
        }

        return true;
    }

    /// <summary>The activities after <paramref name="watermark"/>, and the new watermark; null when the conversation is gone.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark)? Since(string conversationId, long watermark)
    {
        if (!_conversations.TryGetValue(conversationId, out var transcript))
        {
            return null;
        }

        lock (transcript)
        {
            transcript.LastUsed = time.GetUtcNow();
            return ([.. transcript.Activities.Where(a => a.Sequence > watermark).Select(a => a.Activity)], transcript.Next);
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.Value.IdleLifetime;
        foreach (var (id, transcript) in _conversations)
        {
            // A conversation started but never spoken in goes after ten minutes, so tokens fetched in bulk cannot fill
            // the page's budget for hours.
            if (transcript.LastUsed < cutoff || (transcript.Next == 0 && transcript.LastUsed < now - UnusedLifetime))
            {
                _conversations.TryRemove(id, out _);
            }
        }
    }

    private sealed class Transcript(string userId, DateTimeOffset created)
    {
        public string UserId { get; } = userId;
        public List<(long Sequence, Activity Activity)> Activities { get; } = [];
        public long Next { get; set; }
        public DateTimeOffset LastUsed { get; set; } = created;
    }
}
