using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

public enum ChainRole
{
    Designated,
    Deputy,
    EscalationContact,
}

/// <summary>One person in a service's chain: their role, their place in the settings' list (0 for the contact), who they are.</summary>
public sealed record ChainMember(ChainRole Role, int Index, LeadPerson Person)
{
    /// <summary>The setting that names them, e.g. <c>Leads:Services:oak:Deputies:0</c>.</summary>
    public string Key(string? serviceId)
    {
        var prefix = LeadsChain.SettingsOf(serviceId);
        return Role switch
        {
            ChainRole.Designated => $"{prefix}:Designated:{Index}",
            ChainRole.Deputy => $"{prefix}:Deputies:{Index}",
            _ => $"{prefix}:EscalationContact",
        };
    }

    /// <summary>The role as the operator's log names it: "designated lead 1", "deputy 1", "escalation contact".</summary>
    public string LogName => Role switch
    {
        ChainRole.Designated => $"designated lead {Index + 1}",
        ChainRole.Deputy => $"deputy {Index + 1}",
        _ => "escalation contact",
    };

    /// <summary>The role in the reader's words.</summary>
    public string Title => Role switch
    {
        ChainRole.Designated => Words.DrillRoleDesignated,
        ChainRole.Deputy => Words.DrillRoleDeputy,
        _ => Words.DrillRoleContact,
    };
}

/// <summary>The people of a service's chain in order: the designated leads, the deputies, then the escalation contact.</summary>
public static class LeadsChain
{
    public static IEnumerable<ChainMember> Of(ServiceLeadsOptions service) =>
        service.Designated.Select((p, i) => new ChainMember(ChainRole.Designated, i, p))
            .Concat(service.Deputies.Select((p, i) => new ChainMember(ChainRole.Deputy, i, p)))
            .Concat(service.EscalationContact is { } contact ? [new ChainMember(ChainRole.EscalationContact, 0, contact)] : []);

    /// <summary>The settings section of a service: <c>Leads</c> for the root, <c>Leads:Services:&lt;id&gt;</c> otherwise.</summary>
    public static string SettingsOf(string? serviceId) => serviceId is null ? LeadsOptions.Section : $"{LeadsOptions.Section}:Services:{serviceId}";

    /// <summary>Every service with its id: the root (null) first, then each of <see cref="LeadsOptions.Services"/>.</summary>
    public static IEnumerable<(string? ServiceId, ServiceLeadsOptions Service)> Services(LeadsOptions leads) =>
        leads.Services.Select(s => ((string?)s.Key, (ServiceLeadsOptions)s.Value)).Prepend((null, leads));
}
