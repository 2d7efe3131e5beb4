using System.Globalization;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>Reads the leads' words from Resources/Leads.resx in the reader's language.</summary>
internal static class LeadsText
{
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>The label of an enum value, from the resource named <c>{prefix}_{Value}</c>.</summary>
    public static string Label<TEnum>(string prefix, TEnum value)
        where TEnum : struct, Enum =>
        Words.ResourceManager.GetString(prefix + "_" + value, CultureInfo.CurrentUICulture) ?? value.ToString();

    /// <summary>An audit action code for people to read, from the resource named <c>Audit_{code with dots as underscores}</c>.</summary>
    public static string AuditAction(string code) =>
        Words.ResourceManager.GetString("Audit_" + Family(code).Replace('.', '_'), CultureInfo.CurrentUICulture) ?? code;

    /// <summary>A referral's escalation step names the referral (leads.escalated.referral.r1.deputies); its words are the stage's.</summary>
    private static string Family(string code)
    {
        var prefix = LeadsAudit.Escalated + ".";
        if (!code.StartsWith(prefix, StringComparison.Ordinal) || !ReferralSteps.TryRead(code[prefix.Length..], out _, out var stage))
        {
            return code;
        }

        var family = prefix + EscalationStep.ReferralPrefix.TrimEnd('.');
        return stage switch
        {
            ReferralStage.Deputies => family + ".deputies",
            ReferralStage.Contact => family + ".contact",
            _ => family,
        };
    }
}
