using ConcernBot.Channels.Activities;

namespace ConcernBot.Testing;

/// <summary>A stand-in channel that keeps every activity the bot sent, in order (what a <see cref="TeamsChat"/> reads its replies from).</summary>
public interface ISentActivities
{
    IReadOnlyList<Activity> Sent { get; }
}
