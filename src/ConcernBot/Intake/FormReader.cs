using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>Reads the one-form card into the draft: checks each field the way its guided question would.</summary>
internal static class FormReader
{
    /// <summary>The problems found (empty when the form can go to the review); the draft takes every valid answer either way.</summary>
    public static IReadOnlyList<string> Read(UserAction action, IntakeDraft d)
    {
        var problems = new List<string>();
        var kept = (action.GetString("kept") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        string? Long(string field, string label, string? before) =>
            kept.Contains(field) && action.GetString(field) is null ? before : Text(action, field, label, Ask.LongAnswer, problems);

        var danger = DangerAnswer(action);
        d.ImmediateDanger = danger switch { nameof(Answer.Yes) => true, nameof(Answer.No) => false, _ => null };
        if (danger is null)
        {
            problems.Add(DangerMissing);
        }

        d.Urgent = action.GetString(FormFields.Urgent) == "true" || d.ImmediateDanger == true;
        d.AtRisk = Pick<PersonAtRiskKind>(action, FormFields.AtRisk) ?? PersonAtRiskKind.NotKnown;
        d.AtRiskDescription = Text(action, FormFields.AtRiskWho, IntakeText.AtRiskWhoLabel, Ask.ShortAnswer, problems);
        d.ChildStatus = d.AtRisk == PersonAtRiskKind.Child ? Pick<ChildServicesStatus>(action, FormFields.Child) ?? ChildServicesStatus.DontKnow : null;
        d.WhatHappened = Long(FormFields.Happened, IntakeText.HappenedLabel, d.WhatHappened);
        d.WhenDate = DateOnly.TryParseExact(action.GetString(FormFields.WhenDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        d.WhenDescription = Text(action, FormFields.When, IntakeText.WhenLabel, Ask.ShortAnswer, problems);
        d.Where = Text(action, FormFields.Where, IntakeText.WhereLabel, Ask.ShortAnswer, problems);
        d.StillHappening = Pick<Answer>(action, FormFields.Ongoing) ?? Answer.DontKnow;
        d.HarmKinds = (action.GetString(FormFields.Harm) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.TryParse<HarmKind>(v, out var k) && Enum.IsDefined(k) ? k : (HarmKind?)null).OfType<HarmKind>().Distinct().ToList();
        d.Subject = Pick<SubjectKind>(action, FormFields.About) ?? SubjectKind.DontKnow;
        d.SubjectLeadName = d.Subject == SubjectKind.SafeguardingLead ? Text(action, FormFields.Lead, IntakeText.WhichLeadLabel, Ask.ShortAnswer, problems) : null;
        d.PersonKnows = Pick<Answer>(action, FormFields.Knows) ?? Answer.DontKnow;
        d.OutcomesAsked = Pick<DesiredOutcomesRecorded>(action, FormFields.Asked) ?? DesiredOutcomesRecorded.DontKnow;
        d.WhatPersonWants = Long(FormFields.PersonWants, IntakeText.PersonWantsLabel, d.WhatPersonWants);
        d.WhatReporterWants = Long(FormFields.ReporterWants, IntakeText.ReporterWantsLabel, d.WhatReporterWants);
        d.WhoInvolved = Text(action, FormFields.Involved, IntakeText.InvolvedLabel, Ask.ShortAnswer, problems);
        d.Consent = Pick<ConsentToShare>(action, FormFields.Consent) ?? ConsentToShare.NotAsked;
        d.ReasonWithoutConsent = d.Consent == ConsentToShare.Yes ? null : Long(FormFields.Reason, IntakeText.ReasonLabel, d.ReasonWithoutConsent);
        d.ActionsTaken = Long(FormFields.Actions, IntakeText.EvidenceLabel, d.ActionsTaken);
        d.Identity = Pick<IdentityChoice>(action, FormFields.Identity);

        if (d.OutcomesAsked == DesiredOutcomesRecorded.AskedAndExpressed && d.WhatPersonWants is null)
        {
            problems.Add(IntakeText.FormPersonWantsMissing);
        }

        if (d.Identity is null || !IntakeChoices.Identity(d).Any(c => c.Value == d.Identity.ToString()))
        {
            d.Identity = null;
            problems.Add(IntakeText.FormIdentityRequired);
        }

        if (!d.SignedIn)
        {
            d.GivenName = d.Identity == IdentityChoice.Named ? Text(action, FormFields.GivenName, IntakeText.FormGivenNameLabel, Steps.KnownByName.MaxName, problems) : null;
            d.GivenContact = d.Identity == IdentityChoice.Named ? Text(action, FormFields.GivenContact, IntakeText.KnownContactLabel, Steps.KnownByName.MaxContact, problems) : null;
            if (d.Identity == IdentityChoice.Named && d.GivenName is null)
            {
                problems.Add(IntakeText.FormGivenNameMissing);
            }
        }

        return problems;
    }

    /// <summary>What the form said about immediate danger: Yes, No or DontKnow ("I'm not sure"); null when it was left unanswered.</summary>
    public static string? DangerAnswer(UserAction action) =>
        action.GetString(FormFields.Danger) is { } value && IntakeChoices.Danger().Any(c => c.Value == value) ? value : null;

    public static string DangerMissing => Words.Format(IntakeText.FormDangerMissing, IntakeText.DangerQuestion, IntakeText.ChoiceNotSure);

    private static T? Pick<T>(UserAction action, string field)
        where T : struct, Enum => Enum.TryParse<T>(action.GetString(field), out var value) && Enum.IsDefined(value) ? value : null;

    private static string? Text(UserAction action, string field, string label, int max, List<string> problems)
    {
        var text = action.GetString(field)?.Trim();
        if (text is { Length: > 0 } && text.Length > max)
        {
            problems.Add(Words.Format(IntakeText.FormTooLong, label, max, text.Length));
            return text[..max];
        }

        return text is { Length: > 0 } ? text : null;
    }
}
