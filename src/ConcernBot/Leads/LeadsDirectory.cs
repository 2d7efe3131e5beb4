using ConcernBot.Concerns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>
/// The one list of leads (read by <see cref="LeadsPeopleReader"/>), and who may do what with a concern. A concern about a
/// lead never reaches that lead: they are left out of every list here. A concern about a lead the reporter did not or could
/// not name goes to nobody who could be that lead: to the escalation contact or the deputies, as
/// <see cref="ServiceLeadsOptions.UnnamedLeadConcernsGoTo"/> says.
/// </summary>
public sealed class LeadsDirectory(IOptions<LeadsOptions> options)
{
    private LeadsOptions Options => options.Value;

    public ServiceLeadsOptions ForService(string? serviceId) =>
        serviceId is not null && Options.Services.TryGetValue(serviceId, out var service) ? service : Options;

    public bool IsAdmin(string? aadObjectId) => aadObjectId is not null && Options.Admins.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The service's designated leads and deputies, each person once: whom a reporter may say a concern is about.</summary>
    public IReadOnlyList<LeadPerson> LeadsOf(string? serviceId)
    {
        var service = ForService(serviceId);
        return [.. service.Designated.Concat(service.Deputies).Where(p => p.Name.Length > 0).DistinctBy(p => p.Identity, StringComparer.Ordinal)];
    }

    /// <summary>The lead a reporter chose or typed: the concern's service first, then every service (so it is kept from them anywhere).</summary>
    public LeadPerson? MatchLead(string? serviceId, string? name) =>
        LeadNames.Match(name, LeadsOf(serviceId))
        ?? LeadNames.Match(name, Options.Services.Keys.Select(LeadsOf).Append(LeadsOf(null)).SelectMany(l => l));

    /// <summary>Who may open and act on the concern: its service's leads and deputies less anyone it is about.</summary>
    public IReadOnlyList<LeadPerson> AuthorisedLeads(Concern concern)
    {
        var service = ForService(concern.ServiceId);
        IEnumerable<LeadPerson> people = IsAboutUnnamedLead(concern)
            ? UnnamedLeadRecipients(service)
            : service.Designated.Concat(service.Deputies);
        List<LeadPerson> authorised = [.. people.Where(p => p.HasObjectId && !IsSubject(concern, p.ObjectId)).DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase)];
        if (authorised.Count == 0 && IsAboutALead(concern))
        {
            // About the only lead: it goes where the policy sends a concern about a lead (the escalation contact, or deputies).
            authorised = [.. UnnamedLeadRecipients(service).Where(p => p.HasObjectId && !IsSubject(concern, p.ObjectId))];
        }

        return authorised;
    }

    public IReadOnlyList<LeadPerson> Deputies(Concern concern)
    {
        var service = ForService(concern.ServiceId);
        if (IsAboutUnnamedLead(concern) && !UnnamedLeadRecipients(service).Any(service.Deputies.Contains))
        {
            // The deputies may be the lead it is about: the policy keeps it from them.
            return [];
        }

        return [.. service.Deputies.Where(p => !IsSubject(concern, p.ObjectId))];
    }

    public LeadPerson? EscalationContact(Concern concern) =>
        ForService(concern.ServiceId).EscalationContact is { } contact && !IsSubject(concern, contact.ObjectId) ? contact : null;

    public LeadPerson? FindAuthorised(Concern concern, string? aadObjectId) =>
        aadObjectId is null ? null : AuthorisedLeads(concern).FirstOrDefault(p => Same(p.ObjectId, aadObjectId));

    /// <summary>Only designated leads see a confidential reporter's name (deputies do not).</summary>
    public bool MaySeeConfidentialIdentity(Concern concern, string? aadObjectId) =>
        aadObjectId is not null
        && !IsSubject(concern, aadObjectId)
        && !IsAboutUnnamedLead(concern)
        && ForService(concern.ServiceId).Designated.Any(p => Same(p.ObjectId, aadObjectId));

    /// <summary>Whether the person is a lead or deputy of any service (for `open concerns`).</summary>
    public bool IsLeadAnywhere(string? aadObjectId) =>
        aadObjectId is not null
        && Options.Services.Values.Append(Options).Any(s => s.Designated.Concat(s.Deputies).Any(p => Same(p.ObjectId, aadObjectId)));

    /// <summary>A concern about a lead goes only to named people, never into a channel (a lead may join it at any time).</summary>
    public static bool IsAboutALead(Concern concern) => concern.Subject.Kind == SubjectKind.SafeguardingLead;

    /// <summary>About a lead, but the reporter did not say which, or named someone the bot could not match.</summary>
    public static bool IsAboutUnnamedLead(Concern concern) => IsAboutALead(concern) && string.IsNullOrWhiteSpace(concern.Subject.LeadAadObjectId);

    public static bool IsSubject(Concern concern, string? aadObjectId) =>
        !string.IsNullOrEmpty(aadObjectId) && concern.Subject.LeadAadObjectId is { } subject && Same(subject, aadObjectId);

    /// <summary>Who receives a concern about an unnamed lead, by the service's policy (falling back when one side is empty).</summary>
    public static IReadOnlyList<LeadPerson> UnnamedLeadRecipients(ServiceLeadsOptions service)
    {
        List<LeadPerson> contact = service.EscalationContact is { } c ? [c] : [];
        var deputies = service.Deputies.ToList();
        return service.UnnamedLeadConcernsGoTo switch
        {
            Leads.UnnamedLeadRecipients.Deputies => deputies.Count > 0 ? deputies : contact,
            Leads.UnnamedLeadRecipients.DeputiesAndEscalationContact => [.. deputies, .. contact],
            _ => contact.Count > 0 ? contact : deputies,
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
