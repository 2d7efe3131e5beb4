using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

public sealed class ConflictOfInterestTests
{
    private static Concern AboutBen() => SampleConcerns.Create(subject: new ConcernSubject { Kind = SubjectKind.SafeguardingLead, LeadAadObjectId = People.Ben.ObjectId });

    [Fact]
    public async Task A_concern_about_a_lead_in_the_channel_goes_privately_to_the_other_leads_and_never_to_them()
    {
        await using var host = TestHost.Leads();
        var concern = AboutBen();

        await SampleConcerns.SubmitAsync(host, concern);
        await host.DeliverOutboxAsync();

        var creates = host.Connector.Of("create");
        Assert.All(creates, c => Assert.False(c.Parameters!.IsGroup));
        var recipients = creates.Select(c => c.Parameters!.Members![0].Id).ToList();
        Assert.Equal([People.Asha.UserId, People.Dee.UserId], recipients);
        var cards = host.Connector.Of("send");
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c =>
        {
            Assert.DoesNotContain(People.Ben.UserId, c.CardJson, StringComparison.Ordinal);
            Assert.DoesNotContain("Quillborne", c.CardJson, StringComparison.Ordinal);
        });
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.True(stored.Leads.RoutedPrivately);
        Assert.Equal(2, stored.Leads.Posts.Count);
        Assert.DoesNotContain(People.Ben.UserId, stored.Leads.ViewerUserIds);
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.RoutedPrivately);
    }

    [Fact]
    public async Task The_lead_it_is_about_can_neither_see_the_detail_nor_act()
    {
        await using var host = TestHost.Leads();
        var concern = AboutBen();
        await SampleConcerns.SubmitAsync(host, concern);
        await host.DeliverOutboxAsync();
        var post = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts[0];

        var view = LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.View, concern.Id));
        var act = LeadsFlow.MessageOf(await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Note, concern.Id, new { note = "it was not me" }));

        Assert.DoesNotContain("Quillborne", view, StringComparison.Ordinal);
        Assert.Contains("only the safeguarding leads handling this concern", act, StringComparison.Ordinal);
        Assert.Empty((await SampleConcerns.CurrentAsync(host, concern)).Leads.Notes);
        Assert.Equal(2, (await host.Stores.ReadAsync(concern.Id)).Count(e => e.Action == LeadsAudit.Refused));

        var asha = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id)));
        Assert.Contains("Quillborne", asha, StringComparison.Ordinal);
        Assert.DoesNotContain(People.Ben.Name, asha, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_about_a_lead_who_is_not_in_the_channel_still_goes_privately_because_they_could_join_it()
    {
        await using var host = TestHost.Leads();
        host.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Dee.AsMember()];
        var concern = AboutBen();

        await SampleConcerns.SubmitAsync(host, concern);
        await host.DeliverOutboxAsync();

        var creates = host.Connector.Of("create");
        Assert.All(creates, c => Assert.False(c.Parameters!.IsGroup));
        Assert.Equal([People.Asha.UserId, People.Dee.UserId], creates.Select(c => c.Parameters!.Members![0].Id).ToList());
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.All(stored.Leads.Posts, p => Assert.False(p.InChannel));
        Assert.DoesNotContain(People.Ben.UserId, stored.Leads.ViewerUserIds);
    }
}
