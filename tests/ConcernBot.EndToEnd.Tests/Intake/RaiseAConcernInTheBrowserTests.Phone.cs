using System.Text.Json;
using ConcernBot.Resources;
using Microsoft.Playwright;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.EndToEnd.Tests.Intake;

/// <summary>
/// The staff path in the Playground, every card drawn by the Playground's own renderer and styles at a phone's card width
/// (328 px: Teams on a 360-px phone; the Playground's own window does not go down to a phone's, so the cards are held to
/// that width): each question card no taller than one 740-px screen, nothing wider than the card, no button's words cut
/// off, the review no wider. A screenshot of each card is kept with the test output (playground-phone-*.png).
/// </summary>
public sealed partial class RaiseAConcernInTheBrowserTests
{
    private const int CardWidth = 328;
    private const int PhoneHeight = 740;

    [Fact]
    public async Task On_a_phone_sized_screen_every_question_card_fits_and_no_button_is_cut_off()
    {
        var problems = new List<string>();
        var heights = new List<string>();
        var measured = 0;
        await InPersonalChatAsync("playground-phone", async page =>
        {
            async Task Card(string name, string shows, bool question = true)
            {
                await Shows(page, shows);
                var cards = page.Locator(".ac-adaptiveCard");
                while (await cards.CountAsync() <= measured)
                {
                    await Task.Delay(100); // the words may be on the card before (a card's part): wait for the new card
                }

                measured = await cards.CountAsync();
                var size = await page.EvaluateAsync<JsonElement>(MeasureLastCard);
                var (height, width, cut) = (size.GetProperty("height").GetInt32(), size.GetProperty("width").GetInt32(), size.GetProperty("cut"));
                heights.Add($"{name} {height}");
                await page.Locator(".ac-adaptiveCard").Last.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"playground-phone-{name}.png") });
                if (width > CardWidth)
                {
                    problems.Add($"{name} is {width} px wide");
                }

                if (question && height > PhoneHeight)
                {
                    problems.Add($"{name} is {height} px tall");
                }

                problems.AddRange(cut.EnumerateArray().Select(t => $"{name}: button \"{t.GetString()}\" is cut off"));
            }

            await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = $".ac-adaptiveCard {{ width: {CardWidth}px !important; min-width: {CardWidth}px !important; max-width: {CardWidth}px !important; box-sizing: border-box; }}" });
            await Click(page, Strings.WelcomeRaiseConcern);
            await Card("danger", IntakeText.DangerQuestion);
            await Click(page, IntakeText.DangerNo);
            await Card("role", IntakeText.RoleQuestion);
            await Click(page, IntakeText.RoleStaff);
            await Card("atrisk", IntakeText.AtRiskQuestion);
            await Click(page, IntakeText.AtRiskAdult);
            await Card("atrisk-who", IntakeText.AtRiskWhoQuestion);
            await Type(page, "Mr Jones, room 12");
            await Card("happened", IntakeText.HappenedAboutQuestion);
            await Type(page, Account);
            await Card("about", IntakeText.AboutQuestion);
            await Click(page, IntakeText.SubjectStaff);
            await Card("when", IntakeText.WhenWhereQuestion);
            await Type(page, "today");
            await Shows(page, IntakeText.WhereQuestion);
            await Type(page, "The dining room");
            await Shows(page, IntakeText.OngoingQuestion);
            await Type(page, "no");
            await Card("harm", IntakeText.HarmQuestion);
            await Type(page, "1");
            await Card("knows", IntakeText.KnowsAskedQuestion);
            await Type(page, "yes");
            await Shows(page, IntakeText.OutcomesAskedQuestion);
            await Type(page, "2");
            await Card("wishes", IntakeText.WishesQuestion);
            await Type(page, "For Mr Jones to be safe at mealtimes");
            await Shows(page, IntakeText.InvolvedQuestion);
            await Type(page, "his daughter");
            await Card("consent", IntakeText.ConsentQuestion);
            await Click(page, IntakeText.ConsentYes);
            await Card("evidence", IntakeText.EvidenceQuestion);
            await Type(page, "I told the nurse in charge");
            await Card("known", IntakeText.KnownQuestion);
            await Click(page, IntakeText.IdentityConfidential);
            await Card("review", IntakeText.ReviewTitle, question: false);
            await LeaveInEnglishAsync(page, IntakeText.ReviewSubmit, IntakeText.ReceiptTitle);
        });

        Assert.True(problems.Count == 0, string.Join("\n", problems.Append("Heights: " + string.Join(", ", heights))));
    }

    // The latest card as the Playground drew it: its height, how wide its content is, and any button whose words overflow.
    private const string MeasureLastCard = """
        () => {
          const cards = document.querySelectorAll('.ac-adaptiveCard');
          const card = cards[cards.length - 1];
          const cut = [...card.querySelectorAll('button')]
            .filter(b => b.offsetParent !== null)
            .filter(b => [...b.querySelectorAll('*')].concat([b]).some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden'))
            .map(b => b.innerText);
          return { height: Math.ceil(card.getBoundingClientRect().height), width: card.scrollWidth, cut };
        }
        """;
}
