namespace ConcernBot.Intake;

/// <summary>The names of the intake's steps, as kept in the conversation state (stable: renaming one strands saved drafts).</summary>
internal static class StepNames
{
    public const string Danger = "danger";
    public const string Urgent = "urgent";
    public const string Role = "role";
    public const string Service = "service";
    public const string AtRisk = "atrisk";
    public const string AtRiskWho = "atrisk.who";
    public const string ChildStatus = "atrisk.child";
    public const string Happened = "happened";
    public const string When = "when";
    public const string Where = "where";
    public const string Ongoing = "ongoing";
    public const string Harm = "harm";
    public const string About = "about";
    public const string WhichLead = "about.lead";
    public const string PersonKnows = "wishes.knows";
    public const string OutcomesAsked = "wishes.asked";
    public const string PersonWants = "wishes.person";
    public const string ReporterWants = "wishes.reporter";
    public const string Involved = "wishes.involved";
    public const string Sharing = "sharing";
    public const string SharingReason = "sharing.reason";
    public const string Evidence = "evidence";
    public const string Files = "evidence.files";
    public const string SimpleFiles = "simple.files";
    public const string Known = "known";
    public const string KnownName = "known.name";
    public const string KnownContact = "known.contact";

    public const string SimpleWho = "simple.who";
    public const string SimpleWhoName = "simple.who.name";
    public const string SimpleHappened = "simple.happened";
    public const string SimpleWhen = "simple.when";
    public const string SimpleWhere = "simple.where";
    public const string SimpleOngoing = "simple.ongoing";
    public const string SimpleHarm = "simple.harm";
    public const string SimpleAbout = "simple.about";
    public const string SimpleAboutLead = "simple.about.lead";
    public const string SimpleWants = "simple.wants";
    public const string SimpleInvolved = "simple.involved";
    public const string SimpleSharing = "simple.sharing";
    public const string SimpleKnown = "simple.known";

    /// <summary>
    /// Questions where a wrong answer could leave someone unsafe or break a promise (danger, urgency, agreement to share,
    /// how the reporter is known): a typed answer is taken only when it is plain, and confirmed when there is any doubt.
    /// </summary>
    public static bool IsSafety(string step) => step is Danger or Urgent or Sharing or SimpleSharing or Known or SimpleKnown;

    /// <summary>Not questions: the review card and the one-form card.</summary>
    public const string Review = "review";
    public const string Form = "form";
}
