using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Cards;
using ConcernBot.Concerns;
using ConcernBot.Intake;
using W = ConcernBot.Resources.Learning;

namespace ConcernBot.Learning;

/// <summary>The leads' learning cards: the effectiveness report, the export's covering note, and patterns on a new concern.</summary>
public sealed class LearningCards
{
    public const int MaxEarlierShown = 10;

    /// <param name="figures">The period's figures.</param>
    /// <param name="chartPng">The chart (PNG), carried inline as a data: URI.</param>
    public JsonElement Report(LearningFigures figures, byte[] chartPng)
    {
        var title = LearningText.Format(W.ReportTitle, figures.Period);
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(title))
            .Add(CardElement.Text(W.ReportIntro, subtle: true));
        if (figures.Raised == 0 && figures.Closed == 0)
        {
            return card.Add(CardElement.Text(W.ReportNoConcerns)).WithFallbackText(title).ToJsonElement();
        }

        card.Add(CardElement.Image(new Uri("data:image/png;base64," + Convert.ToBase64String(chartPng)), W.ReportChartAlt, "Stretch"));
        foreach (var (heading, facts) in ReportSections(figures))
        {
            card.Add(Section(heading)).Add(CardElement.Facts(facts));
        }

        return card.WithFallbackText(title).ToJsonElement();
    }

    /// <summary>The report's figures, section by section, in the reader's words: the card and the leads' dashboard show these.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<(string Label, string Value)> Facts)> ReportSections(LearningFigures figures) =>
    [
        (W.SectionRaised,
        [
            (W.FactRaised, Number(figures.Raised)),
            .. Enum.GetValues<RaisedBy>().Select(r => (LearningText.Raiser(r), Number(figures.Get(figures.ByRaiser, r)))),
        ]),
        (W.SectionResponse,
        [
            (W.FactMedianAcknowledge, LearningText.Duration(figures.MedianToAcknowledge)),
            (W.FactWorstAcknowledge, LearningText.Duration(figures.WorstToAcknowledge)),
            (W.FactDeadlinesMet, LearningText.Format(W.OutOf, figures.DeadlinesMet, figures.DeadlinesDue)),
        ]),
        (W.SectionDecisions,
        [
            .. Enum.GetValues<DecisionKind>().Where(k => figures.Get(figures.Decisions, k) > 0)
                .Select(k => (LearningText.Decision(k), Number(figures.Get(figures.Decisions, k)))),
            (W.FactReferred, Number(figures.ConcernsReferred)),
        ]),
        (W.SectionMsp,
        [
            .. Enum.GetValues<DesiredOutcomesRecorded>().Select(r => (LearningText.Msp(r), Number(figures.Get(figures.OutcomesAsked, r)))),
            (W.FactClosed, Number(figures.Closed)),
            .. Enum.GetValues<OutcomesAchieved>().Select(a => (LearningText.Achieved(a), Number(figures.Get(figures.OutcomesAchieved, a)))),
            .. Enum.GetValues<RiskOutcome>().Select(r => (LearningText.Risk(r), Number(figures.Get(figures.Risk, r)))),
        ]),
        (W.SectionVerdicts,
        [
            (W.FactFeedbackAnswered, LearningText.Format(W.OutOf, figures.FeedbackAnswered, figures.FeedbackAsked)),
            .. Enum.GetValues<FeedbackOutcome>().Select(o => (LearningText.Feedback(o), Number(figures.Get(figures.FeedbackOutcomes, o)))),
            (W.FactFeltListenedTo, LearningText.Format(W.YesNo, figures.FeltListenedTo, figures.DidNotFeelListenedTo)),
        ]),
    ];

    /// <summary>The chart's bars: concerns raised by kind of harm, most first.</summary>
    public static IReadOnlyList<(string Label, int Count)> HarmBars(LearningFigures figures) =>
        [.. figures.ByHarm.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Select(h => (IntakeChoices.HarmTitle(h.Key), h.Value))];

    /// <summary>The message that carries the export's files.</summary>
    public JsonElement Export(ReportPeriod period, bool withAccounts)
    {
        var title = LearningText.Format(W.ExportTitle, period);
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(title))
            .Add(CardElement.Text(W.ExportIntro));
        if (withAccounts)
        {
            card.Add(CardElement.Text(W.ExportWithAccounts, weight: TextWeight.Bolder));
        }

        return card.WithFallbackText(title).ToJsonElement();
    }

    /// <summary>Earlier concerns that share what the leads recorded with this one, as a card of their own.</summary>
    public JsonElement Patterns(IReadOnlyList<PatternMatch> matches) =>
        new AdaptiveCard().AddRange(PatternElements(matches)).WithFallbackText(W.PatternTitle).ToJsonElement();

    /// <summary>The patterns section of the leads' detail view (nothing when there are none), with the earlier references.</summary>
    public static IEnumerable<CardElement> PatternElements(IReadOnlyList<PatternMatch>? matches)
    {
        if (matches is not { Count: > 0 })
        {
            yield break;
        }

        yield return CardElement.Text(W.PatternTitle, weight: TextWeight.Bolder).WithSeparator();
        foreach (var match in matches)
        {
            yield return CardElement.Text(match.Rule == PatternRule.SameSubject
                ? LearningText.Format(W.PatternSameSubject, match.Key)
                : LearningText.Format(W.PatternHarmAndPlace, match.Earlier.Count + 1, IntakeChoices.HarmTitle(match.Harm ?? HarmKind.NotSure), match.Key, match.WindowDays));
            yield return CardElement.Text(string.Join("\n", match.Earlier.Take(MaxEarlierShown).Select(e =>
                "- " + LearningText.Format(W.PatternReference, e.Reference, e.ReceivedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))));
        }

        yield return CardElement.Text(W.PatternCaution, subtle: true);
    }

    /// <summary>"Record subject" on the leads' detail view: the person or place, and the location, that patterns are matched on.</summary>
    public static CardAction RecordSubjectAction(Concern concern, CardData data) => CardAction.ShowCard(W.ActionRecordSubject, new AdaptiveCard()
        .Add(CardElement.Text(W.SubjectHelp, subtle: true))
        .Add(CardElement.TextInput(Leads.LeadsVerbs.Inputs.RecordedSubject, W.InputRecordedSubject, maxLength: LearningLimits.MaxRecordedLength, value: concern.Subject.RecordedSubject))
        .Add(CardElement.TextInput(Leads.LeadsVerbs.Inputs.RecordedLocation, W.InputRecordedLocation, maxLength: LearningLimits.MaxRecordedLength, value: concern.Subject.RecordedLocation))
        .AddAction(CardAction.Execute(W.ActionRecordSubjectConfirm, Leads.LeadsVerbs.RecordSubject, data)));

    /// <summary>The follow-up question in the reporter's 1:1 chat, answered with its one-time token.</summary>
    public JsonElement FollowUpQuestion(string reference, string concernId, string token, bool includesPersonAtRisk)
    {
        var title = LearningText.Format(W.FollowUpTitle, reference);
        var card = new AdaptiveCard().Add(CardElement.Heading(title)).Add(CardElement.Text(W.FollowUpIntro));
        if (includesPersonAtRisk)
        {
            card.Add(CardElement.Text(W.FollowUpPersonAtRisk));
        }

        return card
            .Add(CardElement.Choices(FollowUp.Inputs.Outcome, W.FollowUpOutcomeQuestion,
                [.. Enum.GetValues<FeedbackOutcome>().Select(o => (LearningText.Word("FollowUpOutcome", o), o.ToString()))], required: true, errorMessage: W.FollowUpChooseOutcome))
            .Add(CardElement.Choices(FollowUp.Inputs.Listened, W.FollowUpListenedQuestion, [(W.FollowUpYes, "yes"), (W.FollowUpNo, "no")]))
            .Add(CardElement.TextInput(FollowUp.Inputs.Comment, W.FollowUpCommentLabel, multiline: true, maxLength: FollowUp.MaxCommentLength))
            .AddAction(CardAction.Submit(W.FollowUpSend, CardData.Verb(FollowUp.Verb).With("concernId", concernId).With("token", token), style: "positive"))
            .WithFallbackText(title)
            .ToJsonElement();
    }

    public JsonElement FollowUpThanks(string reference) => new AdaptiveCard()
        .Add(CardElement.Heading(W.FollowUpThanksTitle))
        .Add(CardElement.Text(LearningText.Format(W.FollowUpThanks, reference)))
        .WithFallbackText(W.FollowUpThanksTitle)
        .ToJsonElement();

    /// <summary>A second answer is refused kindly: the first one is kept.</summary>
    public JsonElement FollowUpAlreadyAnswered(string reference) => new AdaptiveCard()
        .Add(CardElement.Heading(W.FollowUpThanksTitle))
        .Add(CardElement.Text(LearningText.Format(W.FollowUpAlreadyAnswered, reference)))
        .WithFallbackText(W.FollowUpThanksTitle)
        .ToJsonElement();

    private static CardElement Section(string title) => CardElement.Text(title, TextSize.Default, TextWeight.Bolder).WithSeparator();

    private static string Number(int n) => n.ToString(CultureInfo.CurrentCulture);
}
