namespace ConcernBot.Storage;

/// <summary>
/// The Bot Service sends an activity again when it got no answer in time. A turn checks <see cref="IsReplay"/> after
/// reading the conversation's state and saves <see cref="Remember"/>'s state with its own changes, in the same write.
/// </summary>
public static class ActivityReplay
{
    /// <summary>How many recent activity ids a conversation keeps.</summary>
    public const int Capacity = 32;

    public static bool IsReplay(ConversationState? state, string? activityId) =>
        state is not null && !string.IsNullOrEmpty(activityId) && state.RecentActivityIds.Contains(activityId, StringComparer.Ordinal);

    /// <summary>The state with <paramref name="activityId"/> added as the newest handled id, keeping the last <see cref="Capacity"/>.</summary>
    public static ConversationState Remember(ConversationState state, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(activityId) || IsReplay(state, activityId))
        {
            return state;
        }

        var ids = state.RecentActivityIds.Count >= Capacity
            ? state.RecentActivityIds.Skip(state.RecentActivityIds.Count - Capacity + 1).Append(activityId)
            : state.RecentActivityIds.Append(activityId);
        return state with { RecentActivityIds = [.. ids] };
    }
}
