using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Tests.Leads;

public sealed class RoutingAndViewTests
{
    [Fact]
    public async Task A_retry_after_a_crash_between_posting_and_saving_posts_a_card_that_says_it_replaces_the_earlier_copy_and_audits_it()
    {
        GatedConcernStore? gated = null;
        await using var host = TestHost.Leads(new() { WrapConcerns = inner => gated = new GatedConcernStore(inner) });
        var concern = SampleConcerns.Create();
        await SampleConcerns.SubmitAsync(host, concern);
        gated!.FailNextUpdateOf(LeadsAudit.Routed);

        await host.DeliverOutboxAsync();
        var first = Assert.Single(host.Connector.Of("create"));
        Assert.DoesNotContain("replaces an earlier copy", first.CardJson, StringComparison.Ordinal);
        Assert.Empty((await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DeliverOutboxAsync();

        var creates = host.Connector.Of("create");
        Assert.Equal(2, creates.Count);
        Assert.Contains("This card replaces an earlier copy", LeadsFlow.Readable(creates[1].CardJson), StringComparison.Ordinal);
        var routed = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Single(routed.Leads.Posts);
        var audit = await host.Stores.ReadAsync(concern.Id);
        Assert.Contains(audit, e => e.Action == LeadsAudit.Reposting);
        Assert.Single(audit, e => e.Action == LeadsAudit.Routed);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DeliverOutboxAsync();
        Assert.Equal(2, host.Connector.Of("create").Count);
    }

    [Fact]
    public async Task A_submitted_concern_starts_a_thread_in_the_leads_channel_with_the_need_to_know_card_only()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(urgent: true);

        var post = await LeadsFlow.RouteAsync(host, concern);

        var create = Assert.Single(host.Connector.Of("create"));
        Assert.True(create.Parameters!.IsGroup);
        Assert.Equal(People.LeadsChannel, create.Parameters.ChannelData!.Value.GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(People.LeadsChannel + ";messageid=" + post.ActivityId, post.ConversationId);

        var json = create.CardJson;
        foreach (var word in SampleConcerns.DetailWords)
        {
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        }

        var readable = LeadsFlow.Readable(json);
        Assert.Contains("SG-7K3-Q9P", readable, StringComparison.Ordinal);
        Assert.Contains("Urgent", readable, StringComparison.Ordinal);
        Assert.Contains("Financial or material", readable, StringComparison.Ordinal);
        Assert.Contains("An adult at risk", readable, StringComparison.Ordinal);
        Assert.Contains("Waiting to be acknowledged", readable, StringComparison.Ordinal);
        Assert.Contains("Due by Tue 24 Nov 2026, 10:15", readable, StringComparison.Ordinal);
        Assert.Contains("Receipt to the reporter (within 7 days)", readable, StringComparison.Ordinal);
        Assert.Contains("Feedback to the reporter (within 3 months)", readable, StringComparison.Ordinal);

        var refresh = create.Card.GetProperty("refresh");
        Assert.Equal(LeadsVerbs.View, refresh.GetProperty("action").GetProperty("verb").GetString());
        var viewers = refresh.GetProperty("userIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([People.Asha.UserId, People.Ben.UserId, People.Dee.UserId], viewers);
    }

    [Fact]
    public async Task Routing_sets_the_acknowledgement_deadline_in_working_hours_and_tells_the_reporter_it_was_received()
    {
        // Friday 15:00 London: 4 working hours run to Monday 11:00.
        var friday = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
        await using var host = TestHost.Leads(new() { ClockStart = friday });
        var concern = SampleConcerns.Create(receivedAt: friday);

        await LeadsFlow.RouteAsync(host, concern);

        var routed = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), routed.NextDeadline);
        Assert.Contains(host.Stores.OutboxMessages(), m => m.Kind == "reporter.notify" && m.Id == concern.Id + ":notify:received");
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Routed);
    }

    [Fact]
    public async Task A_lead_gets_the_detail_in_their_own_view_and_the_view_is_audited()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);

        var answer = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id, trigger: "automatic");

        var readable = LeadsFlow.Readable(LeadsFlow.CardOf(answer));
        Assert.Contains("Mr Quillborne shout at Mrs Pemberly", readable, StringComparison.Ordinal);
        Assert.Contains("Larkspur lounge", readable, StringComparison.Ordinal);
        Assert.Contains("Rita Reporter", readable, StringComparison.Ordinal);
        Assert.Contains("Zephyrine", readable, StringComparison.Ordinal);
        Assert.Contains("Acknowledge", readable, StringComparison.Ordinal);
        var viewed = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.DetailViewed);
        Assert.Equal(People.Asha.Name, viewed.Actor);
    }

    [Fact]
    public async Task Someone_who_is_not_a_lead_sees_only_the_need_to_know_card_and_the_attempt_is_audited()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);

        var answer = await LeadsFlow.ActAsync(host, People.Nick, post, LeadsVerbs.View, concern.Id);

        var json = LeadsFlow.CardOf(answer);
        foreach (var word in SampleConcerns.DetailWords)
        {
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(LeadsVerbs.Acknowledge, json, StringComparison.Ordinal);
        var refused = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Refused);
        Assert.Contains(People.Nick.Name, refused.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_reporters_name_is_shown_to_designated_leads_only()
    {
        await using var host = TestHost.Leads();
        var protector = host.Get<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("ConcernBot.ReporterIdentity");
        var concern = SampleConcerns.Create(identity: IdentityChoice.Confidential) is var c
            ? c with { Reporter = c.Reporter with { ProtectedIdentity = protector.Protect("{\"DisplayName\":\"Connie Confidential\",\"AadObjectId\":\"00000000-0000-0000-0000-00000000c0c0\"}") } }
            : null!;
        var post = await LeadsFlow.RouteAsync(host, concern);

        var designated = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id)));
        var deputy = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Dee, post, LeadsVerbs.View, concern.Id)));

        Assert.Contains("Connie Confidential", designated, StringComparison.Ordinal);
        Assert.DoesNotContain("Connie", deputy, StringComparison.Ordinal);
        Assert.Contains("only the designated leads can see who raised this", deputy, StringComparison.Ordinal);
        Assert.DoesNotContain("Connie", host.Connector.Of("create")[0].CardJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_history_gives_a_lead_the_chronology()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id);

        var history = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.History, concern.Id)));

        Assert.Contains("History of SG-7K3-Q9P", history, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 10:00 UTC** · ConcernBot · posted it in the leads' channel", history, StringComparison.Ordinal);
        Assert.Contains("Asha Designated · acknowledged it", history, StringComparison.Ordinal);
        Assert.Contains("Ben Designated · viewed the history", history, StringComparison.Ordinal);

        var refused = await LeadsFlow.ActAsync(host, People.Nick, post, LeadsVerbs.History, concern.Id);
        Assert.Contains("only the safeguarding leads handling this concern", LeadsFlow.MessageOf(refused), StringComparison.Ordinal);
    }
}
