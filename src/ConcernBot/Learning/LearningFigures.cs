using ConcernBot.Concerns;

namespace ConcernBot.Learning;

/// <summary>Who raised a concern, as the report counts it. An anonymous reporter is counted only as anonymous.</summary>
public enum RaisedBy
{
    Staff,
    PersonUsingService,
    FamilyOrFriend,
    Anonymous,
    NotSaid,
}

/// <summary>
/// How well safeguarding worked in a period. Raised, acknowledgement, deadlines and decisions count the concerns received in
/// the period; outcomes and the reporters' verdicts count the concerns closed in it.
/// </summary>
public sealed record LearningFigures
{
    public required ReportPeriod Period { get; init; }
    public int Raised { get; init; }
    public IReadOnlyDictionary<HarmKind, int> ByHarm { get; init; } = new Dictionary<HarmKind, int>();
    public IReadOnlyDictionary<RaisedBy, int> ByRaiser { get; init; } = new Dictionary<RaisedBy, int>();

    public int Acknowledged { get; init; }
    public TimeSpan? MedianToAcknowledge { get; init; }
    public TimeSpan? WorstToAcknowledge { get; init; }

    /// <summary>Concerns whose acknowledgement deadline has come (or that were acknowledged), and how many of them were acknowledged in time.</summary>
    public int DeadlinesDue { get; init; }
    public int DeadlinesMet { get; init; }

    public IReadOnlyDictionary<DecisionKind, int> Decisions { get; init; } = new Dictionary<DecisionKind, int>();

    /// <summary>Concerns with at least one referral outside the organisation (local authority, children's social care, LADO, police, CQC).</summary>
    public int ConcernsReferred { get; init; }

    public IReadOnlyDictionary<DesiredOutcomesRecorded, int> OutcomesAsked { get; init; } = new Dictionary<DesiredOutcomesRecorded, int>();
    public int Closed { get; init; }
    public IReadOnlyDictionary<OutcomesAchieved, int> OutcomesAchieved { get; init; } = new Dictionary<OutcomesAchieved, int>();
    public IReadOnlyDictionary<RiskOutcome, int> Risk { get; init; } = new Dictionary<RiskOutcome, int>();

    public int FeedbackAsked { get; init; }
    public int FeedbackAnswered { get; init; }
    public IReadOnlyDictionary<FeedbackOutcome, int> FeedbackOutcomes { get; init; } = new Dictionary<FeedbackOutcome, int>();
    public int FeltListenedTo { get; init; }
    public int DidNotFeelListenedTo { get; init; }

    public static RaisedBy RaiserOf(Concern concern) => concern.Reporter.Choice == IdentityChoice.Anonymous
        ? RaisedBy.Anonymous
        : concern.ReporterRole switch
        {
            ReporterRole.StaffOrVolunteer => RaisedBy.Staff,
            ReporterRole.PersonUsingService => RaisedBy.PersonUsingService,
            ReporterRole.FamilyOrFriend => RaisedBy.FamilyOrFriend,
            _ => RaisedBy.NotSaid,
        };

    public static bool IsReferral(DecisionKind kind) => kind is DecisionKind.LocalAuthorityCareActS42 or DecisionKind.ChildrensSocialCare
        or DecisionKind.Lado or DecisionKind.Police or DecisionKind.CqcNotification;

    /// <summary>A referral outside the organisation: decided on the card, or recorded as a referral to an agency.</summary>
    public static bool WasReferred(Concern concern) =>
        concern.Leads.Decisions.Any(d => IsReferral(d.Kind)) || concern.Leads.Referrals.Count > 0;

    /// <summary>The figures for <paramref name="period"/> from every concern that may fall in it.</summary>
    public static LearningFigures Compute(ReportPeriod period, IEnumerable<Concern> concerns, DateTimeOffset now)
    {
        var all = concerns.ToList();
        var raised = all.Where(c => period.Contains(c.ReceivedAt)).ToList();
        var closed = all.Where(c => c.Status == ConcernStatus.Closed && period.Contains(ClosedAt(c))).ToList();

        var toAcknowledge = raised.Where(c => c.AcknowledgedAt is not null).Select(c => c.AcknowledgedAt!.Value - c.ReceivedAt).Order().ToList();
        var due = raised.Where(c => c.Leads.AcknowledgementDue is { } d && (c.AcknowledgedAt is not null || d <= now)).ToList();
        var decisions = raised.SelectMany(c => c.Leads.Decisions).ToList();
        var feedback = closed.Select(c => c.ReporterFeedback).OfType<ReporterFeedback>().ToList();
        var answered = feedback.Where(f => f.AnsweredAt is not null).ToList();

        return new LearningFigures
        {
            Period = period,
            Raised = raised.Count,
            ByHarm = Count(raised.SelectMany(c => c.HarmKinds.Count == 0 ? [HarmKind.NotSure] : c.HarmKinds.Distinct())),
            ByRaiser = Count(raised.Select(RaiserOf)),
            Acknowledged = toAcknowledge.Count,
            MedianToAcknowledge = Median(toAcknowledge),
            WorstToAcknowledge = toAcknowledge.Count == 0 ? null : toAcknowledge[^1],
            DeadlinesDue = due.Count,
            DeadlinesMet = due.Count(c => c.AcknowledgedAt is { } at && at <= c.Leads.AcknowledgementDue),
            Decisions = Count(decisions.Select(d => d.Kind)),
            ConcernsReferred = raised.Count(WasReferred),
            OutcomesAsked = Count(raised.Select(c => c.DesiredOutcomes.Recorded)),
            Closed = closed.Count,
            OutcomesAchieved = Count(closed.Select(c => c.Leads.Outcome?.DesiredOutcomes).OfType<OutcomesAchieved>()),
            Risk = Count(closed.Select(c => c.Leads.Outcome?.Risk).OfType<RiskOutcome>()),
            FeedbackAsked = feedback.Count(f => f.AskedAt is not null),
            FeedbackAnswered = answered.Count,
            FeedbackOutcomes = Count(answered.Select(f => f.OutcomesAchieved).OfType<FeedbackOutcome>()),
            FeltListenedTo = answered.Count(f => f.FeltListenedTo == true),
            DidNotFeelListenedTo = answered.Count(f => f.FeltListenedTo == false),
        };
    }

    public int Get<TKey>(IReadOnlyDictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts.TryGetValue(key, out var n) ? n : 0;

    private static DateTimeOffset? ClosedAt(Concern concern) => concern.ClosedAt ?? concern.Leads.Outcome?.ClosedAt;

    private static Dictionary<TKey, int> Count<TKey>(IEnumerable<TKey> keys)
        where TKey : notnull => keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    private static TimeSpan? Median(List<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => TimeSpan.FromTicks((sorted[(n / 2) - 1].Ticks + sorted[n / 2].Ticks) / 2),
    };
}
