using ConcernBot.Channels.Cards;
using ConcernBot.Concerns;
using Words = ConcernBot.Resources.Leads;
using Tab = ConcernBot.Resources.Workspace;

namespace ConcernBot.Leads;

/// <summary>
/// The referral forms on a lead's own card, as small as the tab's: record a referral (agency, their reference, the day) and
/// record what came back on one still waiting. Same verbs and inputs as the tab, so both go through <see cref="LeadsActions"/>.
/// </summary>
internal static class ReferralCardActions
{
    /// <summary>"Record a referral": the agency, their reference (optional) and the day it was made (empty for now).</summary>
    public static CardAction Record(CardData data) =>
        CardAction.ShowCard(Words.ActionRefer, new AdaptiveCard()
            .Add(CardElement.Choices(LeadsVerbs.Inputs.Agency, Tab.ReferralAgencyLabel, Enum.GetValues<ReferralAgency>().Select(a => (LeadsText.Label("Agency", a), a.ToString())), style: "compact", required: true))
            .Add(CardElement.TextInput(LeadsVerbs.Inputs.AgencyReference, Tab.ReferralReferenceLabel, maxLength: LeadsCards.MaxQuestionLength))
            .Add(CardElement.DateInput(LeadsVerbs.Inputs.ReferredOn, Words.InputReferredOn))
            .AddAction(CardAction.Execute(Tab.Refer, LeadsVerbs.Refer, data)));

    /// <summary>"Record what came back": which referral still waiting, and what the agency said. Null when none is waiting.</summary>
    public static CardElement? Reply(Concern concern, CardData data, Func<DateTimeOffset, string> show)
    {
        var waiting = concern.Leads.Referrals.Where(r => !r.Answered).ToList();
        if (waiting.Count == 0 || concern.Status == ConcernStatus.Closed)
        {
            return null;
        }

        var choices = waiting.Select(r => (LeadsText.Label("Agency", r.Agency) + ", " + show(r.MadeAt), r.Id));
        return CardElement.Actions(CardAction.ShowCard(Words.ActionReferralReply, new AdaptiveCard()
            .Add(CardElement.Choices(LeadsVerbs.Inputs.ReferralId, Words.InputWhichReferral, choices, style: "compact", required: true, value: waiting[0].Id))
            .Add(CardElement.TextInput(LeadsVerbs.Inputs.ReferralResponse, Words.InputReferralResponse, multiline: true, maxLength: LeadsCards.MaxReasonLength, required: true))
            .AddAction(CardAction.Execute(Tab.RecordResponse, LeadsVerbs.ReferralReply, data))));
    }
}
