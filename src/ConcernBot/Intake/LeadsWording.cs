using ConcernBot.Concerns;

namespace ConcernBot.Intake;

/// <summary>
/// Whether what a reporter reads about who will see their concern names one safeguarding lead or several: the service's
/// leads and deputies (as the settings list them), less the lead the concern is about.
/// </summary>
internal static class LeadsWording
{
    public static int Count(IReadOnlyList<string> leadNames, IntakeDraft d) =>
        leadNames.Count(n => d.Subject != SubjectKind.SafeguardingLead || !string.Equals(n, d.SubjectLeadName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The guided path says "the safeguarding leads" unless exactly one would see it.</summary>
    public static bool One(IReadOnlyList<string> leadNames, IntakeDraft d) => Count(leadNames, d) == 1;

    /// <summary>The simple path says "the safeguarding lead" unless several would see it.</summary>
    public static bool Several(IReadOnlyList<string> leadNames, IntakeDraft d) => Count(leadNames, d) > 1;
}
