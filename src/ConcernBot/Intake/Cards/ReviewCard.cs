using System.Globalization;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>Everything the person said, section by section, each with its own Change button; then Submit.</summary>
    /// <param name="whoSeesIt">For a concern about a lead: who will receive it instead (shown in the About section).</param>
    /// <param name="displayName">The name the channel gives the person now, shown when they chose to be named.</param>
    public JsonElement Review(IntakeDraft draft, Func<string, bool> canChange, string? whoSeesIt = null, string? displayName = null)
    {
        var simple = draft.Track == IntakeTrack.Simple;
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(simple ? IntakeText.SimpleReviewTitle : IntakeText.ReviewTitle))
            .Add(CardElement.Text(simple ? IntakeText.SimpleReviewIntro : IntakeText.ReviewIntro));
        foreach (var section in Sections.InOrder)
        {
            // A section this track never asks about (e.g. evidence on the simple path) is left out rather than shown empty.
            var rows = (simple ? SimpleReviewRows.For(section, draft, displayName) : Rows(section, draft, displayName)).ToList();
            if (section == Sections.About && whoSeesIt is not null)
            {
                rows.Add((simple ? IntakeText.SimpleReviewWhoSeesIt : IntakeText.ReviewWhoSeesIt, whoSeesIt));
            }

            if (rows.Count == 0 || !canChange(section))
            {
                continue;
            }

            var heading = SectionTitle(section, simple);
            var items = new List<CardElement> { CardElement.Text(heading, weight: TextWeight.Bolder) };
            items.AddRange(rows.Select(r => CardElement.Text($"**{r.Label}**  \n{r.Value}")));
            var title = Words.Format(IntakeText.ReviewChange, heading);
            items.Add(CardElement.Actions(CardAction.Submit(title, CardData.Verb(IntakeVerbs.Change).With("section", section), validateInputs: false)));

            card.Add(CardElement.Container(items).WithSeparator());
        }

        return card
            .Add(CardElement.Text(simple ? IntakeText.SimpleReviewSubmitNote : IntakeText.ReviewSubmitNote).WithSeparator())
            .AddAction(CardAction.Submit(IntakeText.ReviewSubmit, CardData.Verb(IntakeVerbs.Submit).With("draft", draft.Id), style: "positive", validateInputs: false))
            .AddAction(MoreOptions())
            .WithFallbackText(simple ? IntakeText.SimpleReviewTitle : IntakeText.ReviewTitle)
            .ToJsonElement();
    }

    /// <summary>A section's heading on the review (and its Change button): the simple path has its own plain ones.</summary>
    public static string SectionTitle(string section, bool simple = false) =>
        (simple ? IntakeText.ResourceManager.GetString("SimpleSection_" + section, CultureInfo.CurrentUICulture) : null)
        ?? IntakeText.ResourceManager.GetString("Section_" + section, CultureInfo.CurrentUICulture) ?? section;

    private static IEnumerable<(string Label, string Value)> Rows(string section, IntakeDraft d, string? displayName)
    {
        switch (section)
        {
            case Sections.Safety:
                yield return (IntakeText.ReviewDanger, Title(IntakeChoices.Danger(), d.ImmediateDanger switch { true => "Yes", false => "No", _ => "DontKnow" }));
                yield return (IntakeText.ReviewUrgent, d.Urgent ? IntakeText.ChoiceYes : IntakeText.ChoiceNo);
                break;
            case Sections.You:
                yield return (IntakeText.ReviewRole, Title(IntakeChoices.Roles(), d.Role?.ToString()));
                if (d.ServiceName is { } service)
                {
                    yield return (IntakeText.ReviewService, Words.Format(IntakeText.ReviewServiceValue, service));
                }

                break;
            case Sections.Person:
                yield return (IntakeText.ReviewAtRisk, Title(IntakeChoices.AtRisk(), d.AtRisk?.ToString()));
                yield return (IntakeText.ReviewAtRiskWho, Text(d.AtRiskDescription));
                if (d.AtRisk == PersonAtRiskKind.Child)
                {
                    yield return (IntakeText.ReviewChildStatus, Title(IntakeChoices.ChildStatus(), d.ChildStatus?.ToString()));
                }

                break;
            case Sections.Happened:
                yield return (IntakeText.ReviewHappened, Text(d.WhatHappened));
                yield return (IntakeText.ReviewWhen, When(d));
                yield return (IntakeText.ReviewWhere, Text(d.Where));
                yield return (IntakeText.ReviewOngoing, Title(IntakeChoices.YesNoDontKnow(), d.StillHappening?.ToString()));
                break;
            case Sections.Harm:
                yield return (IntakeText.ReviewHarm, d.HarmKinds.Count == 0 ? IntakeText.NotGiven : string.Join(", ", d.HarmKinds.Select(IntakeChoices.HarmTitle)));
                break;
            case Sections.About:
                yield return (IntakeText.ReviewAbout, Title(IntakeChoices.Subject(), d.Subject?.ToString()));
                if (d.Subject == SubjectKind.SafeguardingLead)
                {
                    yield return (IntakeText.ReviewWhichLead, Text(d.SubjectLeadName));
                }

                break;
            case Sections.Wishes:
                if (!d.AboutReporter)
                {
                    yield return (IntakeText.ReviewPersonKnows, Title(IntakeChoices.YesNoDontKnow(), d.PersonKnows?.ToString()));
                }

                yield return (IntakeText.ReviewOutcomesAsked, Title(IntakeChoices.OutcomesAsked(), d.OutcomesAsked?.ToString()));
                yield return (d.AboutReporter ? IntakeText.ReviewYouWant : IntakeText.ReviewPersonWants, Text(d.WhatPersonWants));
                if (!d.AboutReporter)
                {
                    yield return (IntakeText.ReviewReporterWants, Text(d.WhatReporterWants));
                }

                yield return (IntakeText.ReviewInvolved, Text(d.WhoInvolved));
                break;
            case Sections.Sharing:
                yield return (IntakeText.ReviewConsent, Title(IntakeChoices.Consent(), d.Consent?.ToString()));
                if (d.Consent is not ConsentToShare.Yes && !d.AboutReporter)
                {
                    yield return (IntakeText.ReviewReason, Text(d.ReasonWithoutConsent));
                }

                break;
            case Sections.Evidence:
                yield return (IntakeText.ReviewActions, Text(d.ActionsTaken));
                break;
            case Sections.Known:
                yield return (IntakeText.ReviewKnown, KnownAs(d, displayName));
                if (Steps.KnownByName.Typed(d) is { } typed)
                {
                    yield return typed;
                }

                break;
        }
    }

    private static string Title(IReadOnlyList<Choice> choices, string? value) =>
        choices.FirstOrDefault(c => c.Value == value)?.Title ?? IntakeText.NotGiven;

    /// <summary>"Named: Sam", "Confidential" or "Anonymous": what was chosen, not the button's words.</summary>
    internal static string KnownAs(IntakeDraft d, string? displayName) => d.Identity switch
    {
        IdentityChoice.Named when (d.SignedIn ? displayName : d.GivenName) is { Length: > 0 } name => Words.Format(IntakeText.ReviewKnownNamed, name),
        IdentityChoice.Named => IntakeText.ReviewKnownNamedNoName,
        IdentityChoice.Confidential => IntakeText.ReviewKnownConfidential,
        IdentityChoice.Anonymous => IntakeText.ReviewKnownAnonymous,
        _ => IntakeText.NotGiven,
    };

    /// <summary>Long answers are shortened on the card (never in the draft) so the review stays well inside Teams' message limit.</summary>
    public const int ReviewShownCharacters = 1000;

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value)
        ? IntakeText.NotGiven
        : value.Length <= ReviewShownCharacters ? value : value[..ReviewShownCharacters] + "… " + IntakeText.ReviewShortened;

    private static string When(IntakeDraft d)
    {
        var date = d.WhenDate?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
        return (date, d.WhenDescription) switch
        {
            (null, null) => IntakeText.NotGiven,
            (null, var words) => words!,
            (var day, null) => day!,
            (var day, var words) => $"{day} ({words})",
        };
    }
}
