using System.Text.Json;
using System.Text.RegularExpressions;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;
using ConcernBot.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcernBot.EndToEnd.Tests.SpeakUp;

/// <summary>
/// A person on the public page, in a browser context of their own (no cookies or storage shared with another visit), with
/// axe-core run after every answer the bot gives.
/// </summary>
internal sealed class WebVisitor : IAsyncDisposable
{
    public const float Wait = 30_000;

    /// <summary>The bot's activities in Web Chat's transcript (not the visitor's own).</summary>
    public const string FromBot = ".webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))";

    private readonly List<string> _problems = [];
    private readonly IBrowserContext _context;
    private int _steps;

    private WebVisitor(IBrowserContext context, IPage page) => (_context, Page) = (context, page);

    public IPage Page { get; }

    /// <summary>What the last receipt gave: the reference and the secret word.</summary>
    public (string Reference, string Secret) Receipt { get; private set; }

    public static async Task<WebVisitor> OpenAsync(TestHost bot, IBrowser browser, int width = 360)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var visitor = new WebVisitor(context, page);
        await page.GotoAsync($"http://127.0.0.1:{bot.Port}/speak-up");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Strings.WelcomeRaiseConcern }).First).ToBeVisibleAsync();
        var axe = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "webchat", "node_modules", "axe-core", "axe.min.js"));
        // Evaluated through the DevTools protocol: the page's own policy allows no inline script, and must not for this test.
        await page.EvaluateAsync(axe + "\n;void 0");
        await visitor.CheckAsync("welcome");
        return visitor;
    }

    public int Steps => _steps;

    public Task PressAsync(string title) =>
        AnswerAsync(title, card => card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = Words(title) }).Last.ClickAsync());

    /// <summary>Fills the latest card's text box and presses <paramref name="button"/> (Continue unless given).</summary>
    public Task FillAsync(string text, string? button = null) => AnswerAsync(text, async card =>
    {
        await card.Locator("textarea, input[type=text]").First.FillAsync(text);
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = Words(button ?? ConcernBot.Resources.Intake.ButtonContinue) }).Last.ClickAsync();
    });

    /// <summary>A card that asks several questions together: <paramref name="fill"/> answers some of them, then Continue.</summary>
    public Task ContinueAsync(string step, Func<ILocator, Task> fill) => AnswerAsync(step, async card =>
    {
        await fill(card);
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = Words(ConcernBot.Resources.Intake.ButtonContinue) }).Last.ClickAsync();
    });

    /// <summary>Chooses the radio button with these words on a card.</summary>
    public static Task PickAsync(ILocator card, string title) =>
        card.GetByRole(AriaRole.Radio, new LocatorGetByRoleOptions { NameRegex = Ending(title) }).First.CheckAsync();

    /// <summary>Ticks the checkbox with these words on a card.</summary>
    public static Task TickAsync(ILocator card, string title) =>
        card.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { NameRegex = Ending(title) }).First.CheckAsync();

    // A choice's accessible name may start with its question's label: it ends with the choice's words.
    private static Regex Ending(string title) => new(Words(title).ToString()[1..]);

    /// <summary>Types into the text box labelled with this question on a card.</summary>
    public static Task WriteAsync(ILocator card, string label, string text) =>
        card.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { NameRegex = new Regex(Regex.Escape(label).Replace("'", "['\u2019]", StringComparison.Ordinal)) }).First.FillAsync(text);

    /// <summary>Types into Web Chat's own send box and presses Enter.</summary>
    public Task SayAsync(string text) => AnswerAsync(text, async _ =>
    {
        var box = Page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    });

    /// <summary>Acts on the bot's latest activity and waits for the bot to answer (one or more new activities).</summary>
    public async Task AnswerAsync(string step, Func<ILocator, Task> act)
    {
        var before = await Page.Locator(FromBot).CountAsync();
        await act(Page.Locator(FromBot).Last);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Page.Locator(FromBot).CountAsync() <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No answer from the bot after: {step}");
            await Task.Delay(100);
        }

        await CheckAsync(step);
    }

    /// <summary>Everything the bot has shown, as text.</summary>
    public async Task<string> TranscriptAsync() => string.Join("\n", await Page.Locator(FromBot).AllInnerTextsAsync());

    /// <summary>The receipt (reference and secret word) is the last thing shown; screenshots at 360 and 1280 px; no axe problem on any step.</summary>
    public async Task ExpectReceiptAsync(string name)
    {
        var receipt = await Page.Locator(FromBot).Last.InnerTextAsync();
        var reference = Regex.Match(receipt, @"SG-[0-9A-Z]{3}-[0-9A-Z]{3}");
        var secret = Regex.Match(receipt, @"[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}");
        Assert.True(reference.Success && secret.Success, "The last thing shown is not a receipt with a reference and secret word:\n" + receipt);
        Receipt = (reference.Value, secret.Value);
        await ScreenshotsAsync(name);
        ExpectAccessible();
    }

    /// <summary>Screenshots at 360 px (as the visitor is) and at 1280 px, then back to the visitor's width.</summary>
    public async Task ScreenshotsAsync(string name)
    {
        var size = Page.ViewportSize!;
        // Nothing wider than the phone: no sideways scrolling at 360 px (the width 200 % zoom gives a 720-px window too).
        var (scroll, width) = (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await Page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= width, $"The page scrolls sideways at {width} px: it is {scroll} px wide.");
        await SaveAsync(Page, name + "-360");
        await Page.SetViewportSizeAsync(1280, 900);
        await SaveAsync(Page, name + "-1280");
        await Page.SetViewportSizeAsync(size.Width, size.Height);
    }

    public void ExpectAccessible()
    {
        Assert.True(_problems.Count == 0, $"axe-core found serious or critical problems in {_steps} steps: " + string.Join(", ", _problems));
        Console.WriteLine($"axe-core: {_steps} steps checked, 0 serious or critical violations");
    }

    private async Task CheckAsync(string step)
    {
        _steps++;
        // Web Chat's own screen-reader live region (a visually hidden copy of each new activity, with its inputs unlabelled
        // and out of the tab order) is left out: it is Web Chat's markup, not ours, and the real card beside it is checked.
        var found = await Page.EvaluateAsync<JsonElement>("async () => (await axe.run({ exclude: [['.webchat__live-region-activity']] }, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' ' + v.nodes.slice(0, 2).map(n => n.target.join(' > ')).join(' | '))");
        _problems.AddRange(found.EnumerateArray().Select(v => $"{step}: {v.GetString()}"));
    }

    /// <summary>Words as Web Chat's markdown shows them: typographic apostrophes and quotation marks.</summary>
    public static string Shown(string words) => Regex.Replace(words.Replace('\'', '\u2019'), "\"([^\"]*)\"", "\u201c$1\u201d");

    /// <summary>A button's words, matched whether Web Chat shows ' or a typographic apostrophe.</summary>
    public static Regex Words(string title) =>
        new("^" + Regex.Escape(title).Replace("'", "['\u2019]", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal) + "$");

    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
