using System.Text.Json;
using ConcernBot.Channels.Cards;
using ConcernBot.Resources;

namespace ConcernBot.Welcome;

/// <summary>The welcome card: what ConcernBot is for, and the two ways in.</summary>
public sealed class WelcomeCards
{
    public JsonElement Welcome() => new AdaptiveCard()
        .Add(CardElement.Heading(Strings.WelcomeTitle))
        .Add(CardElement.Text(Strings.WelcomeIntro))
        .Add(CardElement.Text(Strings.WelcomeReassurance))
        .Add(CardElement.Text(Strings.WelcomeEmergency, subtle: true))
        .AddAction(CardAction.Submit(Strings.WelcomeRaiseConcern, CardData.Verb(WelcomeVerbs.RaiseConcern), style: "positive", validateInputs: false))
        .AddAction(CardAction.Submit(Strings.WelcomeLearn, CardData.Verb(WelcomeVerbs.Learn), validateInputs: false))
        .WithFallbackText(Strings.WelcomeFallback)
        .ToJsonElement();
}
