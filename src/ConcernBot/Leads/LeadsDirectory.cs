using ConcernBot.Concerns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>
/// Who may do what with a concern. A concern about a lead never reaches that lead: they are left out of every list here.
/// </summary>
public sealed class LeadsDirectory(IOptions<LeadsOptions> options)
{
    private LeadsOptions Options => options.Value;

    public ServiceLeadsOptions ForService(string? serviceId) =>
        serviceId is not null && Options.Services.TryGetValue(serviceId, out var service) ? service : Options;

    /// <summary>
    /// The services a reporter may choose between (empty when there is only the default), with who will receive the concern:
    /// for the intake's "who will receive this" question.
    /// </summary>
    public IReadOnlyList<(string ServiceId, string Receivers)> ServiceChoices() =>
        [.. Options.Services.Select(s => (s.Key, s.Value.Name ?? s.Key))];

    public bool IsAdmin(string? aadObjectId) => aadObjectId is not null && Options.Admins.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The designated leads and deputies of the concern's service, less anyone the concern is about.</summary>
    public IReadOnlyList<LeadPerson> AuthorisedLeads(Concern concern)
    {
        var service = ForService(concern.ServiceId);
        return [.. service.Designated.Concat(service.Deputies)
            .Where(p => !string.IsNullOrWhiteSpace(p.ObjectId) && !IsSubject(concern, p.ObjectId))
            .DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<LeadPerson> Deputies(Concern concern) =>
        [.. ForService(concern.ServiceId).Deputies.Where(p => !IsSubject(concern, p.ObjectId))];

    public LeadPerson? EscalationContact(Concern concern) =>
        ForService(concern.ServiceId).EscalationContact is { } contact && !IsSubject(concern, contact.ObjectId) ? contact : null;

    public LeadPerson? FindAuthorised(Concern concern, string? aadObjectId) =>
        aadObjectId is null ? null : AuthorisedLeads(concern).FirstOrDefault(p => Same(p.ObjectId, aadObjectId));

    /// <summary>Only designated leads see a confidential reporter's name (deputies do not).</summary>
    public bool MaySeeConfidentialIdentity(Concern concern, string? aadObjectId) =>
        aadObjectId is not null
        && !IsSubject(concern, aadObjectId)
        && ForService(concern.ServiceId).Designated.Any(p => Same(p.ObjectId, aadObjectId));

    /// <summary>Whether the person is a lead or deputy of any service (for `open concerns`).</summary>
    public bool IsLeadAnywhere(string? aadObjectId) =>
        aadObjectId is not null
        && Options.Services.Values.Append(Options).Any(s => s.Designated.Concat(s.Deputies).Any(p => Same(p.ObjectId, aadObjectId)));

    public static bool IsSubject(Concern concern, string? aadObjectId) =>
        aadObjectId is not null && concern.Subject.LeadAadObjectId is { } subject && Same(subject, aadObjectId);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
