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
        var phone = new PhoneCards();
        await InPersonalChatAsync("playground-phone", async page =>
        {
            await PhoneCards.HoldToPhoneWidthAsync(page);
            await Click(page, Strings.WelcomeRaiseConcern);
            await phone.CardAsync(page, "danger", IntakeText.DangerQuestion);
            await Click(page, IntakeText.DangerNo);
            await phone.CardAsync(page, "role", IntakeText.RoleQuestion);
            await Click(page, IntakeText.RoleStaff);
            await phone.CardAsync(page, "atrisk", IntakeText.AtRiskQuestion);
            await Click(page, IntakeText.AtRiskAdult);
            await phone.CardAsync(page, "atrisk-who", IntakeText.AtRiskWhoQuestion);
            await Type(page, "Mr Jones, room 12");
            await phone.CardAsync(page, "happened", IntakeText.HappenedAboutQuestion);
            await Type(page, Account);
            await phone.CardAsync(page, "about", IntakeText.AboutQuestion);
            await Click(page, IntakeText.SubjectStaff);
            await phone.CardAsync(page, "when", IntakeText.WhenWhereQuestion);
            await Type(page, "today");
            await Shows(page, IntakeText.WhereQuestion);
            await Type(page, "The dining room");
            await Shows(page, IntakeText.OngoingQuestion);
            await Type(page, "no");
            await phone.CardAsync(page, "harm", IntakeText.HarmQuestion);
            await Type(page, "1");
            await phone.CardAsync(page, "knows", IntakeText.KnowsAskedQuestion);
            await Type(page, "yes");
            await Shows(page, IntakeText.OutcomesAskedQuestion);
            await Type(page, "2");
            await phone.CardAsync(page, "wishes", IntakeText.WishesQuestion);
            await Type(page, "For Mr Jones to be safe at mealtimes");
            await Shows(page, IntakeText.InvolvedQuestion);
            await Type(page, "his daughter");
            await phone.CardAsync(page, "consent", IntakeText.ConsentQuestion);
            await Click(page, IntakeText.ConsentYes);
            await phone.CardAsync(page, "evidence", IntakeText.EvidenceQuestion);
            await Type(page, "I told the nurse in charge");
            await phone.CardAsync(page, "files", IntakeText.FilesQuestion);
            await Click(page, IntakeText.FilesCarryOn);
            await phone.CardAsync(page, "known", IntakeText.KnownQuestion);
            await Click(page, IntakeText.IdentityConfidential);
            await phone.CardAsync(page, "review", IntakeText.ReviewTitle, question: false);
            await LeaveInEnglishAsync(page, IntakeText.ReviewSubmit, IntakeText.ReceiptTitle);
        });

        Assert.True(phone.Problems.Count == 0, phone.Report);
    }

    [Fact]
    public async Task On_a_phone_sized_screen_every_card_of_the_simple_path_fits_and_no_button_is_cut_off()
    {
        var phone = new PhoneCards();
        await InPersonalChatAsync("playground-phone-simple", async page =>
        {
            await PhoneCards.HoldToPhoneWidthAsync(page);
            await Type(page, "I'm worried about something that happened");
            await Shows(page, IntakeText.DangerQuestion);
            await Type(page, "no");
            await phone.CardAsync(page, "simple-role", IntakeText.RoleQuestion);
            await Type(page, "2");
            await phone.CardAsync(page, "simple-who", IntakeText.SimpleWhoQuestion);
            await Type(page, "me");
            await phone.CardAsync(page, "simple-happened", IntakeText.SimpleHappenedQuestion);
            await Type(page, "A night carer shouted at me and took my phone away.");
            await phone.CardAsync(page, "simple-when", IntakeText.SimpleWhenWhereQuestion);
            await Type(page, "this week");
            await Shows(page, IntakeText.SimpleWhereQuestion);
            await Type(page, "My bedroom");
            await Shows(page, IntakeText.SimpleOngoingQuestion);
            await Type(page, "yes");
            await phone.CardAsync(page, "simple-harm", IntakeText.SimpleHarmAboutQuestion);
            await Type(page, "Unkind or scary words");
            await Shows(page, IntakeText.SimpleAboutQuestion);
            await Type(page, "no");
            await phone.CardAsync(page, "simple-wants", IntakeText.SimpleWantsInvolvedQuestion);
            await Type(page, "I want my phone back");
            await Shows(page, IntakeText.SimpleInvolvedQuestion);
            await Type(page, "My sister Jo");
            await phone.CardAsync(page, "simple-sharing", IntakeText.SimpleSharingQuestion);
            await Type(page, "yes");
            await phone.CardAsync(page, "simple-files", IntakeText.SimpleFilesQuestion);
            await Type(page, "no");
            await phone.CardAsync(page, "simple-known", IntakeText.SimpleKnownTeamsLimit);
            await Type(page, "1");
            await phone.CardAsync(page, "simple-review", IntakeText.SimpleReviewTitle, question: false);
            await LeaveInEnglishAsync(page, IntakeText.ReviewSubmit, IntakeText.SimpleReceiptTitle);
        });

        Assert.True(phone.Problems.Count == 0, phone.Report);
    }

    /// <summary>Measures each new card as the Playground drew it, held to a phone's card width.</summary>
    private sealed class PhoneCards
    {
        private readonly List<string> _heights = [];
        private int _measured;

        public List<string> Problems { get; } = [];

        public string Report => string.Join("\n", Problems.Append("Heights: " + string.Join(", ", _heights)));

        public static async Task HoldToPhoneWidthAsync(IPage page) => await page.AddStyleTagAsync(new PageAddStyleTagOptions
        {
            Content = $".ac-adaptiveCard {{ width: {CardWidth}px !important; min-width: {CardWidth}px !important; max-width: {CardWidth}px !important; box-sizing: border-box; }}",
        });

        public async Task CardAsync(IPage page, string name, string shows, bool question = true)
        {
            await Shows(page, shows);
            var cards = page.Locator(".ac-adaptiveCard");
            while (await cards.CountAsync() <= _measured)
            {
                await Task.Delay(100); // the words may be on the card before (a card's part): wait for the new card
            }

            _measured = await cards.CountAsync();
            var size = await page.EvaluateAsync<JsonElement>(MeasureLastCard);
            var (height, width, cut) = (size.GetProperty("height").GetInt32(), size.GetProperty("width").GetInt32(), size.GetProperty("cut"));
            _heights.Add($"{name} {height}");
            await cards.Last.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"playground-phone-{name}.png") });
            if (width > CardWidth)
            {
                Problems.Add($"{name} is {width} px wide");
            }

            if (question && height > PhoneHeight)
            {
                Problems.Add($"{name} is {height} px tall");
            }

            Problems.AddRange(cut.EnumerateArray().Select(t => $"{name}: button \"{t.GetString()}\" is cut off"));
        }
    }

    // The latest card as the Playground drew it: its height, how wide its content is, and any button whose words overflow.
    private const string MeasureLastCard = $$"""
        () => {
          const cards = document.querySelectorAll('.ac-adaptiveCard');
          const card = cards[cards.length - 1];
          const cut = ({{PhoneSizedCardTests.CutButtons}})(card);
          return { height: Math.ceil(card.getBoundingClientRect().height), width: card.scrollWidth, cut };
        }
        """;
}
