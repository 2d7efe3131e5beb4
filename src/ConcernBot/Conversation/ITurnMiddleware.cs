using ConcernBot.Channels.Turns;

namespace ConcernBot.Conversation;

/// <summary>What runs on every turn before any feature is offered it (e.g. scrubbing what the client told about itself).</summary>
public interface ITurnMiddleware
{
    void OnTurn(ITurnContext turn);
}
