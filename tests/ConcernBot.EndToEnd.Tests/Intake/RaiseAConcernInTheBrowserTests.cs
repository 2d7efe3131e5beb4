using System.Text.RegularExpressions;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcernBot.EndToEnd.Tests.Intake;

/// <summary>A member of staff raises a whole concern in the Teams-like Playground, clicking and typing as a person would.</summary>
public sealed partial class RaiseAConcernInTheBrowserTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    private const float Wait = 30_000;
    private const string Account = "At lunch I saw a carer pull Mr Jones out of his chair by his wrist. He cried out.";

    [Fact]
    public async Task A_whole_concern_is_raised_by_clicking_and_typing_and_stored()
    {
        await InPersonalChatAsync("raise-a-concern", async page =>
        {
            await Click(page, Strings.WelcomeRaiseConcern);
            await Shows(page, IntakeText.DangerQuestion);
            await Click(page, IntakeText.DangerNo);
            await Shows(page, IntakeText.RoleQuestion);
            await Click(page, IntakeText.RoleStaff);
            await Shows(page, IntakeText.AtRiskQuestion);
            await Click(page, IntakeText.AtRiskAdult);
            await Shows(page, IntakeText.AtRiskWhoQuestion);
            await Type(page, "Mr Jones, room 12");
            await Shows(page, IntakeText.HappenedQuestion);
            await Type(page, Account);
            // What happened and who it is about are one card; typed, they come one at a time.
            await Shows(page, IntakeText.AboutQuestion);
            await Click(page, IntakeText.SubjectStaff);
            // When, where and still happening are one card too.
            await Shows(page, IntakeText.WhenWhereQuestion);
            await Type(page, "today");
            await Shows(page, IntakeText.WhereQuestion);
            await Type(page, "The dining room");
            await Shows(page, IntakeText.OngoingQuestion);
            await Type(page, "no");
            await Shows(page, IntakeText.HarmQuestion);
            await Type(page, "1");
            await Shows(page, IntakeText.KnowsAskedQuestion);
            await Type(page, "yes");
            await Shows(page, IntakeText.OutcomesAskedQuestion);
            await Type(page, "2");
            await Shows(page, IntakeText.WishesQuestion);
            await Type(page, "For Mr Jones to be safe at mealtimes");
            await Shows(page, IntakeText.InvolvedQuestion);
            await Type(page, "his daughter");
            await Shows(page, IntakeText.ConsentQuestion);
            await Click(page, IntakeText.ConsentYes);
            await Shows(page, IntakeText.EvidenceQuestion);
            await Type(page, "I told the nurse in charge");
            await Shows(page, IntakeText.FilesQuestion);
            await Click(page, IntakeText.FilesCarryOn);
            await Shows(page, IntakeText.KnownQuestion);
            await Click(page, IntakeText.IdentityConfidential);
            await Shows(page, IntakeText.ReviewTitle);
            await Click(page, IntakeText.ReviewSubmit);
            await Shows(page, IntakeText.ReceiptTitle);

            var reference = ReferencePattern().Match(await page.ContentAsync()).Value;
            Assert.NotEmpty(reference);
            var stored = await playground.BotServices.GetRequiredService<IConcernStore>().FindByReferenceAsync(reference);
            Assert.NotNull(stored);
            Assert.Equal(Account, stored.Value.Account.WhatHappened);
            Assert.Equal("The dining room", stored.Value.Account.Where);
            Assert.Equal(Concerns.IdentityChoice.Confidential, stored.Value.Reporter.Choice);
            Assert.NotNull(stored.Value.Reporter.ProtectedIdentity);
        });
    }

    [Fact]
    public async Task A_concern_in_Arabic_reaches_a_review_card_written_right_to_left()
    {
        var ar = System.Globalization.CultureInfo.GetCultureInfo("ar");
        string In(System.Resources.ResourceManager resources, string key) => resources.GetString(key, ar)!;
        await InPersonalChatAsync("playground-arabic", async page =>
        {
            await Shows(page, Strings.WelcomeRaiseConcern);
            await Type(page, "language");
            await Click(page, "العربية");
            await Shows(page, In(Strings.ResourceManager, nameof(Strings.LanguageChanged)));
            await Type(page, "hi");
            await Click(page, In(Strings.ResourceManager, nameof(Strings.WelcomeRaiseConcern)));
            await Click(page, In(IntakeText.ResourceManager, nameof(IntakeText.DangerNo)));
            await Click(page, In(IntakeText.ResourceManager, nameof(IntakeText.RoleStaffForm)));
            await Shows(page, In(IntakeText.ResourceManager, nameof(IntakeText.FormTitle)));
            // The form is the only card with drop-downs (the Playground's are Fluent comboboxes), text boxes or radio buttons.
            var form = page.Locator("body");
            await page.GetByRole(AriaRole.Combobox).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = In(IntakeText.ResourceManager, nameof(IntakeText.DangerNo)), Exact = true }).ClickAsync();
            await form.Locator("textarea").First.FillAsync("تُركت السيدة ألين بملابس مبللة لساعات.");
            await form.Locator("input[type=radio][value=Anonymous]").CheckAsync();
            await Click(page, In(IntakeText.ResourceManager, nameof(IntakeText.FormCheck)));
            await Shows(page, In(IntakeText.ResourceManager, nameof(IntakeText.ReviewTitle)));

            var title = page.GetByText(In(IntakeText.ResourceManager, nameof(IntakeText.ReviewTitle)), new PageGetByTextOptions { Exact = true }).Last;
            Assert.Equal("rtl", await title.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
            await title.ScrollIntoViewIfNeededAsync();
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "playground-arabic-review.png") });
            await LeaveInEnglishAsync(page, In(IntakeText.ResourceManager, nameof(IntakeText.ReviewSubmit)), In(IntakeText.ResourceManager, nameof(IntakeText.ReceiptTitle)));
        });
    }

    [Fact]
    public async Task A_whole_concern_typed_in_everyday_Welsh_reaches_the_review_without_being_asked_again()
    {
        var cy = System.Globalization.CultureInfo.GetCultureInfo("cy");
        string In(string key) => IntakeText.ResourceManager.GetString(key, cy)!;
        (string Typed, string Next)[] talk =
        [
            ("codi pryder", nameof(IntakeText.DangerQuestion)),
            ("na, does neb mewn perygl", nameof(IntakeText.RoleQuestion)),
            ("dwi'n gweithio yma", nameof(IntakeText.AtRiskQuestion)),
            ("oedolyn", nameof(IntakeText.AtRiskWhoQuestion)),
            ("Mr Jones, ystafell 12", nameof(IntakeText.HappenedQuestion)),
            ("Gwelais ofalwr yn gafael yn ei arddwrn ac yn ei dynnu o'i gadair.", nameof(IntakeText.AboutQuestion)),
            ("aelod o staff", nameof(IntakeText.WhenWhereQuestion)),
            ("ddoe", nameof(IntakeText.WhereQuestion)),
            ("Y lolfa ar y llawr cyntaf", nameof(IntakeText.OngoingQuestion)),
            ("na, mae wedi stopio", nameof(IntakeText.HarmQuestion)),
            ("corfforol", nameof(IntakeText.KnowsAskedQuestion)),
            ("ydy, mae e'n gwybod", nameof(IntakeText.OutcomesAskedQuestion)),
            ("do a dywedon nhw beth maen nhw eisiau", nameof(IntakeText.WishesQuestion)),
            ("Mae e eisiau teimlo'n ddiogel", nameof(IntakeText.ReporterWantsQuestion)),
            ("Hoffwn i rywun siarad ag e", nameof(IntakeText.InvolvedQuestion)),
            ("Ei ferch, Siân", nameof(IntakeText.ConsentQuestion)),
            ("ydy, mae e wedi cytuno", nameof(IntakeText.EvidenceQuestion)),
            ("Dywedais wrth y rheolwr", nameof(IntakeText.FilesQuestion)),
            ("dim diolch", nameof(IntakeText.KnownQuestion)),
            ("defnyddio fy enw", nameof(IntakeText.ReviewTitle)),
        ];

        await InPersonalChatAsync("playground-welsh", async page =>
        {
            await Shows(page, Strings.WelcomeRaiseConcern);
            await Type(page, "language");
            await Click(page, "Cymraeg");
            await Shows(page, Strings.ResourceManager.GetString(nameof(Strings.LanguageChanged), cy)!);
            foreach (var (typed, next) in talk)
            {
                await Type(page, typed);
                await Expect(page.GetByText(Loosely(In(next))).Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            }

            Assert.Equal(0, await page.GetByText(Loosely(In(nameof(IntakeText.RetryNotAChoice)))).CountAsync());
            Assert.Equal(0, await page.GetByText(Loosely(In(nameof(IntakeText.DidYouMeanHint)))).CountAsync());
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "playground-welsh-review.png") });
            await LeaveInEnglishAsync(page, In(nameof(IntakeText.ReviewSubmit)), In(nameof(IntakeText.ReceiptTitle)));
        });
    }

    /// <summary>The tests share the Playground's one personal chat: submit the draft and go back to English for the next.</summary>
    private static async Task LeaveInEnglishAsync(IPage page, string submit, string receipt)
    {
        await Click(page, submit);
        await Expect(page.GetByText(Loosely(receipt)).Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
        await Type(page, "language");
        await Click(page, "English");
        await Expect(page.GetByText(Loosely(Strings.LanguageChanged)).Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
    }

    // The client may show ' as a typographic apostrophe.
    private static Regex Loosely(string text) => new(Regex.Escape(text).Replace("'", "['\u2019]", StringComparison.Ordinal));

    /// <summary>Opens the Playground's personal chat in Chromium and runs <paramref name="steps"/>; a screenshot if they fail.</summary>
    private async Task InPersonalChatAsync(string name, Func<IPage, Task> steps)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(Wait);
        try
        {
            await page.GotoAsync(playground.PlaygroundAddress.ToString());
            await page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "Personal Chat", Exact = true }).ClickAsync();
            await steps(page);
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-failure-{DateTime.UtcNow:yyyyMMddHHmmss}.png"), FullPage = true, Timeout = 10_000 });
            throw;
        }
    }

    private static Task Click(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = button, Exact = true }).Last.ClickAsync();

    private static Task Shows(IPage page, string text) =>
        Expect(page.GetByText(text, new PageGetByTextOptions { Exact = true }).Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });

    private static async Task Type(IPage page, string text)
    {
        var compose = page.Locator("[data-lexical-editor=true]");
        await compose.ClickAsync();
        await compose.PressSequentiallyAsync(text);
        await compose.PressAsync("Enter");
    }

    [GeneratedRegex("SG-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReferencePattern();
}
