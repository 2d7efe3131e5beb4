using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Cards;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>What a lead's own view of a concern shows beyond the card everyone sees.</summary>
/// <param name="ReporterName">The reporter's name when this lead may see it (named; confidential for designated leads).</param>
/// <param name="Leads">The leads the concern may be assigned to.</param>
/// <param name="Notice">A line at the top: what just happened, or what changed meanwhile.</param>
/// <param name="Patterns">Earlier concerns that share what the leads recorded (see Learning/PatternFinder).</param>
public sealed record LeadsDetailView(string? ReporterName, IReadOnlyList<LeadPerson> Leads, string? Notice = null, IReadOnlyList<Learning.PatternMatch>? Patterns = null);

/// <summary>
/// Every card of the leads' workflow, in one place. The need-to-know card is what everyone in the leads' channel sees; the
/// detail and history cards are only ever sent to an authorised lead, as their own view (invoke answers).
/// </summary>
public sealed class LeadsCards(LeadsClocks clocks)
{
    public const int MaxQuestionLength = 1000;
    public const int MaxReasonLength = 2000;
    public const int MaxNotesShown = 10;

    /// <summary>The card everyone in the channel sees: reference, urgency, kinds of harm, who is at risk by type, status, deadlines.</summary>
    public JsonElement NeedToKnow(Concern concern, string? notice = null)
    {
        var card = new AdaptiveCard();
        AddNotice(card, notice);
        AddSummary(card, concern);
        card.Add(CardElement.Text(Words.CardDetailHidden, subtle: true).WithSeparator());
        card.AddAction(CardAction.Execute(Words.ActionShowDetail, LeadsVerbs.View, Data(concern)));
        return Finish(card, concern);
    }

    /// <summary>An authorised lead's own view: the summary, the detail, and the actions.</summary>
    public JsonElement Detail(Concern concern, LeadsDetailView view)
    {
        var card = new AdaptiveCard();
        AddNotice(card, view.Notice);
        AddSummary(card, concern);
        AddDetail(card, concern, view.ReporterName);
        AddRecord(card, concern);
        card.AddRange(Learning.LearningCards.PatternElements(view.Patterns));
        AddActions(card, concern, view);
        return Finish(card, concern);
    }

    /// <summary>The chronology (actor, UTC time, action, reason), for an authorised lead only.</summary>
    public JsonElement History(Concern concern, IReadOnlyList<AuditEntry> entries)
    {
        var card = new AdaptiveCard().Add(CardElement.Heading(LeadsText.Format(Words.HistoryTitle, concern.Reference)));
        if (entries.Count == 0)
        {
            card.Add(CardElement.Text(Words.HistoryEmpty));
        }

        foreach (var entry in entries)
        {
            var line = LeadsText.Format(Words.HistoryLine, entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), entry.Actor, LeadsText.AuditAction(entry.Action));
            card.Add(CardElement.Text(line).WithSeparator());
            if (!string.IsNullOrWhiteSpace(entry.Reason))
            {
                card.Add(CardElement.Text(LeadsText.Format(Words.HistoryReason, entry.Reason), subtle: true));
            }
        }

        card.AddAction(CardAction.Execute(Words.ActionBack, LeadsVerbs.View, Data(concern)));
        return Finish(card, concern);
    }

    /// <summary>The open concerns, oldest deadline first; need-to-know facts only (it is posted in the channel).</summary>
    public JsonElement OpenConcerns(IReadOnlyList<Concern> concerns, DateTimeOffset now)
    {
        var card = new AdaptiveCard().Add(CardElement.Heading(LeadsText.Format(Words.OpenTitle, concerns.Count)));
        foreach (var concern in concerns)
        {
            var deadline = concern.NextDeadline is { } due
                ? LeadsText.Format(due <= now ? Words.DeadlinePassed : Words.DueBy, clocks.Show(due))
                : Words.NoDeadline;
            card.Add(CardElement.Text(concern.Reference, weight: TextWeight.Bolder).WithSeparator());
            card.Add(CardElement.Facts(
            [
                (Words.FactUrgency, Urgency(concern)),
                (Words.FactStatus, LeadsText.Label("Status", concern.Status)),
                (Words.FactNextDeadline, deadline),
                (Words.FactReceived, clocks.Show(concern.ReceivedAt)),
                (Words.FactAssignedTo, concern.Leads.AssignedLeadName ?? Words.NotAssigned),
            ]));
        }

        return card.WithFallbackText(LeadsText.Format(Words.OpenTitle, concerns.Count)).ToJsonElement();
    }

    private static void AddNotice(AdaptiveCard card, string? notice)
    {
        if (!string.IsNullOrWhiteSpace(notice))
        {
            card.Add(CardElement.Container([CardElement.Text(notice, weight: TextWeight.Bolder)], style: "attention"));
        }
    }

    private void AddSummary(AdaptiveCard card, Concern concern)
    {
        card.Add(CardElement.Heading(LeadsText.Format(Words.CardTitle, concern.Reference)));
        if (LeadsClocks.IsUrgent(concern) && concern.Status == ConcernStatus.Received)
        {
            card.Add(CardElement.Text(Words.UrgentBanner, weight: TextWeight.Bolder));
        }

        card.Add(CardElement.Facts(SummaryFacts(concern)));
        if (concern.EvidenceCount > 0)
        {
            // How many, never which: the files open only in the workspace, for the concern's own leads.
            card.Add(CardElement.Text(Evidence.EvidenceWords.Attached(concern.EvidenceCount)));
        }

        card.Add(CardElement.Text(Words.DeadlinesHeading, weight: TextWeight.Bolder).WithSeparator());
        card.Add(CardElement.Facts(DeadlineFacts(concern)));

        if (concern.Leads.LastActivity is { } last)
        {
            card.Add(CardElement.Text(LeadsText.Format(Words.LastUpdate, last.Actor, LeadsText.AuditAction(last.Action), clocks.Show(last.At)), subtle: true));
        }
    }

    /// <summary>The clocks: acknowledgement, receipt, feedback, and the LADO where it applies.</summary>
    public IReadOnlyList<(string Label, string Value)> DeadlineFacts(Concern concern)
    {
        var leads = concern.Leads;
        var closed = concern.Status == ConcernStatus.Closed;
        var ack = concern.AcknowledgedAt is { } acknowledgedAt
            ? LeadsText.Format(Words.DoneBy, leads.AcknowledgedBy ?? Words.ALead, clocks.Show(acknowledgedAt))
            : LeadsText.Format(leads.EscalationsFired.Contains(EscalationStep.AckReminder) ? Words.DeadlinePassed : Words.DueBy, clocks.Show(clocks.AcknowledgementDue(concern)));
        var list = new List<(string, string)>
        {
            (Words.DeadlineAcknowledge, ack),
            (Words.DeadlineReceipt, Words.ReceiptAutomatic),
            (Words.DeadlineFeedback, closed && leads.Outcome is { } outcome
                ? LeadsText.Format(Words.DoneBy, outcome.ClosedBy, clocks.Show(outcome.ClosedAt))
                : LeadsText.Format(Words.DueBy, clocks.Show(clocks.FeedbackDue(concern)))),
        };
        if (clocks.LadoDue(concern) is { } lado)
        {
            var referral = leads.Decisions.FirstOrDefault(d => d.Kind == DecisionKind.Lado);
            var toLado = leads.Referrals.FirstOrDefault(r => r.Agency == ReferralAgency.Lado);
            list.Add((Words.DeadlineLado, referral is not null
                ? LeadsText.Format(Words.DoneBy, referral.DecidedBy, clocks.Show(referral.DecidedAt))
                : toLado is not null
                    ? LeadsText.Format(Words.DoneBy, toLado.MadeBy, clocks.Show(toLado.MadeAt))
                    : LeadsText.Format(Words.DueBy, clocks.Show(lado))));
        }

        return list;
    }

    /// <summary>What everyone in the channel may know: reference, urgency, harm, who is at risk by type, received, status, lead.</summary>
    public IReadOnlyList<(string Label, string Value)> SummaryFacts(Concern concern)
    {
        var facts = new List<(string, string)>
        {
            (Words.FactReference, concern.Reference),
            (Words.FactUrgency, Urgency(concern)),
            (Words.FactHarm, concern.HarmKinds.Count == 0 ? Words.HarmNotGiven : string.Join(", ", concern.HarmKinds.Select(k => LeadsText.Label("Harm", k)))),
            (Words.FactAtRisk, LeadsText.Label("AtRisk", concern.PersonAtRisk.Kind)),
        };
        if (concern.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Volunteer or SubjectKind.SafeguardingLead)
        {
            // By type only, and a lead is shown as staff: the card must not point at a colleague in the channel.
            facts.Add((Words.FactAbout, concern.Subject.Kind == SubjectKind.Volunteer ? Words.AboutVolunteer : Words.AboutStaff));
        }

        facts.Add((Words.FactReceived, clocks.Show(concern.ReceivedAt)));
        facts.Add((Words.FactStatus, Status(concern)));
        facts.Add((Words.FactAssignedTo, concern.Leads.AssignedLeadName ?? Words.NotAssigned));
        return facts;
    }

    private static void AddDetail(AdaptiveCard card, Concern concern, string? reporterName)
    {
        card.Add(CardElement.Text(Words.DetailHeading, weight: TextWeight.Bolder).WithSeparator());
        card.Add(CardElement.Text(Words.DetailWhatHappened, weight: TextWeight.Bolder));
        card.Add(CardElement.Text(concern.Account.WhatHappened));

        card.Add(CardElement.Facts(DetailFacts(concern, reporterName)));

        card.Add(CardElement.Text(Words.DetailOutcomesHeading, weight: TextWeight.Bolder).WithSeparator());
        card.Add(CardElement.Facts(OutcomeFacts(concern)));
    }

    /// <summary>What the reporter told about when, where, who is at risk, whom it is about, and who they are (as this lead may see).</summary>
    public static IReadOnlyList<(string Label, string Value)> DetailFacts(Concern concern, string? reporterName)
    {
        var account = concern.Account;
        var when = account.WhenDate?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? account.WhenDescription ?? Words.NotSaid;
        var person = concern.PersonAtRisk;
        var facts = new List<(string, string)>
        {
            (Words.DetailWhen, when),
            (Words.DetailWhere, account.Where ?? Words.NotSaid),
            (Words.DetailStillHappening, LeadsText.Label("Answer", account.StillHappening)),
            (Words.DetailPersonAtRisk, person.Description ?? Words.NotSaid),
        };
        if (person.ChildServicesStatus is { } childStatus)
        {
            facts.Add((Words.DetailChildServices, LeadsText.Label("ChildServices", childStatus)));
        }

        facts.Add((Words.DetailAbout, LeadsText.Label("Subject", concern.Subject.Kind) + (concern.Subject.RecordedSubject is { } s ? " — " + s : "")));
        facts.Add((Words.DetailReporterRole, LeadsText.Label("Role", concern.ReporterRole)));
        facts.Add((Words.DetailReporter, Reporter(concern, reporterName)));
        if (concern.Reporter is { Choice: IdentityChoice.Named, GivenContact: { Length: > 0 } contact })
        {
            facts.Add((Words.DetailReporterContact, contact));
        }
        return facts;
    }

    /// <summary>Making Safeguarding Personal: what the person wants, and the information-sharing answer.</summary>
    public static IReadOnlyList<(string Label, string Value)> OutcomeFacts(Concern concern)
    {
        var outcomes = concern.DesiredOutcomes;
        return
        [
            (Words.DetailPersonKnows, LeadsText.Label("Answer", outcomes.PersonKnowsConcernRaised)),
            (Words.DetailPersonWants, outcomes.WhatPersonWants ?? Words.NotSaid),
            (Words.DetailReporterWants, outcomes.WhatReporterWants ?? Words.NotSaid),
            (Words.DetailWhoInvolved, outcomes.WhoPersonWantsInvolved ?? Words.NotSaid),
            (Words.DetailOutcomesRecorded, LeadsText.Label("Outcomes", outcomes.Recorded)),
            (Words.DetailConsent, LeadsText.Label("Consent", concern.InformationSharing.Consent)),
            (Words.DetailReasonWithoutConsent, concern.InformationSharing.ReasonWithoutConsent ?? Words.NotSaid),
            (Words.DetailAlreadyDone, concern.ActionsAlreadyTaken ?? Words.NotSaid),
        ];
    }

    private static string Reporter(Concern concern, string? reporterName) => concern.Reporter.Choice switch
    {
        IdentityChoice.Named => reporterName ?? concern.Reporter.DisplayName ?? Words.NotSaid,
        IdentityChoice.Confidential => reporterName is null ? Words.ReporterConfidentialHidden : LeadsText.Format(Words.ReporterConfidential, reporterName),
        _ => Words.ReporterAnonymous,
    };

    private void AddRecord(AdaptiveCard card, Concern concern)
    {
        var leads = concern.Leads;
        if (leads.Questions.Count > 0)
        {
            card.Add(CardElement.Text(Words.QuestionsHeading, weight: TextWeight.Bolder).WithSeparator());
            foreach (var q in leads.Questions)
            {
                card.Add(CardElement.Text(LeadsText.Format(Words.QuestionLine, q.AskedBy, clocks.Show(q.At), q.Text)));
                card.Add(CardElement.Text(q.Answer is null ? Words.NoAnswerYet : LeadsText.Format(Words.AnswerLine, q.Answer), subtle: q.Answer is null));
            }
        }

        if (leads.Decisions.Count > 0)
        {
            card.Add(CardElement.Text(Words.DecisionsHeading, weight: TextWeight.Bolder).WithSeparator());
            foreach (var d in leads.Decisions)
            {
                card.Add(CardElement.Text(LeadsText.Format(Words.DecisionLine, LeadsText.Label("Decision", d.Kind), d.Reason, d.DecidedBy, clocks.Show(d.DecidedAt))));
                card.Add(CardElement.Text(LeadsText.Format(Words.SharingLine, LeadsText.Label("Sharing", d.Sharing), d.SharingReason), subtle: true));
            }
        }

        if (leads.Referrals.Count > 0)
        {
            card.Add(CardElement.Text(Words.ReferralsHeading, weight: TextWeight.Bolder).WithSeparator());
            foreach (var r in leads.Referrals)
            {
                card.Add(CardElement.Text(LeadsText.Format(Words.ReferralLine, LeadsText.Label("Agency", r.Agency), clocks.Show(r.MadeAt), r.MadeBy, r.AgencyReference ?? Words.NotSaid)));
                card.Add(CardElement.Text(
                    r.Response is { } answer ? LeadsText.Format(Words.AnswerLine, answer)
                    : r.ResponseDue is { } due ? LeadsText.Format(Words.DueBy, clocks.Show(due))
                    : Words.NoAnswerYet,
                    subtle: r.Response is null));
            }

            if (ReferralCardActions.Reply(concern, Data(concern), clocks.Show) is { } reply)
            {
                card.Add(reply);
            }
        }

        if (leads.Notes.Count > 0)
        {
            card.Add(CardElement.Text(Words.NotesHeading, weight: TextWeight.Bolder).WithSeparator());
            if (leads.Notes.Count > MaxNotesShown)
            {
                // Keeps the card well inside Teams' size limit; every note stays in the history.
                card.Add(CardElement.Text(LeadsText.Format(Words.EarlierNotes, leads.Notes.Count - MaxNotesShown), subtle: true));
            }

            foreach (var n in leads.Notes.TakeLast(MaxNotesShown))
            {
                card.Add(CardElement.Text(LeadsText.Format(Words.NoteLine, n.Author, clocks.Show(n.At), n.Text)));
            }
        }

        if (leads.Outcome is { } outcome)
        {
            card.Add(CardElement.Text(Words.OutcomeHeading, weight: TextWeight.Bolder).WithSeparator());
            card.Add(CardElement.Facts(
            [
                (Words.OutcomeDesired, LeadsText.Label("Achieved", outcome.DesiredOutcomes)),
                (Words.OutcomeRisk, LeadsText.Label("Risk", outcome.Risk)),
                (Words.OutcomeReporterMessage, outcome.ReporterMessage ?? Words.NotSaid),
            ]));
        }
    }

    private static void AddActions(AdaptiveCard card, Concern concern, LeadsDetailView view)
    {
        var data = Data(concern);
        if (concern.Status != ConcernStatus.Closed)
        {
            var quick = new List<CardAction>();
            if (concern.Status == ConcernStatus.Received)
            {
                quick.Add(CardAction.Execute(Words.ActionAcknowledge, LeadsVerbs.Acknowledge, data, style: "positive"));
            }

            quick.Add(CardAction.Execute(Words.ActionAssignToMe, LeadsVerbs.Assign, Data(concern).With("assignee", LeadsVerbs.Me)));
            quick.Add(CardAction.Execute(Words.ActionHistory, LeadsVerbs.History, data));
            quick.Add(Learning.LearningCards.RecordSubjectAction(concern, data));
            quick.Add(ReferralCardActions.Record(data));

            // Teams shows at most five actions at the card's foot: the quick ones sit in the body.
            card.Add(CardElement.Actions(quick).WithSeparator());

            card.AddAction(CardAction.ShowCard(Words.ActionAssign, new AdaptiveCard()
                .Add(CardElement.Choices(LeadsVerbs.Inputs.Assignee, Words.InputAssignee, view.Leads.Select(l => (l.Name, l.ObjectId)), style: "compact", required: true))
                .AddAction(CardAction.Execute(Words.ActionAssignConfirm, LeadsVerbs.Assign, data))));

            card.AddAction(CardAction.ShowCard(Words.ActionAsk, CanAskReporter(concern)
                ? new AdaptiveCard()
                    .Add(CardElement.Text(Words.AskHelp, subtle: true))
                    .Add(CardElement.TextInput(LeadsVerbs.Inputs.Question, Words.InputQuestion, multiline: true, maxLength: MaxQuestionLength, required: true))
                    .AddAction(CardAction.Execute(Words.ActionAskConfirm, LeadsVerbs.Ask, data))
                : new AdaptiveCard().Add(CardElement.Text(Words.AskNotPossible))));

            card.AddAction(CardAction.ShowCard(Words.ActionDecide, new AdaptiveCard()
                .Add(CardElement.Choices(LeadsVerbs.Inputs.Decision, Words.InputDecision, Options<DecisionKind>("Decision"), style: "compact", required: true))
                .Add(CardElement.TextInput(LeadsVerbs.Inputs.DecisionReason, Words.InputDecisionReason, multiline: true, maxLength: MaxReasonLength, required: true))
                .Add(CardElement.Choices(LeadsVerbs.Inputs.Sharing, Words.InputSharing, Options<SharingDecision>("Sharing"), style: "compact", required: true))
                .Add(CardElement.TextInput(LeadsVerbs.Inputs.SharingReason, Words.InputSharingReason, multiline: true, maxLength: MaxReasonLength, required: true))
                .AddAction(CardAction.Execute(Words.ActionDecideConfirm, LeadsVerbs.Decide, data))));

            card.AddAction(CardAction.ShowCard(Words.ActionNote, new AdaptiveCard()
                .Add(CardElement.TextInput(LeadsVerbs.Inputs.Note, Words.InputNote, multiline: true, maxLength: MaxReasonLength, required: true))
                .AddAction(CardAction.Execute(Words.ActionNoteConfirm, LeadsVerbs.Note, data))));

            card.AddAction(CardAction.ShowCard(Words.ActionClose, new AdaptiveCard()
                .Add(CardElement.Choices(LeadsVerbs.Inputs.OutcomeDesired, Words.InputOutcomeDesired, Options<OutcomesAchieved>("Achieved"), required: true))
                .Add(CardElement.Choices(LeadsVerbs.Inputs.OutcomeRisk, Words.InputOutcomeRisk, Options<RiskOutcome>("Risk"), required: true))
                .Add(CardElement.TextInput(LeadsVerbs.Inputs.ReporterMessage, Words.InputReporterMessage, multiline: true, maxLength: MaxQuestionLength))
                .Add(CardElement.Toggle(Learning.FollowUp.Inputs.AskPersonAtRisk, Resources.Learning.CloseAskPersonAtRisk, Resources.Learning.CloseAskPersonAtRiskTitle))
                .AddAction(CardAction.Execute(Words.ActionCloseConfirm, LeadsVerbs.Close, data))));
        }
        else
        {
            card.AddAction(CardAction.Execute(Words.ActionHistory, LeadsVerbs.History, data));
        }
    }

    /// <summary>A named reporter, or one with a sealed reply route (confidential or anonymous) that has not ended contact.</summary>
    public static bool CanAskReporter(Concern concern) =>
        !concern.Reporter.ContactEnded
        && (concern.Reporter.Choice == IdentityChoice.Named
            || (concern.Reporter.Choice == IdentityChoice.Confidential && concern.Reporter.ProtectedIdentity is not null)
            || concern.Reporter.ReplyRouteToken is not null);

    private static IEnumerable<(string, string)> Options<TEnum>(string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (LeadsText.Label(prefix, v), v.ToString()));

    private static string Urgency(Concern concern) =>
        concern.ImmediateDanger ? Words.UrgencyImmediateDanger : concern.Urgent ? Words.UrgencyUrgent : Words.UrgencyNotUrgent;

    private string Status(Concern concern)
    {
        var status = LeadsText.Label("Status", concern.Status);
        return concern.Leads.LastActivity is { } last ? LeadsText.Format(Words.StatusSince, status, clocks.Show(last.At)) : status;
    }

    private static CardData Data(Concern concern) => CardData.Of("concernId", concern.Id);

    private static JsonElement Finish(AdaptiveCard card, Concern concern)
    {
        // Without userIds Teams would refresh for everyone in the conversation: no viewers, no refresh.
        if (concern.Leads.ViewerUserIds.Count > 0)
        {
            card.WithRefresh(LeadsVerbs.View, Data(concern), concern.Leads.ViewerUserIds);
        }

        return card.WithFallbackText(LeadsText.Format(Words.CardFallback, concern.Reference)).ToJsonElement();
    }
}
