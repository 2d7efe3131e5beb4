using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Cards;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Anonymity;

/// <summary>The cards the reporter sees in their chat: a lead's question to answer, and "check on a concern".</summary>
public static class RelayCards
{
    public const int MaxAnswerLength = 4000;

    public static JsonElement Question(string reference, string concernId, int questionNumber, string question) => new AdaptiveCard()
        .Add(CardElement.Heading(Format(Words.QuestionTitle, reference)))
        .Add(CardElement.Text(Words.QuestionIntro))
        .Add(CardElement.Text(Words.QuestionAsked, weight: TextWeight.Bolder))
        .Add(CardElement.Text(question))
        .Add(CardElement.TextInput(RelayVerbs.Inputs.Answer, Words.AnswerLabel, Words.AnswerPlaceholder, multiline: true, maxLength: MaxAnswerLength, required: true, errorMessage: Words.AnswerRequired))
        .Add(CardElement.Text(Words.StopContactHint, subtle: true))
        .AddAction(CardAction.Submit(Words.AnswerSend, new { verb = RelayVerbs.Answer, concernId, question = questionNumber }, style: "positive"))
        .AddAction(CardAction.Submit(Words.StopContact, new { verb = RelayVerbs.Stop, concernId }, validateInputs: false))
        .WithFallbackText(Format(Words.QuestionTitle, reference) + ": " + question)
        .ToJsonElement();

    /// <summary>After a check with the secret word: something to add, without asking for the secret word again.</summary>
    public static JsonElement Add(string reference, string concernId) => new AdaptiveCard()
        .Add(CardElement.Text(Words.StatusAddHint))
        .Add(CardElement.TextInput(RelayVerbs.Inputs.Addition, Words.AddLabel, multiline: true, maxLength: MaxAnswerLength, required: true, errorMessage: Words.AnswerRequired))
        .AddAction(CardAction.Submit(Words.AddSend, new { verb = RelayVerbs.Add, concernId }, style: "positive"))
        .WithFallbackText(Format(Words.StatusAddHint, reference))
        .ToJsonElement();

    public static JsonElement Status(string? reference, string? intro = null) => new AdaptiveCard()
        .Add(CardElement.Heading(Words.StatusCardTitle))
        .Add(CardElement.Text(intro ?? Words.StatusCardIntro))
        .Add(CardElement.TextInput(RelayVerbs.Inputs.Reference, Words.ReferenceLabel, "SG-", maxLength: 20, required: true, errorMessage: Words.StatusMissing, value: reference))
        .Add(CardElement.TextInput(RelayVerbs.Inputs.Secret, Words.SecretLabel, maxLength: 40, required: true, errorMessage: Words.StatusMissing))
        .Add(CardElement.TextInput(RelayVerbs.Inputs.Addition, Words.AddLabel, multiline: true, maxLength: MaxAnswerLength))
        .AddAction(CardAction.Submit(Words.StatusCheck, new { verb = RelayVerbs.Status }, style: "positive"))
        .WithFallbackText(Words.StatusCardTitle)
        .ToJsonElement();

    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}

public static class RelayVerbs
{
    public const string Prefix = "relay.";
    public const string Answer = "relay.answer";
    public const string Stop = "relay.stop";
    public const string Status = "relay.status";
    public const string Add = "relay.add";

    public static class Inputs
    {
        public const string Answer = "answer";
        public const string Reference = "reference";
        public const string Secret = "secret";
        public const string Addition = "addition";
    }
}
