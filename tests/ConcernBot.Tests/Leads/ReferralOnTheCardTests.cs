using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

/// <summary>
/// A lead records a referral to another agency, and what came back, from their own card in Teams, as they can in the tab:
/// the same verbs through the same LeadsActions, the shared card updated, the ETag rules and "while you were looking".
/// </summary>
public sealed class ReferralOnTheCardTests
{
    private static async Task<string> ReadAsync(TestHost host, Person who, LeadsCardPost post, string verb, string concernId, object? inputs = null) =>
        LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, who, post, verb, concernId, inputs)));

    [Fact]
    public async Task A_lead_records_a_referral_and_what_came_back_from_the_card_and_the_shared_card_follows()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var view = LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id));
        Assert.Contains("Record a referral", LeadsFlow.Readable(view), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"referredOn\"", view, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"leads.refer\"", view, StringComparison.Ordinal);
        Assert.DoesNotContain("leads.referral.reply", view, StringComparison.Ordinal);

        var referred = await ReadAsync(host, People.Asha, post, LeadsVerbs.Refer, concern.Id, new { agency = "Police", agencyReference = "CAD-5512", referredOn = "2026-11-24" });

        Assert.Contains("The referral to the police is recorded.", referred, StringComparison.Ordinal);
        Assert.Contains("CAD-5512", referred, StringComparison.Ordinal);
        Assert.Contains("Record what came back", referred, StringComparison.Ordinal);
        var referral = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Referrals);
        Assert.Equal((ReferralAgency.Police, "CAD-5512", host.Clock.GetUtcNow(), "Asha Designated"), (referral.Agency, referral.AgencyReference, referral.MadeAt, referral.MadeBy));
        var shared = LeadsFlow.Readable(Assert.Single(host.Connector.Of("update")).CardJson);
        Assert.Contains("Acknowledged", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("CAD-5512", shared, StringComparison.Ordinal); // the shared card stays need-to-know

        var answered = await ReadAsync(host, People.Ben, post, LeadsVerbs.ReferralReply, concern.Id, new { referralId = "r1", response = "Logged; no further police action." });

        Assert.Contains("What came back is recorded.", answered, StringComparison.Ordinal);
        Assert.Contains("Logged; no further police action.", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("Record what came back", answered, StringComparison.Ordinal);
        var stored = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Referrals);
        Assert.Equal(("Ben Designated", true), (stored.ResponseRecordedBy, stored.Answered));
        var audit = await host.Stores.ReadAsync(concern.Id);
        Assert.Single(audit, e => e.Action == LeadsAudit.ReferralMade && e.Actor == "Asha Designated" && e.Reason == "CAD-5512");
        Assert.Single(audit, e => e.Action == LeadsAudit.ReferralAnswered && e.Actor == "Ben Designated");
    }

    [Fact]
    public async Task An_earlier_day_is_midday_that_day_and_a_day_before_the_concern_or_after_today_is_refused()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromDays(2));

        var future = await ReadAsync(host, People.Asha, post, LeadsVerbs.Refer, concern.Id, new { agency = "Lado", referredOn = "2026-11-27" });
        var before = await ReadAsync(host, People.Asha, post, LeadsVerbs.Refer, concern.Id, new { agency = "Lado", referredOn = "2026-11-23" });
        Assert.Contains("To record a referral, please choose the agency", future, StringComparison.Ordinal);
        Assert.Contains("To record a referral, please choose the agency", before, StringComparison.Ordinal);
        Assert.Empty((await SampleConcerns.CurrentAsync(host, concern)).Leads.Referrals);

        await ReadAsync(host, People.Asha, post, LeadsVerbs.Refer, concern.Id, new { agency = "Lado", referredOn = "2026-11-25" });

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Referrals).MadeAt);
    }

    [Fact]
    public async Task Two_leads_recording_a_referral_at_once_never_overwrite_each_other_and_the_second_sees_what_changed()
    {
        GatedConcernStore? gated = null;
        var (host, concern, post) = await LeadsFlow.RoutedAsync(inner => gated = new GatedConcernStore(inner));
        await using var _ = host;
        gated!.HoldUpdates(2);

        var cards = await Task.WhenAll(
            ReadAsync(host, People.Asha, post, LeadsVerbs.Refer, concern.Id, new { agency = "Police" }),
            ReadAsync(host, People.Ben, post, LeadsVerbs.Refer, concern.Id, new { agency = "Lado" }));

        var referral = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Referrals);
        var lost = Assert.Single(cards, c => c.Contains("While you were looking", StringComparison.Ordinal));
        Assert.Contains($"While you were looking, {referral.MadeBy} recorded a referral to another agency at", lost, StringComparison.Ordinal);
        Assert.Contains("Your change was not saved", lost, StringComparison.Ordinal);
        Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.ReferralMade);
    }
}
