using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

public sealed class ServicesAndAnswersTests
{
    private const string OakChannel = "19:oak-leads@thread.tacv2";
    private static readonly Person Olu = new("00000000-0000-0000-0000-0000000001a1", "Olu Oak Lead", "29:olu");

    private static Dictionary<string, string?> TwoServices()
    {
        var settings = People.Settings();
        settings["Leads:Services:oak:Name"] = "Oak House";
        settings["Leads:Services:oak:Channel:ServiceUrl"] = People.ServiceUrl;
        settings["Leads:Services:oak:Channel:ConversationId"] = OakChannel;
        settings["Leads:Services:oak:Designated:0:AadObjectId"] = Olu.ObjectId; // the intake's name for it
        settings["Leads:Services:oak:Designated:0:Name"] = Olu.Name;
        return settings;
    }

    [Fact]
    public async Task A_concern_for_another_service_goes_to_that_services_channel_and_only_its_leads_may_act()
    {
        await using var host = TestHost.Leads(new() { Preset = TwoServices() });
        host.Connector.Members[OakChannel] = [Olu.AsMember(), People.Asha.AsMember()];
        var concern = SampleConcerns.Create() with { ServiceId = "oak" };

        var post = await LeadsFlow.RouteAsync(host, concern);

        Assert.StartsWith(OakChannel, post.ConversationId, StringComparison.Ordinal);
        Assert.Equal([Olu.UserId], (await SampleConcerns.CurrentAsync(host, concern)).Leads.ViewerUserIds);
        Assert.Contains("Quillborne", LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, Olu, post, LeadsVerbs.View, concern.Id))), StringComparison.Ordinal);
        Assert.Contains("only the safeguarding leads handling this concern", LeadsFlow.MessageOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporters_answer_reaches_the_leads_view_and_the_thread_is_told_without_the_words()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(identity: IdentityChoice.Anonymous);
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Ask, concern.Id, new { question = "Which evening was it?" });
        host.Connector.Clear();

        Assert.True(await host.Get<ReporterAnswers>().RecordAsync(concern.Id, 1, "Tuesday, after the Larkspur quiz", CancellationToken.None));
        Assert.False(await host.Get<ReporterAnswers>().RecordAsync(concern.Id, 2, "no such question", CancellationToken.None));
        await host.DeliverOutboxAsync();

        var notice = Assert.Single(host.Connector.Of("send")).Activity!;
        Assert.Contains("The anonymous reporter answered a question about SG-7K3-Q9P", notice.Text, StringComparison.Ordinal);
        Assert.Contains("<at>Asha Designated</at>", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Larkspur", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Larkspur", Assert.Single(host.Connector.Of("update")).CardJson, StringComparison.Ordinal);
        var view = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.View, concern.Id)));
        Assert.Contains("Answer: Tuesday, after the Larkspur quiz", view, StringComparison.Ordinal);
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == ReporterAnswers.AnsweredAction && e.Actor == "Anonymous reporter");
    }
}
