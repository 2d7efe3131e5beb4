using System.Globalization;
using System.Text.Json;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>"Fill in one form instead": every question on one card, with the answers so far; problems listed at the top.</summary>
    /// <param name="danger">
    /// The immediate-danger answer given on the form itself (Yes, No, DontKnow), or null. Never one from earlier in the chat:
    /// "right now" is when the form is sent, and a ready-made "No" is too easy to pass over. The 999 words follow a "Yes" (or
    /// "I'm not sure", as on the guided path) once the form is sent: a card cannot show them as the choice changes.
    /// </param>
    public JsonElement Form(IntakeDraft d, IReadOnlyList<string> problems, IReadOnlyList<string> leadNames, string? danger)
    {
        var budget = new FormBudget();
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(IntakeText.FormTitle))
            .Add(CardElement.Text(IntakeText.FormIntro));
        if (problems.Count > 0)
        {
            card.Add(CardElement.Container(
                [CardElement.Text(IntakeText.FormProblemsTitle, weight: TextWeight.Bolder), .. problems.Select(p => CardElement.Text("- " + p))],
                style: "attention"));
        }

        card.Add(CardElement.Choices(FormFields.Danger, IntakeText.DangerQuestion, IntakeChoices.Danger().Select(c => (c.Title, c.Value)), style: "compact",
                required: true, errorMessage: FormReader.DangerMissing, value: danger))
            .Add(CardElement.Text(IntakeText.DangerWhy, subtle: true))
            .Add(CardElement.Toggle(FormFields.Urgent, IntakeText.FormUrgentLabel, IntakeText.FormUrgentTitle, d.Urgent))
            .Add(Pick(FormFields.AtRisk, IntakeText.AtRiskQuestion, IntakeChoices.AtRisk(), d.AtRisk?.ToString()).WithSeparator())
            .Add(CardElement.TextInput(FormFields.AtRiskWho, IntakeText.AtRiskWhoLabel, maxLength: Ask.ShortAnswer, value: d.AtRiskDescription))
            .Add(Pick(FormFields.Child, IntakeText.FormChildStatusLabel, IntakeChoices.ChildStatus(), d.ChildStatus?.ToString()))
            .Add(budget.LongInput(FormFields.Happened, IntakeText.HappenedQuestion, d.WhatHappened, IntakeText.HappenedGuidance).WithSeparator())
            .Add(CardElement.DateInput(FormFields.WhenDate, IntakeText.WhenDateLabel, d.WhenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Add(CardElement.TextInput(FormFields.When, IntakeText.WhenLabel, maxLength: Ask.ShortAnswer, value: d.WhenDescription))
            .Add(CardElement.TextInput(FormFields.Where, IntakeText.WhereLabel, maxLength: Ask.ShortAnswer, value: d.Where))
            .Add(Pick(FormFields.Ongoing, IntakeText.OngoingQuestion, IntakeChoices.YesNoDontKnow(), d.StillHappening?.ToString()))
            .Add(CardElement.Choices(FormFields.Harm, IntakeText.HarmQuestion, IntakeChoices.HarmKinds().Select(c => (c.Title, c.Value)), multiSelect: true, style: "compact",
                value: d.HarmKinds.Count == 0 ? null : string.Join(",", d.HarmKinds)).WithSeparator())
            .Add(Pick(FormFields.About, IntakeText.AboutQuestion, IntakeChoices.Subject(), d.Subject?.ToString()))
            .Add(CardElement.TextInput(FormFields.Lead, leadNames.Count > 0 ? Words.Format(IntakeText.FormLeadLabelWithNames, string.Join(", ", leadNames)) : IntakeText.WhichLeadLabel, maxLength: Ask.ShortAnswer, value: d.SubjectLeadName))
            .Add(Pick(FormFields.Knows, IntakeText.PersonKnowsQuestion, IntakeChoices.YesNoDontKnow(), d.PersonKnows?.ToString()).WithSeparator())
            .Add(Pick(FormFields.Asked, IntakeText.OutcomesAskedQuestion, IntakeChoices.OutcomesAsked(), d.OutcomesAsked?.ToString()))
            .Add(budget.LongInput(FormFields.PersonWants, IntakeText.PersonWantsQuestion, d.WhatPersonWants))
            .Add(budget.LongInput(FormFields.ReporterWants, IntakeText.ReporterWantsQuestion, d.WhatReporterWants))
            .Add(CardElement.TextInput(FormFields.Involved, IntakeText.InvolvedQuestion, maxLength: Ask.ShortAnswer, value: d.WhoInvolved))
            .Add(Pick(FormFields.Consent, IntakeText.ConsentQuestion, IntakeChoices.Consent(), d.Consent?.ToString()).WithSeparator())
            .Add(budget.LongInput(FormFields.Reason, IntakeText.FormReasonLabel, d.ReasonWithoutConsent))
            .Add(CardElement.Text(IntakeText.EvidenceAdvice, subtle: true).WithSeparator())
            .Add(budget.LongInput(FormFields.Actions, IntakeText.EvidenceQuestion, d.ActionsTaken))
            .Add(CardElement.Text(IntakeText.KnownWhoReceives).WithSeparator())
            .Add(CardElement.Text(d.SignedIn ? IntakeText.KnownTeamsLimit : ConcernBot.Resources.Anonymity.ChoiceAnonymousNotSignedIn))
            .Add(CardElement.Text(IntakeText.KnownConfidentialityLimit))
            .AddRange(FormIdentity(d).Select(c => CardElement.Text($"**{c.Title}**: {c.Description}")))
            .Add(CardElement.Choices(FormFields.Identity, IntakeText.KnownQuestion, FormIdentity(d).Select(c => (c.Title, c.Value)), required: true,
                errorMessage: IntakeText.FormIdentityRequired, value: d.Identity?.ToString()));
        if (!d.SignedIn)
        {
            // Nobody is signed in on a public page: the name and contact are what the person types, only if they give their name.
            card.Add(CardElement.TextInput(FormFields.GivenName, IntakeText.FormGivenNameLabel, maxLength: Steps.KnownByName.MaxName, value: d.GivenName))
                .Add(CardElement.TextInput(FormFields.GivenContact, IntakeText.KnownContactLabel, maxLength: Steps.KnownByName.MaxContact, value: d.GivenContact));
        }

        return card
            .AddAction(CardAction.Submit(IntakeText.FormCheck, CardData.Verb(IntakeVerbs.SubmitForm).With("kept", string.Join(",", budget.Kept)), style: "positive"))
            .AddAction(MoreOptions())
            .WithFallbackText(IntakeText.FormTitle)
            .ToJsonElement();
    }

    // The form explains every choice above them already, so it has no "I'm not sure".
    private static IEnumerable<Choice> FormIdentity(IntakeDraft d) => IntakeChoices.Identity(d).Where(c => c.Value != IntakeChoices.IdentityNotSure);

    private static CardElement Pick(string id, string label, IReadOnlyList<Choice> choices, string? value) =>
        CardElement.Choices(id, label, choices.Select(c => (c.Title, c.Value)), style: "compact", value: value);
}

/// <summary>
/// Keeps the form well inside Teams' message limit when it is shown again with long answers already written: an answer
/// that does not fit is not sent back to the card but kept, and its field says so (empty keeps it, new words replace it).
/// Sizes are counted as the wire escapes them (non-ASCII letters take up to six bytes).
/// </summary>
internal sealed class FormBudget
{
    public const int PrefillBytes = 40 * 1024;

    private int _left = PrefillBytes;

    public List<string> Kept { get; } = [];

    public CardElement LongInput(string id, string label, string? value, string? placeholder = null)
    {
        var size = value is null ? 0 : System.Text.Json.JsonEncodedText.Encode(value).EncodedUtf8Bytes.Length;
        if (size <= _left)
        {
            _left -= size;
            return CardElement.TextInput(id, label, placeholder, multiline: true, maxLength: Ask.LongAnswer, value: value);
        }

        Kept.Add(id);
        return CardElement.TextInput(id, $"{label} {IntakeText.FormKeptNote}", placeholder, multiline: true, maxLength: Ask.LongAnswer);
    }
}

/// <summary>The input ids of the one-form card.</summary>
internal static class FormFields
{
    public const string Danger = "f_danger";
    public const string Urgent = "f_urgent";
    public const string AtRisk = "f_atrisk";
    public const string AtRiskWho = "f_atriskwho";
    public const string Child = "f_child";
    public const string Happened = "f_happened";
    public const string WhenDate = "f_whendate";
    public const string When = "f_when";
    public const string Where = "f_where";
    public const string Ongoing = "f_ongoing";
    public const string Harm = "f_harm";
    public const string About = "f_about";
    public const string Lead = "f_lead";
    public const string Knows = "f_knows";
    public const string Asked = "f_asked";
    public const string PersonWants = "f_personwants";
    public const string ReporterWants = "f_reporterwants";
    public const string Involved = "f_involved";
    public const string Consent = "f_consent";
    public const string Reason = "f_reason";
    public const string Actions = "f_actions";
    public const string Identity = "f_identity";
    public const string GivenName = "f_givenname";
    public const string GivenContact = "f_givencontact";
}
