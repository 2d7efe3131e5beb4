using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Intake.Steps;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Cards;

/// <summary>The review's rows on the simple-language path: only what was asked, in the words it was asked in.</summary>
internal static class SimpleReviewRows
{
    public static IEnumerable<(string Label, string Value)> For(string section, IntakeDraft d, string? displayName = null)
    {
        switch (section)
        {
            case Sections.Safety:
                yield return (IntakeText.SimpleReviewDanger, d.ImmediateDanger switch { true => IntakeText.ChoiceYes, false => IntakeText.ChoiceNo, _ => IntakeText.SimpleDontKnow });
                break;
            case Sections.You:
                yield return (IntakeText.SimpleReviewYou, Title(IntakeChoices.Roles(), d.Role?.ToString()));
                break;
            case Sections.Person:
                yield return (IntakeText.SimpleReviewWho, Title(SimpleChoices.Who(), d.AtRisk?.ToString()));
                if (d.AtRiskDescription is { } name)
                {
                    yield return (IntakeText.SimpleReviewName, name);
                }

                break;
            case Sections.Happened:
                yield return (IntakeText.SimpleReviewWhat, Text(d.WhatHappened));
                yield return (IntakeText.SimpleReviewWhen, d.WhenDescription ?? (d.WhenDate is null ? IntakeText.SimpleDontKnow : IntakeText.SimpleWhenToday));
                yield return (IntakeText.SimpleReviewWhere, Text(d.Where));
                yield return (IntakeText.SimpleReviewStill, Title(IntakeChoices.YesNoDontKnow(), d.StillHappening?.ToString()));
                break;
            case Sections.Harm:
                yield return (IntakeText.SimpleReviewHarm, d.HarmKinds.Count == 0
                    ? IntakeText.SimpleDontKnow
                    : string.Join(", ", d.HarmKinds.Select(k => Title(SimpleChoices.Harm(), k.ToString()))));
                break;
            case Sections.About:
                yield return (IntakeText.SimpleReviewStaff, d.Subject == SubjectKind.SafeguardingLead ? IntakeText.ChoiceYes : Title(SimpleChoices.About(), d.Subject?.ToString()));
                if (d.Subject == SubjectKind.SafeguardingLead)
                {
                    yield return (IntakeText.SimpleReviewWhichLead, Text(d.SubjectLeadName));
                }

                break;
            case Sections.Wishes:
                yield return (IntakeText.SimpleReviewWants, Text(d.AboutReporter ? d.WhatPersonWants : d.WhatReporterWants));
                yield return (IntakeText.SimpleReviewHelp, d.WhoInvolved ?? IntakeText.SimpleNoOne);
                break;
            case Sections.Sharing:
                yield return (IntakeText.SimpleReviewShare, Title(SimpleChoices.Sharing(), d.Consent?.ToString()));
                break;
            case Sections.Known:
                yield return (IntakeText.SimpleReviewKnown, IntakeCards.KnownAs(d, displayName));
                if (Steps.KnownByName.Typed(d) is { } typed)
                {
                    yield return typed;
                }

                break;
        }
    }

    private static string Title(IReadOnlyList<Choice> choices, string? value) =>
        choices.FirstOrDefault(c => c.Value == value)?.Title ?? IntakeText.SimpleDontKnow;

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value)
        ? IntakeText.SimpleDontKnow
        : value.Length <= IntakeCards.ReviewShownCharacters ? value : value[..IntakeCards.ReviewShownCharacters] + "… " + IntakeText.ReviewShortened;
}
