using ConcernBot.Concerns;

namespace ConcernBot.Leads;

/// <summary>Where an overdue referral's escalation has got to: the leads reminded, the deputies told, the escalation contact told.</summary>
public enum ReferralStage
{
    Reminder,
    Deputies,
    Contact,

    /// <summary>Not a deadline: the leads' thread is told that someone in the referral's chain could not be reached.</summary>
    NotReached,
}

/// <summary>
/// The escalation steps of a referral whose agency has not answered in time, named after the referral so each fires once:
/// <c>referral.r1</c> (a reminder in the thread), <c>referral.r1.deputies</c>, then <c>referral.r1.contact</c>: the same chain
/// and the same intervals as an unacknowledged concern.
/// </summary>
public static class ReferralSteps
{
    private const string DeputiesSuffix = ".deputies";
    private const string ContactSuffix = ".contact";
    private const string NotReachedSuffix = ".notreached";

    public static string Reminder(AgencyReferral referral) => EscalationStep.ReferralPrefix + referral.Id;

    public static string Deputies(AgencyReferral referral) => Reminder(referral) + DeputiesSuffix;

    public static string Contact(AgencyReferral referral) => Reminder(referral) + ContactSuffix;

    public static string NotReached(AgencyReferral referral) => Reminder(referral) + NotReachedSuffix;

    public static bool IsReferralStep(string? step) => step?.StartsWith(EscalationStep.ReferralPrefix, StringComparison.Ordinal) == true;

    /// <summary>The stage a step name stands for, and the id of its referral; false when it is not a referral's step.</summary>
    public static bool TryRead(string? step, out string referralId, out ReferralStage stage)
    {
        referralId = "";
        stage = ReferralStage.Reminder;
        if (!IsReferralStep(step))
        {
            return false;
        }

        var rest = step![EscalationStep.ReferralPrefix.Length..];
        (stage, referralId) = rest switch
        {
            _ when rest.EndsWith(DeputiesSuffix, StringComparison.Ordinal) => (ReferralStage.Deputies, rest[..^DeputiesSuffix.Length]),
            _ when rest.EndsWith(ContactSuffix, StringComparison.Ordinal) => (ReferralStage.Contact, rest[..^ContactSuffix.Length]),
            _ when rest.EndsWith(NotReachedSuffix, StringComparison.Ordinal) => (ReferralStage.NotReached, rest[..^NotReachedSuffix.Length]),
            _ => (ReferralStage.Reminder, rest),
        };
        return referralId.Length > 0;
    }

    /// <summary>The referral a step is about, when there is one and its answer has still not been recorded.</summary>
    public static AgencyReferral? Unanswered(Concern concern, string? step) =>
        TryRead(step, out var id, out _) ? concern.Leads.Referrals.FirstOrDefault(r => r.Id == id && !r.Answered) : null;

    /// <summary>The deputies' step of the chain a step belongs to, and the contact's step after it.</summary>
    public static (string Deputies, string Contact) ChainOf(string step) =>
        TryRead(step, out var id, out _)
            ? (EscalationStep.ReferralPrefix + id + DeputiesSuffix, EscalationStep.ReferralPrefix + id + ContactSuffix)
            : (EscalationStep.AckDeputies, EscalationStep.AckContact);
}
