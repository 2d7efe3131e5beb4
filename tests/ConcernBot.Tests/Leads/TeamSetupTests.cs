using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

public sealed class TeamSetupTests
{
    [Fact]
    public async Task Adding_the_bot_to_a_team_stores_the_team_and_its_channels()
    {
        await using var host = TestHost.Leads();
        host.Connector.Channels[People.TeamId] =
        [
            new ChannelInfo { Id = People.TeamId, Name = null },
            new ChannelInfo { Id = People.LeadsChannel, Name = "Safeguarding leads" },
        ];

        var (status, _) = await host.TurnAsync(TestActivity.BotAddedToTeam());

        Assert.Equal(200, status);
        var team = await host.Stores.Teams.GetAsync(People.Tenant, People.TeamId);
        Assert.NotNull(team);
        Assert.Equal("Care Team", team.Value.Name);
        Assert.Equal(People.ServiceUrl, team.Value.ServiceUrl);
        Assert.Contains(team.Value.Channels, c => c.Id == People.TeamId && c.Name is null);
        Assert.Contains(team.Value.Channels, c => c.Id == People.LeadsChannel && c.Name == "Safeguarding leads");
        var hello = Assert.Single(host.Connector.Of("send"));
        Assert.Contains("alerts here", hello.Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_installationUpdate_add_in_any_case_stores_the_team_and_says_hello_once()
    {
        await using var host = TestHost.Leads();

        await host.TurnAsync(TestActivity.InstallationUpdate("Add"));
        await host.TurnAsync(TestActivity.BotAddedToTeam());

        var team = await host.Stores.Teams.GetAsync(People.Tenant, People.TeamId);
        Assert.NotNull(team);
        Assert.Contains(team.Value.Channels, c => c.Id == People.TeamId);
        Assert.Single(host.Connector.Of("send"));
        Assert.Equal(2, host.Connector.Of("channels").Count);
    }

    [Fact]
    public async Task Removing_the_bot_forgets_the_team()
    {
        await using var host = TestHost.Leads();
        await host.TurnAsync(TestActivity.InstallationUpdate("add"));

        await host.TurnAsync(TestActivity.InstallationUpdate("remove"));

        Assert.Null(await host.Stores.Teams.GetAsync(People.Tenant, People.TeamId));
    }

    [Fact]
    public async Task An_admin_makes_a_channel_the_leads_channel_with_alerts_here()
    {
        await using var host = TestHost.Leads(new() { Preset = People.Settings(channelInSettings: false) });
        await host.TurnAsync(TestActivity.InstallationUpdate("add"));
        host.Connector.Clear();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Ada, "alerts here"));

        var reply = Assert.Single(host.Connector.Of("send"));
        Assert.StartsWith("Done.", reply.Activity!.Text, StringComparison.Ordinal);
        var channel = await host.Get<ConcernBot.Leads.LeadsChannels>().FindAsync(null, CancellationToken.None);
        Assert.NotNull(channel);
        Assert.Equal(People.LeadsChannel, channel.ChannelId);
        Assert.Equal(People.ServiceUrl, channel.ServiceUrl);
        var team = await host.Stores.Teams.GetAsync(People.Tenant, People.TeamId);
        Assert.Equal(People.LeadsChannel, team!.Value.LeadsChannelId);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_is_refused_and_nothing_changes()
    {
        await using var host = TestHost.Leads(new() { Preset = People.Settings(channelInSettings: false) });

        await host.TurnAsync(TestActivity.ChannelMessage(People.Nick, "alerts here"));

        var reply = Assert.Single(host.Connector.Of("send"));
        Assert.Contains("only the people named as ConcernBot admins", reply.Activity!.Text, StringComparison.Ordinal);
        Assert.Null(await host.Get<ConcernBot.Leads.LeadsChannels>().FindAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_concern_waits_in_the_outbox_until_a_leads_channel_is_chosen_then_reaches_it()
    {
        await using var host = TestHost.Leads(new() { Preset = People.Settings(channelInSettings: false) });
        var concern = SampleConcerns.Create();
        await SampleConcerns.SubmitAsync(host, concern);

        Assert.Empty(await host.DeliverOutboxAsync());
        Assert.Empty(host.Connector.Of("create"));
        Assert.Empty((await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts);

        await host.TurnAsync(TestActivity.ChannelMessage(People.Ada, "alerts here"));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Contains("concern.submitted", await host.DeliverOutboxAsync());

        var post = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts);
        Assert.StartsWith(People.LeadsChannel, post.ConversationId, StringComparison.Ordinal);
    }
}
