namespace ConcernBot.Leads;

/// <summary>
/// Settings under <c>Leads</c>. The root holds the default service's leads; <see cref="Services"/> holds other services or
/// sites, each with its own leads and channel (<c>Leads:Services:&lt;id&gt;:Designated</c>, ...). People are named by their
/// Entra object id.
/// </summary>
public sealed class LeadsOptions : ServiceLeadsOptions
{
    public const string Section = "Leads";

    /// <summary>Entra object ids of the people allowed to choose the leads' channel (`alerts here`).</summary>
    public IList<string> Admins { get; } = [];

    /// <summary>Other services or sites, by id (the concern's ServiceId). A concern with no or an unknown service goes to the root.</summary>
    public IDictionary<string, ServiceLeadsOptions> Services { get; } = new Dictionary<string, ServiceLeadsOptions>(StringComparer.OrdinalIgnoreCase);

    public DeadlineOptions Deadlines { get; set; } = new();

    /// <summary>Where a reporter can go when nothing happens inside the organisation (local authority, regulator, advice line).</summary>
    public IList<OutsideRoute> OutsideRoutes { get; } = [];

    /// <summary>Organisations (Entra tenant ids) whose deadlines are watched, besides those seen when a concern is routed.</summary>
    public IList<string> OrganisationIds { get; } = [];

    /// <summary>How often the escalation service looks for passed deadlines.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>One service's safeguarding leads and where their concerns go.</summary>
public class ServiceLeadsOptions
{
    /// <summary>The service's or site's name, e.g. "Oak House": the reporter is told "the designated safeguarding leads for Oak House".</summary>
    public string? Name { get; set; }

    /// <summary>The leads' channel named directly for a deployment; otherwise the one chosen with `alerts here`.</summary>
    public ChannelOptions Channel { get; set; } = new();

    public IList<LeadPerson> Designated { get; } = [];
    public IList<LeadPerson> Deputies { get; } = [];
    public LeadPerson? EscalationContact { get; set; }

    /// <summary>
    /// Who receives a concern about a lead when the reporter cannot say which lead, or names someone the bot cannot match:
    /// it goes to nobody in the leads' channel (any lead could be the one it is about).
    /// </summary>
    public UnnamedLeadRecipients UnnamedLeadConcernsGoTo { get; set; } = UnnamedLeadRecipients.EscalationContact;
}

/// <summary>The organisation's policy for an allegation against a lead whom the reporter did not or could not name.</summary>
public enum UnnamedLeadRecipients
{
    /// <summary>The head of the organisation or the chair (the escalation contact); the deputies if there is none.</summary>
    EscalationContact,

    /// <summary>The deputy leads; the escalation contact if there are none.</summary>
    Deputies,

    /// <summary>The deputies and the escalation contact.</summary>
    DeputiesAndEscalationContact,
}

public sealed class ChannelOptions
{
    public string? ServiceUrl { get; set; }

    /// <summary>The channel's conversation id (19:...@thread.tacv2).</summary>
    public string? ConversationId { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(ServiceUrl) && !string.IsNullOrWhiteSpace(ConversationId);
}

/// <summary>
/// A lead, deputy or escalation contact: <c>{ "ObjectId": "...", "Name": "..." }</c>. <see cref="LeadsPeopleReader"/> reads
/// these from the settings (the only reader), so that the intake, routing, views, actions and escalation share one list.
/// </summary>
public sealed class LeadPerson
{
    /// <summary>The Entra object id: what the bot matches people by, and keeps a concern about them from them with.</summary>
    public string ObjectId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The Teams user id (29:...), when known; otherwise it is looked up in the leads' channel roster.</summary>
    public string? UserId { get; set; }

    /// <summary>How staff can reach them outside ConcernBot (shown by "who is my lead"), e.g. a phone number.</summary>
    public string? Contact { get; set; }

    public bool HasObjectId => !string.IsNullOrWhiteSpace(ObjectId);

    /// <summary>Who this is, for telling one person from another: the object id, else the folded name.</summary>
    public string Identity => HasObjectId ? ObjectId.ToUpperInvariant() : "name:" + LeadNames.Fold(Name);
}

public sealed class OutsideRoute
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Phone { get; set; }
    public Uri? Url { get; set; }
}

/// <summary>Deadlines and escalation. Working hours are in <see cref="TimeZone"/>.</summary>
public sealed class DeadlineOptions
{
    public TimeSpan UrgentAcknowledgement { get; set; } = TimeSpan.FromMinutes(15);
    public double AcknowledgementWorkingHours { get; set; } = 4;

    /// <summary>Between escalation stages of an urgent concern (reminder -> deputies -> escalation contact).</summary>
    public TimeSpan UrgentEscalationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Between escalation stages of other concerns, in working hours.</summary>
    public double EscalationIntervalWorkingHours { get; set; } = 1;

    public TimeSpan WorkingDayStart { get; set; } = TimeSpan.FromHours(9);
    public TimeSpan WorkingDayEnd { get; set; } = TimeSpan.FromHours(17);

    /// <summary>Working days; Monday to Friday when empty.</summary>
    public IList<DayOfWeek> WorkingDays { get; } = [];

    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Receipt acknowledged to the reporter (automatic at submit).</summary>
    public int ReceiptDays { get; set; } = 7;

    /// <summary>Feedback to the reporter (EU Directive 2019/1937: three months).</summary>
    public int FeedbackMonths { get; set; } = 3;

    /// <summary>An allegation about someone working with children goes to the LADO within this many working days.</summary>
    public int LadoWorkingDays { get; set; } = 1;

    /// <summary>
    /// When an agency's answer to a referral is due, in working days after it was made: children's social care decides
    /// within one working day (Working Together to Safeguard Children 2023), the LADO considers it within one working day;
    /// the adult safeguarding team's is the local policy's. An agency not named here has no due date (police, CQC, other).
    /// </summary>
    public IDictionary<string, int> ReferralResponseWorkingDays { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["ChildrensServices"] = 1,
        ["Lado"] = 1,
        ["AdultSafeguarding"] = 2,
    };

    /// <summary>A statutory notification to CQC is due "without delay": after this long, it is late.</summary>
    public TimeSpan CqcNotificationWithin { get; set; } = TimeSpan.FromHours(24);
}
