using ConcernBot.Anonymity;
using ConcernBot.Channels.Turns;
using ConcernBot.Guidance;
using ConcernBot.Intake;
using ConcernBot.Leads;
using ConcernBot.Learning;
using ConcernBot.Welcome;

namespace ConcernBot.Conversation;

/// <summary>One route: the feature handler offered the turn, and the channel it is for (null: every channel).</summary>
public sealed record TurnRoute(Type Handler, string? Channel, string Takes);

/// <summary>
/// Which feature gets a turn, in one ordered table: each handler in turn is offered it until one takes it. Each takes only
/// its own turns, so the conversation's catch-alls (the intake, the welcome) come last. docs/architecture.md shows it.
/// </summary>
public static class TurnRoutes
{
    public static IReadOnlyList<TurnRoute> InOrder { get; } =
    [
        new(typeof(Language.LanguageHandler), null, "\"language\" and the language card, in a person's own chat"),
        new(typeof(ReporterRelayHandler), null, "a reporter answering the leads through their sealed route, `stop contact`, `status SG-... WORD`"),
        new(typeof(TeamSetupHandler), ChannelIds.Teams, "the bot added to or removed from a team, channels created or renamed"),
        new(typeof(LeadsChannelCommands), ChannelIds.Teams, "`alerts here`, `open concerns`, `test escalation` in a channel"),
        new(typeof(LeadsCardHandler), ChannelIds.Teams, "the leads' card actions (leads.*) and its refresh"),
        new(typeof(ReporterAnswerTurnHandler), null, "a named reporter's answer to a lead's question in their own chat"),
        new(typeof(ReporterNextStepsHandler), null, "\"I'm not happy\", \"nothing has happened\": the next steps inside and outside"),
        new(typeof(LearningChannelCommands), ChannelIds.Teams, "`report` and `export` in a leads' channel"),
        new(typeof(FollowUpAnswerHandler), null, "the reporter's answer to the outcome follow-up"),
        new(typeof(GuidanceHandler), null, "\"learn\", \"what is abuse\", \"who is my lead\" and the guidance buttons"),
        new(typeof(ReceiptSecretHandler), null, "the receipt's \"I've written it down: remove it\" (the secret code taken out of the chat)"),
        new(typeof(ConcernStatusHandler), null, "`status SG-...` for a named or confidential reporter"),
        new(typeof(IntakeHandler), null, "the guided concern conversation (catch-all in a private chat)"),
        new(typeof(WelcomeHandler), null, "install, opening the chat, \"hi\", \"menu\": the welcome card"),
    ];

    /// <summary>The handlers in the table's order, each with its route; a registered handler missing from the table is an error.</summary>
    public static IReadOnlyList<(TurnRoute Route, ITurnHandler Handler)> Resolve(IEnumerable<ITurnHandler> handlers)
    {
        var byType = handlers.ToDictionary(h => h.GetType());
        var missing = byType.Keys.Where(t => InOrder.All(r => r.Handler != t)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Turn handlers registered but not routed in TurnRoutes: " + string.Join(", ", missing));
        }

        return [.. InOrder.Where(r => byType.ContainsKey(r.Handler)).Select(r => (r, byType[r.Handler]))];
    }
}
