using System.Text.RegularExpressions;
using ConcernBot.Tests.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>
/// Teams has an outage at the moment of Submit: the bot's real HTTP connector client talks to a loopback Bot Connector
/// that answers 503 or 500, or resets the connection, for a while, then recovers. Nothing may be lost or doubled: the
/// reporter gets exactly one receipt (with the secret word when they have one), and the leads' channel exactly one card.
/// </summary>
public sealed partial class ReceiptOutageTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<ConnectorFault, string, string> Faults()
    {
        var data = new TheoryData<ConnectorFault, string, string>();
        foreach (var fault in new[] { ConnectorFault.Unavailable, ConnectorFault.ServerError, ConnectorFault.Reset })
        {
            foreach (var store in new[] { "Sqlite", "AzureTables" })
            {
                data.Add(fault, store, I.IdentityConfidential);
            }
        }

        data.Add(ConnectorFault.Unavailable, "Sqlite", I.IdentityNamed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task The_connector_failing_at_Submit_loses_and_doubles_nothing(ConnectorFault fault, string store, string identity)
    {
        await using var connector = await LoopbackBotConnector.StartAsync();
        await using var host = TestHost.With(new TestHostOptions { Settings = Settings(connector, store), RealConnector = true });
        var user = TeamsUser.Make("Rosa Ellery");
        var chat = new TeamsChat(host.Client, connector, user) { ServiceUrl = connector.ServiceUrl };
        await Walkthrough.ToReviewAsync(chat, identity);

        connector.Fault = fault;
        var submitted = await chat.PressAsync(I.ReviewSubmit);
        Assert.Empty(submitted.All); // nothing could be sent, and the turn still answered 200
        await Task.Delay(TimeSpan.FromSeconds(1));
        connector.Fault = ConnectorFault.None;

        var receipts = await Eventually.WaitForAsync(() => connector.In(user.ConversationId).Where(IsReceipt).ToList(), r => r.Count >= 1);
        var cards = await Eventually.WaitForAsync(() => connector.Threads.ToList(), c => c.Count >= 1);
        await Task.Delay(TimeSpan.FromSeconds(1)); // time for a duplicate to show, if there were one

        receipts = [.. connector.In(user.ConversationId).Where(IsReceipt)];
        cards = [.. connector.Threads];
        var concerns = await host.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>().ListByStatusAsync(user.TenantId, ConcernBot.Concerns.ConcernStatus.Received).ToListAsync();
        output.WriteLine($"{fault} on {store}: refused {connector.Refused} requests; concerns {concerns.Count}, receipts {receipts.Count}, leads' cards {cards.Count}, duplicates {receipts.Count - 1 + cards.Count - 1}, lost {1 - concerns.Count}");

        Assert.True(connector.Refused > 0, "the fault never happened");
        var concern = Assert.Single(concerns);
        var receipt = new BotReply(Assert.Single(receipts));
        Assert.Contains(concern.Reference, receipt.Words, StringComparison.Ordinal);
        Assert.DoesNotContain(I.ReceiptRepeated, receipt.Words, StringComparison.Ordinal);
        if (identity == I.IdentityConfidential)
        {
            var secret = SecretWord().Match(receipt.Words).Value;
            Assert.Equal(19, secret.Length);

            // The secret word works: it was kept (hashed) when the receipt was delivered.
            var status = await chat.SayAsync($"status {concern.Reference} {secret}");
            Assert.Contains(concern.Reference, status.Words, StringComparison.Ordinal);
            Assert.DoesNotContain("doesn't match", status.Words, StringComparison.OrdinalIgnoreCase);
        }

        var (_, card) = Assert.Single(cards);
        Assert.DoesNotContain("replaces an earlier copy", new BotReply(card).Words, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(LoopbackBotConnector connector, string store)
    {
        var settings = connector.LeadsSettings();
        settings["Storage:Provider"] = store;
        settings["Storage:Outbox:PollInterval"] = "00:00:00.100";
        settings["Storage:Outbox:FirstRetryDelay"] = "00:00:00.200";
        settings["Storage:Outbox:MaxRetryDelay"] = "00:00:01";
        if (store == "AzureTables")
        {
            settings["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString;
            settings["Storage:AzureTables:TablePrefix"] = "outage" + Guid.NewGuid().ToString("N")[..12];
        }

        return settings;
    }

    private static bool IsReceipt(ConcernBot.Channels.Activities.Activity activity) =>
        new BotReply(activity).Words.Contains(I.ReceiptTitle, StringComparison.Ordinal);


    [GeneratedRegex(@"\b[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}\b")]
    private static partial Regex SecretWord();
}
