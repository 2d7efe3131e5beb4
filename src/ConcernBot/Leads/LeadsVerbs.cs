namespace ConcernBot.Leads;

/// <summary>The Action.Execute verbs of the leads' card. Every one carries <c>concernId</c> in its data.</summary>
public static class LeadsVerbs
{
    public const string Prefix = "leads.";
    public const string View = "leads.view";
    public const string Acknowledge = "leads.ack";
    public const string Assign = "leads.assign";
    public const string Ask = "leads.ask";
    public const string Decide = "leads.decide";
    public const string Note = "leads.note";
    public const string Close = "leads.close";
    public const string History = "leads.history";
    public const string RecordSubject = "leads.subject";
    public const string Refer = "leads.refer";
    public const string ReferralReply = "leads.referral.reply";

    /// <summary>Input ids on the card's forms.</summary>
    public static class Inputs
    {
        public const string Assignee = "assignee";
        public const string Question = "question";
        public const string Decision = "decision";
        public const string DecisionReason = "decisionReason";
        public const string Sharing = "sharing";
        public const string SharingReason = "sharingReason";
        public const string Note = "note";
        public const string OutcomeDesired = "outcomeDesired";
        public const string OutcomeRisk = "outcomeRisk";
        public const string ReporterMessage = "reporterMessage";
        public const string RecordedSubject = "recordedSubject";
        public const string RecordedLocation = "recordedLocation";
        public const string Agency = "agency";
        public const string AgencyReference = "agencyReference";
        public const string ReferredAt = "referredAt";

        /// <summary>The card's date input (yyyy-MM-dd): the day a referral was made, when it was not just now.</summary>
        public const string ReferredOn = "referredOn";
        public const string ReferralId = "referralId";
        public const string ReferralResponse = "response";
    }

    private static readonly HashSet<string> All = [View, Acknowledge, Assign, Ask, Decide, Note, Close, History, RecordSubject, Refer, ReferralReply];

    /// <summary>The verb if it is one of ours, else "other": what a log may say about a verb someone sent.</summary>
    public static string Known(string verb) => All.Contains(verb) ? verb : "other";

    /// <summary>Assign's data value for "assign to me".</summary>
    public const string Me = "me";
}
