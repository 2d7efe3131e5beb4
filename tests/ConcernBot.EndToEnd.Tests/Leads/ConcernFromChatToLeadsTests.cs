using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Leads;
using ConcernBot.Testing;
using Xunit.Abstractions;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.EndToEnd.Tests.Leads;

/// <summary>
/// Issue 6's "done when", in the real Agents Playground: Alex (its current user) raises a confidential concern in the personal
/// chat; it appears in My Team's General channel; Megan (the Playground's second user, a designated lead here)
/// acknowledges it and asks a question; Alex is asked in the personal chat and answers; the answer reaches the leads;
/// Megan closes it with an outcome and Alex is told.
/// </summary>
public sealed partial class ConcernFromChatToLeadsTests(ITestOutputHelper output)
{
    private const string MeganId = "user-id-1";
    private const string Account = "At lunch I saw a carer pull Mr Jones out of his chair by his wrist. He cried out.";

    [Fact]
    public async Task A_concern_raised_in_the_personal_chat_is_acknowledged_questioned_answered_and_closed_by_a_lead_in_the_channel()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var port = FreePort.Next();
        await using var playground = await PlaygroundProcess.StartAsync(TestHost.MessagesEndpointAt(port));
        var settings = PlaygroundLeads.Settings(playground.Port);
        settings["Leads:Designated:0:ObjectId"] = PlaygroundLeads.Megan;
        settings["Leads:Designated:0:Name"] = "Megan Bowen";
        await using var bot = TestHost.Playground(port, settings);
        bot.StartServer();
        await using var client = await PlaygroundClient.ConnectAsync(playground.Address, timeout.Token);
        var config = await client.GetConfigAsync(timeout.Token);
        var chat = config.GetProperty("personalChat").GetProperty("id").GetString()!;
        var alex = config.GetProperty("currentUser").GetProperty("id").GetString()!;
        var botId = config.GetProperty("bot").GetProperty("id").GetString()!;

        async Task<string> SayAsync(string text, string expect)
        {
            await client.SendTextAsync(chat, alex, text, timeout.Token);
            try
            {
                return Raw(await client.NextEventAsync(e => FromBot(e, botId) && Raw(e).Contains(expect, StringComparison.Ordinal), timeout.Token));
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No reply containing \"{expect}\" after \"{text}\". Playground output:\n{playground.Output}");
            }
        }

        await SayAsync("raise a concern", Start(IntakeText.DangerQuestion));
        await SayAsync(IntakeText.DangerNo, Start(IntakeText.RoleQuestion));
        await SayAsync(IntakeText.RoleStaff, Start(IntakeText.AtRiskQuestion));
        await SayAsync(IntakeText.AtRiskAdult, Start(IntakeText.AtRiskWhoQuestion));
        await SayAsync("Mr Jones, room 12", Start(IntakeText.HappenedQuestion));
        await SayAsync(Account, Start(IntakeText.AboutQuestion));
        await SayAsync(IntakeText.SubjectStaff, Start(IntakeText.WhenQuestion));
        await SayAsync("today", Start(IntakeText.WhereQuestion));
        await SayAsync("The dining room", Start(IntakeText.OngoingQuestion));
        await SayAsync("no", Start(IntakeText.HarmQuestion));
        await SayAsync("1", Start(IntakeText.PersonKnowsQuestion));
        await SayAsync("yes", Start(IntakeText.OutcomesAskedQuestion));
        await SayAsync("2", Start(IntakeText.ReporterWantsQuestion));
        await SayAsync("For Mr Jones to be safe at mealtimes", Start(IntakeText.InvolvedQuestion));
        await SayAsync("his daughter", Start(IntakeText.ConsentQuestion));
        await SayAsync(IntakeText.ConsentYes, Start(IntakeText.EvidenceQuestion));
        await SayAsync("I told the nurse in charge", Start(IntakeText.FilesQuestion));
        await SayAsync("no", Start(IntakeText.KnownQuestion));
        // Confidential: the bot keeps Alex's Teams user id (encrypted) and reaches him by it. A named reporter is reached by
        // Entra object id, which Teams accepts for a 1:1 chat but the Playground does not (it keys personal chats by user id).
        await SayAsync(IntakeText.IdentityConfidential, Start(IntakeText.ReviewTitle));

        var submitted = Stopwatch.StartNew();
        var receipt = await SayAsync("submit", Start(IntakeText.ReceiptTitle));
        var reference = ReferencePattern().Match(receipt).Value;
        Assert.NotEmpty(reference);
        var posted = await client.NextEventAsync(e => PlaygroundClient.CardOf(e)?.Contains(reference, StringComparison.Ordinal) == true, timeout.Token);
        var toChannel = submitted.Elapsed;
        Assert.Equal("team-id", posted.GetProperty("actionConversationId").GetString());
        Assert.DoesNotContain("Mr Jones", PlaygroundClient.CardOf(posted)!, StringComparison.Ordinal);

        var message = posted.GetProperty("message");
        var messageId = message.GetProperty("messageId").GetString()!;
        var thread = "team-id;messageid=" + messageId;
        var concernId = ConcernIdPattern().Match(PlaygroundClient.CardOf(posted)!).Groups[1].Value;
        Assert.NotEmpty(concernId);

        // The reporter is told it has reached the leads once the thread is saved on the concern (a click before that
        // would meet "someone changed this concern while you were looking").
        await ToAlexAsync("has reached");

        var clicked = Stopwatch.StartNew();
        var ack = await client.InvokeAsync(thread, MeganId, messageId, LeadsVerbs.Acknowledge, new { concernId }, timeout.Token);
        var answered = clicked.Elapsed;
        Assert.True(ack.GetRawText().Contains("you acknowledged this concern", StringComparison.Ordinal), ack.GetRawText());
        await client.NextEventAsync(e => PlaygroundClient.CardOf(e) is { } c && c.Contains(reference, StringComparison.Ordinal) && c.Contains("Megan Bowen", StringComparison.Ordinal), timeout.Token);
        var cardUpdated = clicked.Elapsed;
        await ToAlexAsync("acknowledged your concern");

        var ask = await client.InvokeAsync(thread, MeganId, messageId, LeadsVerbs.Ask, new { concernId, question = "Which carer was it?" }, timeout.Token);
        Assert.True(ask.GetRawText().Contains("Your question was sent to the reporter", StringComparison.Ordinal), ask.GetRawText());
        var asked = await ToAlexAsync("Which carer was it?");
        await client.SendTextAsync(asked.GetProperty("actionConversationId").GetString()!, alex, "The one on the late shift, Sam", timeout.Token);
        await client.NextEventAsync(e => FromBot(e, botId) && e.GetProperty("actionConversationId").GetString()!.StartsWith("team-id", StringComparison.Ordinal)
            && Raw(e).Contains("answered a question about " + reference, StringComparison.Ordinal), timeout.Token);
        var view = await client.InvokeAsync(thread, MeganId, messageId, LeadsVerbs.View, new { concernId }, timeout.Token);
        Assert.Contains("The one on the late shift, Sam", view.GetRawText(), StringComparison.Ordinal);

        var closed = await client.InvokeAsync(thread, MeganId, messageId, LeadsVerbs.Close,
            new { concernId, outcomeDesired = "Fully", outcomeRisk = "Removed", reporterMessage = "We have acted on it and Mr Jones is safe." }, timeout.Token);
        Assert.Contains(reference, closed.GetRawText(), StringComparison.Ordinal);
        await ToAlexAsync("We have acted on it and Mr Jones is safe.");

        output.WriteLine($"submit -> card in the channel: {toChannel.TotalMilliseconds:F0} ms; lead's click -> invoke answered: {answered.TotalMilliseconds:F0} ms; lead's click -> shared card updated: {cardUpdated.TotalMilliseconds:F0} ms");

        async Task<JsonElement> ToAlexAsync(string words)
        {
            try
            {
                return await client.NextEventAsync(
                    e => FromBot(e, botId) && !e.GetProperty("actionConversationId").GetString()!.StartsWith("team-id", StringComparison.Ordinal) && Raw(e).Contains(words, StringComparison.Ordinal),
                    timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Alex was not told \"{words}\". Playground output:\n{playground.Output}");
            }
        }
    }

    /// <summary>The first words of a question (before any apostrophe, which JSON may escape).</summary>
    private static string Start(string question) => question.Split('\'', '"')[0];

    private static bool FromBot(JsonElement update, string botId) =>
        update.TryGetProperty("action", out var action) && action.GetString() == "createMessage"
        && update.TryGetProperty("message", out var message) && message.TryGetProperty("from", out var from)
        && from.TryGetProperty("id", out var id) && id.GetString() == botId;

    private static string Raw(JsonElement update) => update.TryGetProperty("message", out var message) ? message.GetRawText() : "";


    [GeneratedRegex(@"SG-[A-Z0-9]{3}-[A-Z0-9]{3}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("\"concernId\":\"([^\"]+)\"")]
    private static partial Regex ConcernIdPattern();
}
