using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Conversation;

/// <summary>One feature's part of a turn. Handlers are asked in registration order; the first that handles the turn wins.</summary>
public interface ITurnHandler
{
    Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken);
}

/// <summary>Whether a handler dealt with the turn, and the invoke answer if it was an invoke.</summary>
public sealed record TurnOutcome(bool Handled, InvokeResponse? InvokeResponse = null)
{
    public static TurnOutcome NotHandled { get; } = new(false);
    public static TurnOutcome Done { get; } = new(true);

    public static TurnOutcome Invoke(InvokeResponse response) => new(true, response);
}
