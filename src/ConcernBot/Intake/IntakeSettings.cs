using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Leads;
using Microsoft.Extensions.Options;

namespace ConcernBot.Intake;

/// <summary>The intake's settings (section "Intake"); every one has a sensible default.</summary>
public sealed class IntakeOptions
{
    /// <summary>What to tell someone when a person is in immediate danger (markdown). Default: call 999 now.</summary>
    public string? EmergencyAdvice { get; set; }

    /// <summary>Support for the reporter after raising a concern, one line each (e.g. "Employee assistance: 0800 ...").</summary>
    public List<string> SupportContacts { get; set; } = [];

    /// <summary>An untouched draft is deleted after this long (default 7 days).</summary>
    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The reminder is sent this long before a draft expires (default 1 day).</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the expiry service looks for drafts to remind about or delete.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>A service or site with its own leads (section "Leads:Services:&lt;id&gt;"): the reporter picks one when there are several.</summary>
public sealed record IntakeService(string Id, string Name);

/// <summary>The intake's settings; the leads and services come from the one list the leads' workflow reads (<see cref="LeadsDirectory"/>).</summary>
public sealed class IntakeSettings(IOptions<IntakeOptions> options, IOptions<LeadsOptions> leads, LeadsDirectory directory)
{
    public IntakeOptions Options { get; } = options.Value;

    public string EmergencyAdvice => string.IsNullOrWhiteSpace(Options.EmergencyAdvice) ? IntakeText.EmergencyAdviceDefault : Options.EmergencyAdvice;

    public LeadsDirectory Directory => directory;

    public IReadOnlyList<IntakeService> Services { get; } =
        [.. leads.Value.Services.Select(s => new IntakeService(s.Key, s.Value.Name?.Trim() is { Length: > 0 } name ? name : s.Key))];

    /// <summary>The leads (designated and deputies) of the service the draft is for: "which lead is it about?".</summary>
    public IReadOnlyList<string> LeadNamesFor(IntakeDraft draft) => [.. directory.LeadsOf(ServiceFor(draft)).Select(l => l.Name).Take(20)];

    /// <summary>For a concern about a lead, who receives it (told to the reporter before they send it); null otherwise.</summary>
    public string? WhoSeesIt(IntakeDraft draft)
    {
        if (draft.Subject != Concerns.SubjectKind.SafeguardingLead)
        {
            return null;
        }

        var service = ServiceFor(draft);
        if (directory.MatchLead(service, draft.SubjectLeadName) is { HasObjectId: true } lead)
        {
            return Conversation.Words.Format(IntakeText.WhoSeesItOtherLeads, lead.Name);
        }

        var names = LeadsDirectory.UnnamedLeadRecipients(directory.ForService(service)).Select(p => p.Name).Where(n => n.Length > 0).Distinct().ToList();
        return names.Count > 0
            ? Conversation.Words.Format(IntakeText.WhoSeesItNamed, string.Join(", ", names))
            : IntakeText.WhoSeesItNobodySetUp;
    }

    /// <summary>The service a concern goes to: the one chosen, or the only one there is.</summary>
    public string? ServiceFor(IntakeDraft draft) =>
        draft.ServiceId is { } chosen && Services.Any(s => s.Id == chosen) ? chosen : Services.Count == 1 ? Services[0].Id : null;
}
