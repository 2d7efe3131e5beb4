using System.Text.Json;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using A = ConcernBot.Resources.Anonymity;

namespace ConcernBot.EndToEnd.Tests.SpeakUp;

/// <summary>
/// The two-way relay with a reporter who has no Teams account: raised on the web page, handled by a lead in the real
/// Agents Playground, answered by the reporter on a later visit in a browser that remembers nothing of the first.
/// </summary>
public sealed class WebReporterAndLeadsTests(ITestOutputHelper output)
{
    /// <summary>The Playground's current user, Alex Wilber, a designated lead in <see cref="PlaygroundLeads"/>.</summary>
    private const string Alex = "user-id-0";

    [Fact]
    public async Task A_lead_asks_a_web_reporter_who_comes_back_in_a_new_browser_reads_the_question_and_answers_and_the_lead_sees_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var port = FreePort.Next();
        await using var playground = await PlaygroundProcess.StartAsync(TestHost.MessagesEndpointAt(port));
        await using var bot = TestHost.Playground(port, PlaygroundLeads.Settings(playground.Port));
        bot.StartServer();
        await using var leads = await PlaygroundClient.ConnectAsync(playground.Address, timeout.Token);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // First visit: a person who uses the service types their concern and leaves with a reference and secret word.
        string reference, secret;
        var first = await WebVisitor.OpenAsync(bot, browser);
        try
        {
            foreach (var typed in SimplePathTyped)
            {
                await first.SayAsync(typed);
            }

            await first.ExpectReceiptAsync("speak-up-relay-receipt");
            (reference, secret) = first.Receipt;
        }
        catch
        {
            await WebVisitor.SaveAsync(first.Page, "speak-up-relay-first-visit-failure");
            throw;
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The anonymous concern waits its random 1-15 minutes before the leads' card goes: here, that time has passed.
        var concern = (await bot.Services.GetRequiredService<IConcernStore>().FindByReferenceAsync(reference))!.Value;
        await bot.Services.GetRequiredService<OutboxDispatcher>().DeliverNowAsync(concern.Id + ":submitted", timeout.Token);
        var posted = await leads.NextEventAsync(e => PlaygroundClient.CardOf(e)?.Contains(reference, StringComparison.Ordinal) == true, timeout.Token);
        var message = posted.GetProperty("message");
        var thread = posted.GetProperty("actionConversationId").GetString()! + ";messageid=" + message.GetProperty("messageId").GetString();
        var messageId = message.GetProperty("messageId").GetString()!;

        const string question = "Which night was it, and was anyone else there?";
        var asked = await leads.InvokeAsync(thread, Alex, messageId, "leads.ask", new { concernId = concern.Id, question }, timeout.Token);
        output.WriteLine("The lead's ask was answered: " + asked.GetRawText());

        // A later visit, in a new browser context (no storage from the first): the reference and the secret word.
        var later = await WebVisitor.OpenAsync(bot, browser);
        try
        {
            await later.SayAsync($"status {reference} {secret}");
            await Expect(later.Page.GetByText(question).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = WebVisitor.Wait });
            Assert.Contains(WebVisitor.Shown(A.StatusQuestionsWaiting), await later.TranscriptAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Alex", await later.TranscriptAsync(), StringComparison.Ordinal);
            await later.FillAsync("Tuesday night. Only the night carer was there.", A.AnswerSend);
            await Expect(later.Page.GetByText(WebVisitor.Shown(A.AnswerSent)).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = WebVisitor.Wait });
            await later.ScreenshotsAsync("speak-up-relay-answered");
            later.ExpectAccessible();
        }
        catch
        {
            await WebVisitor.SaveAsync(later.Page, "speak-up-relay-later-visit-failure");
            throw;
        }
        finally
        {
            await later.DisposeAsync();
        }

        // The lead opens the concern in the Playground and reads the answer against the question.
        var view = await leads.InvokeAsync(thread, Alex, messageId, "leads.view", new { concernId = concern.Id }, timeout.Token);
        Assert.Contains("Tuesday night. Only the night carer was there.", view.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Tuesday night. Only the night carer was there.", (await bot.Services.GetRequiredService<IConcernStore>().GetAsync(concern.Id))!.Value.Leads.Questions[0].Answer);
    }

    /// <summary>The simple path typed as a person who uses the service might (identity: the first choice, anonymous).</summary>
    internal static readonly string[] SimplePathTyped =
    [
        "I'm worried about something that happened", "no", "2", "me", "A night carer shouted at me and took my phone away.",
        "this week", "My bedroom", "yes", "Unkind or scary words", "Yes", "no", "I want my phone back and a different carer at night",
        "My sister Jo", "yes", "no", "1", "submit",
    ];

}
