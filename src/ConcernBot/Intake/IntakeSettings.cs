using IntakeText = ConcernBot.Resources.Intake;
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

/// <summary>A designated safeguarding lead from the settings (section "Leads:Designated").</summary>
public sealed record DesignatedLead(string Name, string? AadObjectId, string? Contact);

/// <summary>The intake's settings and the designated leads, read once.</summary>
public sealed class IntakeSettings(IOptions<IntakeOptions> options, IConfiguration configuration)
{
    public IntakeOptions Options { get; } = options.Value;

    public string EmergencyAdvice => string.IsNullOrWhiteSpace(Options.EmergencyAdvice) ? IntakeText.EmergencyAdviceDefault : Options.EmergencyAdvice;

    public IReadOnlyList<DesignatedLead> Leads { get; } = ReadLeads(configuration.GetSection("Leads:Designated"));

    public IReadOnlyList<string> LeadNames => Leads.Select(l => l.Name).ToList();

    /// <summary>Accepts a list of names, or of objects with Name, AadObjectId and Contact.</summary>
    private static List<DesignatedLead> ReadLeads(IConfigurationSection section) =>
        section.GetChildren()
            .Select(child => child.Value is { Length: > 0 } name
                ? new DesignatedLead(name.Trim(), null, null)
                : new DesignatedLead(child["Name"]?.Trim() ?? "", child["AadObjectId"], child["Contact"]))
            .Where(l => l.Name.Length > 0)
            .Take(20)
            .ToList();
}
