using System.Text.Json;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>Several questions on one card: each its own labelled input, one Continue for them all; how typing works, when hinted.</summary>
    private static JsonElement Together(Prompt prompt, QuestionHint hint)
    {
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(prompt.Question))
            .Add(CardElement.Text(prompt.Simple ? IntakeText.TogetherEmptySimple : IntakeText.TogetherEmpty, subtle: true));
        foreach (var part in prompt.Parts)
        {
            var id = Ask.FieldId(part.Step);
            var first = part.Guidance.Select(g => CardElement.Text(g, subtle: true))
                .Concat(Definitions(part.Choices, subtle: true))
                .ToList();
            card.AddRange(first);
            if (part.Choices.Count > 0)
            {
                card.Add(CardElement.Choices(id, part.Question, part.Choices.Select(c => (c.Title, c.Value)), multiSelect: part.MultiSelect, value: Chosen(part)).WithSeparator());
            }
            else if (part.Text is { } text)
            {
                if (part.OffersDate)
                {
                    card.Add(CardElement.DateInput(Ask.FieldId(part.Step, "_date"), part.Question + " " + IntakeText.WhenDateLabel).WithSeparator())
                        .Add(CardElement.TextInput(id, text.Label, text.Placeholder, text.Multiline, text.MaxLength, value: text.Current));
                }
                else
                {
                    card.Add(CardElement.TextInput(id, part.Question, text.Placeholder, text.Multiline, text.MaxLength, value: text.Current).WithSeparator());
                }
            }
        }

        var answer = CardData.Verb(IntakeVerbs.Answer).With("step", prompt.Step).With(IntakeConversation.TogetherField, true);
        card.Add(CardElement.Actions(CardAction.Submit(IntakeText.ButtonContinue, answer, style: "positive")));
        if (hint != QuestionHint.None)
        {
            card.Add(CardElement.Text(prompt.Simple ? IntakeText.TogetherTypingSimple : IntakeText.TogetherTyping, subtle: true));
        }

        return card
            .AddAction(MoreOptions())
            .WithFallbackText(prompt.Question)
            .WithSpeak(prompt.Question)
            .ToJsonElement();
    }
}
