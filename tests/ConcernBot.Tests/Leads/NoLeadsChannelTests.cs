using ConcernBot.Anonymity;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Anonymity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LeadsWords = ConcernBot.Resources.Leads;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Tests.Leads;

/// <summary>
/// Before anyone has chosen the leads' channel: the operator is warned at start, an admin is told when they greet the bot,
/// and a reporter's status check says the concern is waiting (not that it reached the leads) until its card is posted.
/// </summary>
public sealed class NoLeadsChannelTests
{
    [Fact]
    public async Task The_start_up_log_says_no_leads_channel_is_set_and_what_to_do()
    {
        await using var host = TestHost.Leads(new() { Preset = People.Settings(channelInSettings: false) });
        _ = host.CreateClient();

        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("No leads' channel is set yet", StringComparison.Ordinal));
        Assert.Contains("`@ConcernBot alerts here`", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Leads:Channel:ConversationId", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.StartsWith("Leads:Admins names nobody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_admins_either_the_start_up_log_says_nobody_can_choose_the_channel()
    {
        var settings = People.Settings(channelInSettings: false);
        settings.Remove("Leads:Admins:0");
        await using var host = TestHost.Leads(new() { Preset = settings });
        _ = host.CreateClient();

        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Leads:Admins names nobody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_channel_in_the_settings_there_is_no_warning()
    {
        await using var host = TestHost.Leads();
        _ = host.CreateClient();

        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.StartsWith("No leads' channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_who_says_hello_is_told_no_channel_is_chosen_and_how_to_choose_it_until_one_is()
    {
        await using var host = TestHost.Leads(new() { Preset = People.Settings(channelInSettings: false) });

        await host.TurnAsync(TestActivity.PersonalMessage(People.Nick, "hi"));
        Assert.DoesNotContain(host.Connector.Of("send"), s => s.Activity!.Text == LeadsWords.NoLeadsChannelForAdmin);

        await host.TurnAsync(TestActivity.PersonalMessage(People.Ada, "hi"));
        Assert.Contains(host.Connector.Of("send"), s => s.Activity!.Text == LeadsWords.NoLeadsChannelForAdmin);

        host.Connector.Clear();
        await host.TurnAsync(TestActivity.ChannelMessage(People.Ada, "alerts here"));
        Assert.Contains(host.Connector.Of("send"), s => s.Activity!.Text == LeadsWords.AlertsHereDone);
        host.Connector.Clear();

        await host.TurnAsync(TestActivity.PersonalMessage(People.Ada, "hi"));
        Assert.NotEmpty(host.Connector.Of("send"));
        Assert.DoesNotContain(host.Connector.Of("send"), s => s.Activity!.Text == LeadsWords.NoLeadsChannelForAdmin);
    }

    [Fact]
    public async Task The_status_check_says_waiting_for_the_channel_then_on_its_way_then_with_the_leads_once_the_card_is_posted()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, contact) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-WT1-CH2");
        async Task<string> StatusAsync() => await host.SayAsync(Distinctive.Message($"status SG-WT1-CH2 {contact.Secret}"));

        var waiting = await StatusAsync();
        Assert.Contains(RelayCards.Format(Words.StatusWaitingForChannel, "SG-WT1-CH2"), waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("has reached", waiting, StringComparison.Ordinal);

        // An anonymous concern's card waits a few minutes even once a channel is set.
        await host.Services.GetRequiredService<LeadsChannels>().ChooseAsync(null, new LeadsChannel(Distinctive.ServiceUrl, "19:leads@thread.tacv2", "19:leads@thread.tacv2"), default);
        var onItsWay = await StatusAsync();
        Assert.Contains(RelayCards.Format(Words.StatusOnItsWay, "SG-WT1-CH2"), onItsWay, StringComparison.Ordinal);
        Assert.DoesNotContain("has reached", onItsWay, StringComparison.Ordinal);

        // What the router saves once the card is in the channel.
        var store = host.Services.GetRequiredService<IConcernStore>();
        var current = (await store.GetAsync(concern.Id))!;
        var posted = current.Value with { Leads = current.Value.Leads with { Posts = [new LeadsCardPost(Distinctive.ServiceUrl, "19:leads@thread.tacv2", "1", InChannel: true)], RoutedAt = DateTimeOffset.UtcNow } };
        await store.UpdateAsync(posted, current.ETag, new AuditEntry { Actor = "system", At = DateTimeOffset.UtcNow, Action = "routed" }, []);
        Assert.Contains(RelayCards.Format(Words.StatusReceived, "SG-WT1-CH2"), await StatusAsync(), StringComparison.Ordinal);
    }
}
