using ConcernBot.Channels.Invoke;

namespace ConcernBot.Channels.Turns;

/// <summary>The application. Called once for every authenticated, well-formed activity.</summary>
public interface IBot
{
    /// <summary>
    /// Handles one activity. For an invoke, returns the invoke answer (null means nobody handled it: 501);
    /// for anything else the return value is ignored.
    /// </summary>
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
