using System.Diagnostics;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConcernBot.EndToEnd.Tests.Leads;

/// <summary>
/// The leads' workflow against the real Agents Playground: its team "My Team" (General) is the leads' channel, its
/// current user Alex is a designated lead, Megan a deputy.
/// </summary>
public sealed class LeadsInThePlaygroundTests(ITestOutputHelper output)
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";

    [Fact]
    public async Task A_concern_reaches_the_leads_channel_and_a_lead_acknowledges_it_from_the_card()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var port = FreePort.Next();
        await using var playground = await PlaygroundProcess.StartAsync(TestHost.MessagesEndpointAt(port));
        await using var bot = TestHost.Playground(port, PlaygroundLeads.Settings(playground.Port));
        bot.StartServer();
        await using var client = await PlaygroundClient.ConnectAsync(playground.Address, timeout.Token);

        var concern = new Concern
        {
            Id = "c-playground-1",
            Reference = "SG-PLY-GR1",
            OrganisationId = Tenant,
            ReceivedAt = DateTimeOffset.UtcNow,
            Urgent = true,
            Reporter = ReporterIdentity.Anonymous(null),
            PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.AdultAtRisk, Description = "Mrs Quintavalle" },
            Account = new IncidentAccount { WhatHappened = "Her medication was withheld at the Brackenbury home." },
            HarmKinds = [HarmKind.NeglectOrActsOfOmission],
        };
        var now = DateTimeOffset.UtcNow;
        var submitted = Stopwatch.StartNew();
        await bot.Services.GetRequiredService<IConcernStore>().CreateAsync(
            concern,
            new AuditEntry { Actor = "Anonymous reporter", At = now, Action = "concern.submitted" },
            [new OutboxMessage { Id = concern.Id + ":submitted", Kind = "concern.submitted", ConcernId = concern.Id, Payload = $"{{\"concernId\":\"{concern.Id}\"}}", CreatedAt = now, NotBefore = now }]);

        var posted = await client.NextEventAsync(e => PlaygroundClient.CardOf(e)?.Contains("SG-PLY-GR1", StringComparison.Ordinal) == true, timeout.Token);
        var toChannel = submitted.Elapsed;
        var card = PlaygroundClient.CardOf(posted)!;
        Assert.DoesNotContain("Quintavalle", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Brackenbury", card, StringComparison.Ordinal);
        Assert.Contains("user-id-0", card, StringComparison.Ordinal); // Alex gets the user-specific view through refresh

        var message = posted.GetProperty("message");
        var conversationId = posted.GetProperty("actionConversationId").GetString()! + ";messageid=" + message.GetProperty("messageId").GetString();
        var messageId = message.GetProperty("messageId").GetString()!;

        var view = await client.InvokeAsync(conversationId, "user-id-0", messageId, "leads.view", new { concernId = concern.Id }, timeout.Token);
        Assert.Contains("Brackenbury", view.GetRawText(), StringComparison.Ordinal);
        var notALead = await client.InvokeAsync(conversationId, "user-id-3", messageId, "leads.view", new { concernId = concern.Id }, timeout.Token);
        Assert.DoesNotContain("Brackenbury", notALead.GetRawText(), StringComparison.Ordinal);

        var clicked = Stopwatch.StartNew();
        var ack = await client.InvokeAsync(conversationId, "user-id-0", messageId, "leads.ack", new { concernId = concern.Id }, timeout.Token);
        var answered = clicked.Elapsed;
        Assert.Contains("you acknowledged this concern", ack.GetRawText(), StringComparison.Ordinal);
        var updated = await client.NextEventAsync(e => PlaygroundClient.CardOf(e) is { } c && c.Contains("SG-PLY-GR1", StringComparison.Ordinal) && c.Contains("Alex Wilber", StringComparison.Ordinal), timeout.Token);
        var cardUpdated = clicked.Elapsed;
        Assert.DoesNotContain("Brackenbury", PlaygroundClient.CardOf(updated)!, StringComparison.Ordinal);

        output.WriteLine($"submit -> card in the channel: {toChannel.TotalMilliseconds:F0} ms; click -> invoke answer: {answered.TotalMilliseconds:F0} ms; click -> shared card updated: {cardUpdated.TotalMilliseconds:F0} ms");
    }

}
