using ConcernBot.Testing;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcernBot.EndToEnd.Tests.SpeakUp;

/// <summary>
/// Someone without a Teams account opens the public page in a real (headless) Chromium on a phone-sized screen: the
/// official Web Chat, served by the bot's own host, talks to it over Direct Line and shows the same cards; axe-core finds
/// no serious accessibility problem.
/// </summary>
public sealed class SpeakUpInTheBrowserTests
{
    private const float Wait = 30_000;

    [Fact]
    public async Task The_page_greets_a_visitor_starts_a_concern_and_passes_axe()
    {
        using var bot = TestHost.Playground();
        bot.StartServer();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var offSite = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith($"http://127.0.0.1:{bot.Port}/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        try
        {
            await page.GotoAsync($"http://127.0.0.1:{bot.Port}/speak-up");
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = ConcernBot.Resources.SpeakUp.Heading })).ToBeVisibleAsync();

            // The page says hello for the visitor: the welcome card, rendered by Web Chat from the bot's Adaptive Card.
            // (Web Chat's markdown turns ' into a typographic apostrophe.)
            await Expect(page.GetByText(Strings.WelcomeTitle.Replace('\'', '\u2019'), new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            // The keyboard alone, as Web Chat's keyboard help says: Tab to the chat history, an arrow key to the welcome card,
            // Enter to go into it, Tab to "Raise a concern", Enter.
            const string Focused = "() => { const e = document.activeElement; return e ? e.className + ' [' + (e.getAttribute('aria-label') || e.innerText || '').slice(0, 60) + ']' : ''; }";
            async Task<bool> TabToAsync(string part)
            {
                for (var i = 0; i < 15; i++)
                {
                    await page.Keyboard.PressAsync("Tab");
                    if ((await page.EvaluateAsync<string>(Focused)).Contains(part, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            Assert.True(await TabToAsync("webchat__basic-transcript "), "Tab never reached the chat history.");
            await page.Keyboard.PressAsync("ArrowUp");
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await TabToAsync("[" + Strings.WelcomeRaiseConcern + "]"), "Tab never reached the Raise a concern button inside the welcome card.");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByText(ConcernBot.Resources.Intake.DangerQuestion.Replace('\'', '\u2019')).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });

            var axe = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "webchat", "node_modules", "axe-core", "axe.min.js"));
            // Evaluated through the DevTools protocol: the page's own policy allows no inline script, and must not for this test.
            await page.EvaluateAsync(axe + "\n;void 0");
            var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.length)");
            var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(violations.Count == 0, "axe-core found: " + string.Join(", ", violations));
            Assert.True(offSite.Count == 0, "The page fetched from elsewhere: " + string.Join(", ", offSite));
        }
        catch
        {
            await SaveAsync(page, "speak-up-failure");
            throw;
        }
    }

    private const string FromBot = WebVisitor.FromBot;

    [Fact]
    public async Task A_visitor_raises_a_whole_anonymous_concern_by_clicking_and_typing_and_every_step_passes_axe()
    {
        await using var visitor = await Visitor.OpenAsync();
        var page = visitor.Page;
        try
        {
            await StaffPathAsync(visitor, ConcernBot.Resources.Intake.SubjectStaff);
            await visitor.ExpectReceiptAsync("speak-up-receipt");
        }
        catch
        {
            await SaveAsync(page, "speak-up-walk-failure");
            throw;
        }
    }

    [Fact]
    public async Task A_visitor_adds_a_photo_with_web_chats_upload_button_and_it_is_kept_with_the_concern()
    {
        await using var visitor = await Visitor.OpenAsync();
        var page = visitor.Page;
        try
        {
            await StaffPathAsync(visitor, ConcernBot.Resources.Intake.SubjectStaff, files: () => visitor.AnswerAsync("upload", async _ =>
            {
                // Web Chat's own upload button: directlinejs posts the file to /v3/directline/conversations/{id}/upload.
                var uploaded = page.WaitForRequestAsync(r => r.Url.Contains("/upload", StringComparison.Ordinal) && r.Method == "POST");
                await page.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "my bruise.jpg", MimeType = "image/jpeg", Buffer = SamplePhoto.Jpeg() });
                await uploaded;
            }));
            var told = await visitor.Web.TranscriptAsync();
            Assert.Contains(ConcernBot.Conversation.Words.Format(ConcernBot.Resources.Intake.FilesKept, "Photo 1"), told, StringComparison.Ordinal);
            await visitor.ExpectReceiptAsync("speak-up-upload-receipt");

            var concern = Assert.Single(await visitor.Bot.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>()
                .ListByStatusAsync("local", ConcernBot.Concerns.ConcernStatus.Received).ToListAsync());
            Assert.Equal(1, concern.EvidenceCount);
            var file = Assert.Single(await visitor.Bot.Services.GetRequiredService<ConcernBot.Evidence.EvidenceLocker>().ListAsync(concern.Id, CancellationToken.None));
            Assert.Equal("Photo 1", file.DisplayName);
        }
        catch
        {
            await SaveAsync(page, "speak-up-upload-failure");
            throw;
        }
    }

    [Fact]
    public async Task An_anonymous_whistleblower_raises_a_concern_about_a_lead_who_is_told_they_will_not_see_it()
    {
        await using var visitor = await Visitor.OpenAsync(People.Settings());
        try
        {
            await StaffPathAsync(visitor, ConcernBot.Resources.Intake.SubjectLead, () => visitor.PressAsync(People.Asha.Name), reviewSays: $"{People.Asha.Name} will not see it");
            await visitor.ExpectReceiptAsync("speak-up-about-a-lead-receipt");

            var concern = Assert.Single(await visitor.Bot.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>()
                .ListByStatusAsync("local", ConcernBot.Concerns.ConcernStatus.Received).ToListAsync());
            Assert.Equal(People.Asha.ObjectId, concern.Subject.LeadAadObjectId);
            Assert.Equal(ConcernBot.Concerns.IdentityChoice.Anonymous, concern.Reporter.Choice);
        }
        catch
        {
            await SaveAsync(visitor.Page, "speak-up-about-a-lead-failure");
            throw;
        }
    }

    /// <summary>
    /// The staff path on the page, clicking and filling the cards; <paramref name="about"/> chooses who it is about on the
    /// harm card, and <paramref name="after"/> answers anything that choice asks next.
    /// </summary>
    private static async Task StaffPathAsync(Visitor visitor, string about, Func<Task>? after = null, string? reviewSays = null, Func<Task>? files = null)
    {
        await visitor.PressAsync(Strings.WelcomeRaiseConcern);
        await visitor.PressAsync(ConcernBot.Resources.Intake.DangerNo);
        await visitor.PressAsync(ConcernBot.Resources.Intake.RoleStaff);
        await visitor.PressAsync(ConcernBot.Resources.Intake.AtRiskAdult);
        await visitor.FillAsync("Mr Jones, room 12");
        await visitor.ContinueAsync("what happened and who", async card =>
        {
            await WebVisitor.WriteAsync(card, ConcernBot.Resources.Intake.HappenedQuestion, "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair.");
            await WebVisitor.PickAsync(card, about);
        });
        if (after is not null)
        {
            await after();
        }

        // When, where and still happening on one card: when left empty (not sure).
        await visitor.ContinueAsync("when and where", async card =>
        {
            await WebVisitor.WriteAsync(card, ConcernBot.Resources.Intake.WhereQuestion, "The lounge on the first floor");
            await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.ChoiceNo);
        });
        await visitor.ContinueAsync("harm", card => WebVisitor.TickAsync(card, ConcernBot.Resources.Intake.HarmPhysical));

        await visitor.ContinueAsync("knows and asked", async card =>
        {
            await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.ChoiceYes);
            await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.OutcomesAskedNone);
        });
        await visitor.ContinueAsync("wishes", card => WebVisitor.WriteAsync(card, ConcernBot.Resources.Intake.ReporterWantsQuestion, "I'd like Mr Jones to feel safe."));
        await visitor.PressAsync(ConcernBot.Resources.Intake.ConsentYes);
        await visitor.PressAsync(ConcernBot.Resources.Intake.SkipNothingYet);
        if (files is null)
        {
            await visitor.PressAsync(ConcernBot.Resources.Intake.FilesCarryOn);
        }
        else
        {
            await files();
            await visitor.PressAsync(ConcernBot.Resources.Intake.FilesDoneCarryOn);
        }

        await visitor.PressAsync(ConcernBot.Resources.Intake.IdentityAnonymous);
        if (reviewSays is not null)
        {
            Assert.Contains(reviewSays, await visitor.Page.Locator(FromBot).Last.InnerTextAsync(), StringComparison.Ordinal);
        }

        await visitor.PressAsync(ConcernBot.Resources.Intake.ReviewSubmit);
    }

    [Fact]
    public async Task A_person_who_uses_the_service_raises_a_concern_in_plain_words_by_typing_only()
    {
        await using var visitor = await Visitor.OpenAsync();
        try
        {
            foreach (var typed in WebReporterAndLeadsTests.SimplePathTyped)
            {
                await visitor.SayAsync(typed);
            }

            await visitor.ExpectReceiptAsync("speak-up-simple-receipt");
        }
        catch
        {
            await SaveAsync(visitor.Page, "speak-up-simple-failure");
            throw;
        }
    }

    [Fact]
    public async Task A_family_member_says_someone_is_in_danger_now_is_told_to_call_999_first_and_gives_their_name_on_the_page()
    {
        await using var visitor = await Visitor.OpenAsync();
        try
        {
            await visitor.PressAsync(Strings.WelcomeRaiseConcern);
            await visitor.PressAsync(ConcernBot.Resources.Intake.DangerYes);
            Assert.Contains("999", await visitor.Page.Locator(FromBot).Last.InnerTextAsync(), StringComparison.Ordinal);
            await visitor.PressAsync(ConcernBot.Resources.Intake.UrgentContinue);
            await visitor.PressAsync(ConcernBot.Resources.Intake.RoleFamilyOrFriend);
            await visitor.PressAsync(ConcernBot.Resources.Intake.AtRiskAdult);
            await visitor.PressAsync(ConcernBot.Resources.Intake.SkipRatherNotSay);
            await visitor.ContinueAsync("what happened and who", async card =>
            {
                await WebVisitor.WriteAsync(card, ConcernBot.Resources.Intake.HappenedQuestion, "My dad's carer hit him this morning.");
                await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.SubjectStaff);
            });
            // Typed at the card that asks when, where and whether it goes on: the rest come one at a time.
            await visitor.SayAsync("today");
            await visitor.PressAsync(ConcernBot.Resources.Intake.ChoiceDontKnow);
            await visitor.PressAsync(ConcernBot.Resources.Intake.ChoiceYes);
            await visitor.ContinueAsync("harm", card => WebVisitor.TickAsync(card, ConcernBot.Resources.Intake.HarmPhysical));
            await visitor.ContinueAsync("knows and asked", async card =>
            {
                await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.ChoiceYes);
                await WebVisitor.PickAsync(card, ConcernBot.Resources.Intake.OutcomesNotAsked);
            });
            // Nothing written on the wishes card: both answers "I don't know".
            await visitor.ContinueAsync("wishes", _ => Task.CompletedTask);
            await visitor.PressAsync(ConcernBot.Resources.Intake.ConsentYes);
            await visitor.PressAsync(ConcernBot.Resources.Intake.SkipNothingYet);
            await visitor.PressAsync(ConcernBot.Resources.Intake.FilesCarryOn);
            await visitor.PressAsync(ConcernBot.Resources.Intake.IdentityGiveName);
            await visitor.FillAsync("Jo Bloggs");
            await visitor.FillAsync("07700 900456");
            var review = await visitor.Page.Locator(FromBot).Last.InnerTextAsync();
            Assert.Contains(ConcernBot.Conversation.Words.Format(ConcernBot.Resources.Intake.ReviewKnownNamed, "Jo Bloggs"), review, StringComparison.Ordinal);
            Assert.Contains("07700 900456", review, StringComparison.Ordinal);
            await visitor.PressAsync(ConcernBot.Resources.Intake.ReviewSubmit);
            await visitor.ExpectReceiptAsync("speak-up-urgent-receipt");

            var concern = Assert.Single(await visitor.Bot.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>()
                .ListByStatusAsync("local", ConcernBot.Concerns.ConcernStatus.Received).ToListAsync());
            Assert.True(concern.Urgent);
            Assert.Equal("Jo Bloggs", concern.Reporter.DisplayName);
        }
        catch
        {
            await SaveAsync(visitor.Page, "speak-up-urgent-failure");
            throw;
        }
    }

    [Fact]
    public async Task A_member_of_staff_fills_in_the_one_form_on_the_page_and_stays_anonymous()
    {
        await using var visitor = await Visitor.OpenAsync();
        try
        {
            await visitor.PressAsync(Strings.WelcomeRaiseConcern);
            await visitor.PressAsync(ConcernBot.Resources.Intake.DangerNo);
            await visitor.PressAsync(ConcernBot.Resources.Intake.RoleStaffForm);
            await visitor.AnswerAsync("form", async card =>
            {
                // Compact choice sets are drop-downs; the danger question has no answer until one is chosen.
                var danger = card.Locator("select").First;
                Assert.Equal("", await danger.InputValueAsync());
                await danger.SelectOptionAsync(new SelectOptionValue { Label = ConcernBot.Resources.Intake.DangerNo });
                await card.GetByLabel(new Regex("^" + Regex.Escape(ConcernBot.Resources.Intake.HappenedLabel))).FillAsync("I saw a resident left in wet clothes for hours on Rose ward.");
                await card.Locator("input[type=radio][value=Anonymous]").CheckAsync();
                await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = Words(ConcernBot.Resources.Intake.FormCheck) }).ClickAsync();
            });
            Assert.Contains("Rose ward", await visitor.Page.Locator(FromBot).Last.InnerTextAsync(), StringComparison.Ordinal);
            await visitor.PressAsync(ConcernBot.Resources.Intake.ReviewSubmit);
            await visitor.ExpectReceiptAsync("speak-up-form-receipt");
        }
        catch
        {
            await SaveAsync(visitor.Page, "speak-up-form-failure");
            throw;
        }
    }

    /// <summary>The bot, the browser and one visitor on the page at phone width, stopped together.</summary>
    private sealed class Visitor : IAsyncDisposable
    {
        private Visitor(TestHost bot, IPlaywright playwright, IBrowser browser, WebVisitor web) => (Bot, Playwright, Browser, Web) = (bot, playwright, browser, web);

        public TestHost Bot { get; }
        public IPlaywright Playwright { get; }
        public IBrowser Browser { get; }
        public WebVisitor Web { get; }
        public IPage Page => Web.Page;

        public static async Task<Visitor> OpenAsync(IReadOnlyDictionary<string, string?>? settings = null)
        {
            var bot = TestHost.Playground(settings: settings);
            bot.StartServer();
            var (playwright, browser) = await Chromium.LaunchAsync();
            return new Visitor(bot, playwright, browser, await WebVisitor.OpenAsync(bot, browser));
        }

        public Task PressAsync(string title) => Web.PressAsync(title);

        public Task FillAsync(string text) => Web.FillAsync(text);

        public Task SayAsync(string text) => Web.SayAsync(text);

        public Task AnswerAsync(string step, Func<ILocator, Task> act) => Web.AnswerAsync(step, act);

        public Task ContinueAsync(string step, Func<ILocator, Task> fill) => Web.ContinueAsync(step, fill);

        public Task ExpectReceiptAsync(string name) => Web.ExpectReceiptAsync(name);

        public async ValueTask DisposeAsync()
        {
            await Web.DisposeAsync();
            await Browser.DisposeAsync();
            Playwright.Dispose();
            Bot.Dispose();
        }
    }

    private static Regex Words(string title) => WebVisitor.Words(title);

    private static Task SaveAsync(IPage page, string name) => WebVisitor.SaveAsync(page, name);
}
