using System.Text.Json;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>An answered question card, replaced by what was asked and the answer given: no buttons left to press.</summary>
    public JsonElement Answered(IReadOnlyList<(string Question, string Answer)> answered)
    {
        var card = new AdaptiveCard();
        foreach (var (question, answer) in answered)
        {
            card.Add(CardElement.Text(question, subtle: true))
                .Add(CardElement.Text(answer, weight: TextWeight.Bolder));
        }

        return card
            .WithFallbackText(string.Join("\n", answered.Select(a => a.Question + " " + a.Answer)))
            .ToJsonElement();
    }
}
