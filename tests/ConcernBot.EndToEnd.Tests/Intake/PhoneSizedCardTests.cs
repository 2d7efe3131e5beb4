using System.Reflection;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Intake;
using ConcernBot.Intake.Cards;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConcernBot.EndToEnd.Tests.Intake;

/// <summary>
/// Every question card of both paths and both reviews, drawn by the official Adaptive Cards renderer in Chromium at a
/// phone's card width (328 px: Teams on a 360-px phone): nothing wider than the phone, no button's words cut off, and a
/// question card no taller than one 740-px screen. Screenshots of each are kept with the test output.
/// </summary>
public sealed class PhoneSizedCardTests(ITestOutputHelper output)
{
    private const int CardWidth = 328;
    private const int ScreenHeight = 740;

    [Fact]
    public async Task Every_question_card_and_both_reviews_fit_a_phone_with_no_button_cut_off()
    {
        using var host = TestHost.Playground();
        var cards = host.Services.GetRequiredService<IntakeCards>();
        var flow = host.Services.GetRequiredService<IntakeFlow>().Flow;
        var samples = Steps()
            .Select(step => (Name: step, Card: cards.Question(flow.Find(step)!.Prompt(Draft(step.StartsWith("simple", StringComparison.Ordinal)))), Question: true))
            .Append(("review-staff", cards.Review(Draft(simple: false), _ => true), false))
            .Append(("review-simple", cards.Review(Draft(simple: true), _ => true), false))
            .ToList();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = ScreenHeight } });
        await page.SetContentAsync($"<!doctype html><html><body style=\"margin:0;font-family:'Segoe UI',sans-serif\"><div id=\"card\" style=\"width:{CardWidth}px\"></div></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(RepositoryRoot.Find(), "tools", "cards", "node_modules", "adaptivecards", "dist", "adaptivecards.js") });

        var problems = new List<string>();
        output.WriteLine($"{"card",-28} {"height",7}");
        foreach (var (name, card, question) in samples)
        {
            var measured = await page.EvaluateAsync<JsonElement>(Render, card.GetRawText());
            var (height, width) = (measured.GetProperty("height").GetInt32(), measured.GetProperty("width").GetInt32());
            output.WriteLine($"{name,-28} {height,7}");
            await page.Locator("#card").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-card-" + name.Replace('.', '-') + ".png") });
            if (width > CardWidth)
            {
                problems.Add($"{name} is {width} px wide");
            }

            if (question && height > ScreenHeight)
            {
                problems.Add($"{name} is {height} px tall");
            }

            problems.AddRange(measured.GetProperty("cut").EnumerateArray().Select(t => $"{name}: button \"{t.GetString()}\" is cut off"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Renders the card with the official library into the 328-px box and reports its size and any button whose words overflow.
    // Teams draws **bold** as bold, as the library does only with a markdown processor: bold alone is enough for these cards.
    /// <summary>A page function: the words of every visible button in a card whose words overflow (are cut off).</summary>
    internal const string CutButtons = """
        (card) => [...card.querySelectorAll('button')]
          .filter(b => b.offsetParent !== null)
          .filter(b => [...b.querySelectorAll('*')].concat([b]).some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden'))
          .map(b => b.innerText)
        """;

    private const string Render = $$"""
        (json) => {
          const host = document.getElementById('card');
          host.innerHTML = '';
          AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
            const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
            result.outputHtml = escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
            result.didProcess = true;
          };
          const card = new AdaptiveCards.AdaptiveCard();
          card.parse(JSON.parse(json));
          host.appendChild(card.render());
          const cut = ({{CutButtons}})(host);
          return { height: Math.ceil(host.getBoundingClientRect().height), width: host.scrollWidth, cut };
        }
        """;

    private static IEnumerable<string> Steps() =>
        typeof(StepNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && (string)f.GetRawConstantValue()! is not (StepNames.Review or StepNames.Form))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IntakeDraft Draft(bool simple) => new()
    {
        Reference = "SG-7K3-Q9P",
        Track = simple ? IntakeTrack.Simple : IntakeTrack.Guided,
        SignedIn = true,
        ImmediateDanger = false,
        Role = simple ? ReporterRole.PersonUsingService : ReporterRole.StaffOrVolunteer,
        AtRisk = PersonAtRiskKind.AdultAtRisk,
        AtRiskDescription = "Mr Jones, room 12",
        WhatHappened = Walkthrough.Account,
        WhenDescription = "Yesterday, just after lunch",
        Where = "The lounge on the first floor",
        StillHappening = Answer.No,
        HarmKinds = [HarmKind.Physical, HarmKind.PsychologicalOrEmotional],
        Subject = SubjectKind.StaffMember,
        PersonKnows = Answer.Yes,
        OutcomesAsked = DesiredOutcomesRecorded.AskedAndExpressed,
        WhatPersonWants = "He wants to feel safe in his room.",
        WhatReporterWants = "A check on the night staff.",
        Consent = ConsentToShare.Yes,
        ActionsTaken = "I told the nurse in charge.",
        Identity = IdentityChoice.Named,
    };
}
