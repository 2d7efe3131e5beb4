using System.Globalization;
using System.Text.Json;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

/// <summary>
/// The one place that turns the intake's state into cards: questions, confirmations, the review, the form and the receipt.
/// Every input has a label; nothing is said by colour alone; every button's words make sense read aloud on their own.
/// </summary>
public sealed partial class IntakeCards
{
    /// <summary>More definitions than this sit behind "What do these mean?", so a phone shows the choices first.</summary>
    public const int DefinitionsShownOpen = 5;

    /// <summary>What each choice means: on the card when there are few, behind "What do these mean?" when there are many.</summary>
    private static List<CardElement> Definitions(IReadOnlyList<Choice> choices, bool subtle)
    {
        var defined = choices.Where(c => c.Description is not null).Select(c => CardElement.Text($"**{c.Title}**: {c.Description}", subtle: subtle)).ToList();
        return defined.Count <= DefinitionsShownOpen
            ? defined
            : [CardElement.Actions(CardAction.ShowCard(IntakeText.WhatDoTheseMean, new AdaptiveCard().AddRange(defined)))];
    }

    /// <summary>A question: guidance, the question as a heading, then buttons, ticks, a text box or a date.</summary>
    /// <param name="hint">
    /// Add "press a button or type your answer" (and the commands): only where it helps, on the first question of a
    /// concern and when a question is asked again after a miss, not on every card.
    /// </param>
    public JsonElement Question(Prompt prompt, QuestionHint hint = QuestionHint.None)
    {
        if (prompt.Parts.Count > 0)
        {
            return Together(prompt, hint);
        }

        var card = new AdaptiveCard();
        card.AddRange(prompt.Guidance.Select(g => CardElement.Text(g)));
        if (prompt.Details.Count > 0)
        {
            card.Add(CardElement.Actions(CardAction.ShowCard(prompt.DetailsTitle ?? IntakeText.WhatDoTheseMean, new AdaptiveCard().AddRange(prompt.Details.Select(p => CardElement.Text(p))))));
        }

        var answer = CardData.Verb(IntakeVerbs.Answer).With("step", prompt.Step);
        if (prompt.MultiSelect)
        {
            // The question labels the ticks themselves (no heading above a second label), so a long list still fits a phone.
            card.Add(CardElement.Choices("choices", prompt.Question, prompt.Choices.Select(c => (c.Title, c.Value)), multiSelect: true, value: Chosen(prompt)));
            card.AddRange(Definitions(prompt.Choices, subtle: false));
            card.Add(CardElement.Actions(CardAction.Submit(IntakeText.ButtonContinue, answer, style: "positive")));
        }
        else
        {
            card.Add(CardElement.Heading(prompt.Question));
            card.AddRange(Definitions(prompt.Choices, subtle: false));
            if (prompt.Choices.Count > 0)
            {
                // One button a row: full-width, never truncated, read in order, and inside Teams' five actions per set.
                card.AddRange(prompt.Choices.Select(c => CardElement.Actions(
                    CardAction.Submit(c.Title, answer.With("choice", c.Value), validateInputs: false))));
            }

            if (prompt.Text is { } text)
            {
                if (prompt.OffersDate)
                {
                    card.Add(CardElement.DateInput("date", IntakeText.WhenDateLabel));
                }

                card.Add(CardElement.TextInput("answer", text.Label, text.Placeholder, text.Multiline, text.MaxLength, value: text.Current));
                var buttons = new List<CardAction> { CardAction.Submit(IntakeText.ButtonContinue, answer, style: "positive") };
                if (prompt.SkipTitle is { } skip)
                {
                    buttons.Add(CardAction.Submit(skip, answer.With("skip", true), validateInputs: false));
                }

                card.Add(CardElement.Actions(buttons));
            }
        }

        if (hint != QuestionHint.None)
        {
            card.Add(CardElement.Text(prompt.Simple || hint == QuestionHint.PressOrType ? IntakeText.HintSimple : IntakeText.HintTyping, subtle: true));
        }

        return card
            .AddAction(MoreOptions())
            .WithFallbackText(prompt.Question)
            .WithSpeak(prompt.Question)
            .ToJsonElement();
    }

    /// <summary>A choice set's value: the answers already given that are among its choices, comma-separated; null when none.</summary>
    private static string? Chosen(Prompt prompt) =>
        prompt.Chosen.Where(v => prompt.Choices.Any(c => c.Value == v)).ToList() is { Count: > 0 } given ? string.Join(",", given) : null;

    /// <summary>
    /// "Did you mean A or B?" with just those two buttons; or, for one guess, that button and "something else". Each
    /// button answers the question itself.
    /// </summary>
    public JsonElement DidYouMean(string step, IReadOnlyList<Choice> candidates, bool simple)
    {
        var question = candidates.Count > 1
            ? Words.Format(IntakeText.DidYouMeanEither, candidates[0].Title, candidates[1].Title)
            : Words.Format(IntakeText.DidYouMeanOne, candidates[0].Title);
        var answer = CardData.Verb(IntakeVerbs.Answer).With("step", step);
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(question))
            .Add(CardElement.Text(IntakeText.DidYouMeanHint));
        card.AddRange(candidates.Take(2).Select(c => CardElement.Actions(CardAction.Submit(c.Title, answer.With("choice", c.Value), validateInputs: false))));
        if (candidates.Count == 1)
        {
            card.Add(CardElement.Actions(CardAction.Submit(IntakeText.DidYouMeanShowAll, answer.With(IntakeConversation.ShowAllField, true), validateInputs: false)));
        }

        card.Add(CardElement.Text(simple ? IntakeText.HintSimple : IntakeText.HintTyping, subtle: true));
        return card.WithFallbackText(question).WithSpeak(question).ToJsonElement();
    }

    /// <summary>"Are you sure?" before a draft is deleted (cancel) or cleared (start again).</summary>
    public JsonElement Confirm(string what) => new AdaptiveCard()
        .Add(CardElement.Heading(what == ConversationCommand.Cancel ? IntakeText.ConfirmCancelQuestion : IntakeText.ConfirmRestartQuestion))
        .Add(CardElement.Text(what == ConversationCommand.Cancel ? IntakeText.ConfirmCancelDetail : IntakeText.ConfirmRestartDetail))
        .AddAction(CardAction.Submit(what == ConversationCommand.Cancel ? IntakeText.ConfirmCancelYes : IntakeText.ConfirmRestartYes, CardData.Verb(IntakeVerbs.Confirm).With("answer", "yes"), validateInputs: false))
        .AddAction(CardAction.Submit(IntakeText.ConfirmNo, CardData.Verb(IntakeVerbs.Confirm).With("answer", "no"), validateInputs: false))
        .WithFallbackText(what == ConversationCommand.Cancel ? IntakeText.ConfirmCancelQuestion : IntakeText.ConfirmRestartQuestion)
        .ToJsonElement();

    /// <summary>When someone comes back to a draft: carry on, or start again.</summary>
    public JsonElement ResumeOffer(DateTimeOffset startedAt) => new AdaptiveCard()
        .Add(CardElement.Heading(IntakeText.ResumeTitle))
        .Add(CardElement.Text(Words.Format(IntakeText.ResumeBody, startedAt.UtcDateTime.ToString("dddd d MMMM", CultureInfo.CurrentCulture))))
        .AddAction(CardAction.Submit(IntakeText.ResumeCarryOn, CardData.Verb(IntakeVerbs.Resume), style: "positive", validateInputs: false))
        .AddAction(CardAction.Submit(IntakeText.ResumeStartAgain, CardData.Verb(IntakeVerbs.Restart), validateInputs: false))
        .AddAction(CardAction.Submit(IntakeText.ResumeDelete, CardData.Verb(IntakeVerbs.Command).With("command", ConversationCommand.Cancel), validateInputs: false))
        .WithFallbackText(IntakeText.ResumeTitle)
        .ToJsonElement();

    /// <summary>
    /// A start phrase typed at a free-text question: a new concern, or that text as the answer (an Answer press carrying
    /// it, so it is stored as if typed).
    /// </summary>
    public JsonElement StartOrAnswer(string step, string typed) => new AdaptiveCard()
        .Add(CardElement.Text(IntakeText.StartOrAnswerQuestion))
        .AddAction(CardAction.Submit(IntakeText.StartOrAnswerStartAgain, CardData.Verb(IntakeVerbs.Restart), validateInputs: false))
        .AddAction(CardAction.Submit(IntakeText.StartOrAnswerUseIt, CardData.Verb(IntakeVerbs.Answer).With("step", step).With("answer", typed), validateInputs: false))
        .WithFallbackText(IntakeText.StartOrAnswerQuestion)
        .ToJsonElement();

    /// <summary>"More options": the same five commands on every question, so made once per language and shared.</summary>
    private static readonly PerCulture<CardAction> MoreOptionsAction = new(() => CardAction.ShowCard(IntakeText.ButtonMoreOptions, new AdaptiveCard()
        .AddAction(Command(IntakeText.ButtonHelp, ConversationCommand.Help))
        .AddAction(Command(IntakeText.ButtonBack, ConversationCommand.Back))
        .AddAction(Command(IntakeText.ButtonPause, ConversationCommand.Pause))
        .AddAction(Command(IntakeText.ButtonStartAgain, ConversationCommand.StartAgain))
        .AddAction(Command(IntakeText.ButtonCancel, ConversationCommand.Cancel))));

    private static CardAction MoreOptions() => MoreOptionsAction.Current;

    private static CardAction Command(string title, string command) =>
        CardAction.Submit(title, CardData.Verb(IntakeVerbs.Command).With("command", command), validateInputs: false);
}
