using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Workspace;

/// <summary>A concern the caller may open, with the lead they are for it.</summary>
public sealed record OpenedCase(Versioned<Concern> Read, LeadPerson Lead);

/// <summary>
/// Who may see what in the workspace: the leads' own rule (<see cref="LeadsDirectory.FindAuthorised"/>, the card's:
/// the service's designated leads and deputies, less anyone the concern is about), inside the caller's organisation.
/// Every opening is audited in the concern's own chain, and so is every refusal.
/// </summary>
public sealed class WorkspaceCases(
    IConcernStore store,
    IAuditLog audit,
    LeadsDirectory directory,
    LeadsOrganisations organisations,
    Learning.LearningConcerns learning,
    Microsoft.Extensions.Options.IOptions<LeadsOptions> leads,
    TimeProvider time)
{
    private static readonly ConcernStatus[] Open = [ConcernStatus.Received, ConcernStatus.Acknowledged, ConcernStatus.InProgress];

    /// <summary>The open concerns this caller is an authorised lead for, in their organisation.</summary>
    public async Task<IReadOnlyList<(Concern Concern, LeadPerson Lead)>> OpenForAsync(WorkspaceCaller caller, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> tenants = caller.TenantId is { } tenant ? [tenant] : await organisations.ListAsync(cancellationToken);
        var found = new List<(Concern, LeadPerson)>();
        foreach (var organisationId in tenants)
        {
            foreach (var status in Open)
            {
                await foreach (var concern in store.ListByStatusAsync(organisationId, status, cancellationToken))
                {
                    if (caller.BelongsTo(concern.OrganisationId) && directory.FindAuthorised(concern, caller.ObjectId) is { } lead)
                    {
                        found.Add((concern, lead));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The concern with this reference, if the caller may open it: null when there is none or they may not.</summary>
    /// <param name="refused">True when the concern exists but is not theirs to see (the attempt is audited).</param>
    public async Task<(OpenedCase? Case, bool Refused)> OpenAsync(WorkspaceCaller caller, string reference, string purpose, CancellationToken cancellationToken)
    {
        var read = await store.FindByReferenceAsync(reference.Trim().ToUpperInvariant(), cancellationToken);
        if (read is null)
        {
            return (null, false);
        }

        var lead = caller.BelongsTo(read.Value.OrganisationId) ? directory.FindAuthorised(read.Value, caller.ObjectId) : null;
        if (lead is null)
        {
            await audit.AppendAsync(read.Value.Id, new AuditEntry
            {
                Actor = LeadsText.Format(Words.ActorNotALead, string.IsNullOrWhiteSpace(caller.Name) ? Words.SomeoneUnknown : caller.Name),
                At = time.GetUtcNow(),
                Action = LeadsAudit.Refused,
                Detail = "verb=" + purpose,
            }, cancellationToken);
            return (null, true);
        }

        return (new OpenedCase(read, lead), false);
    }

    /// <summary>
    /// The concerns the dashboard counts for this caller: of the services they are a designated lead or deputy of (as
    /// `report` counts those of the channel's services), in their organisation. Null when they lead no service.
    /// </summary>
    public async Task<IReadOnlyList<Concern>?> ForFiguresAsync(WorkspaceCaller caller, Learning.ReportPeriod period, CancellationToken cancellationToken)
    {
        var services = LeadsChain.Services(leads.Value)
            .Where(s => s.Service.Designated.Concat(s.Service.Deputies).Any(p => string.Equals(p.ObjectId, caller.ObjectId, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.ServiceId)
            .ToHashSet();
        if (services.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string> tenants = caller.TenantId is { } tenant ? [tenant] : await organisations.ListAsync(cancellationToken);
        var found = new List<Concern>();
        foreach (var organisationId in tenants)
        {
            found.AddRange(await learning.ListAsync(organisationId, services, period.Start, cancellationToken));
        }

        return found;
    }

    /// <summary>Records that the lead saw the case (who and when), in the concern's own hash-chained audit.</summary>
    public Task ViewedAsync(OpenedCase opened, CancellationToken cancellationToken) =>
        audit.AppendAsync(opened.Read.Value.Id, new AuditEntry { Actor = opened.Lead.Name, At = time.GetUtcNow(), Action = WorkspaceAudit.CaseViewed }, cancellationToken);
}
