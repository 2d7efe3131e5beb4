using ConcernBot.Concerns;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class FormPathTests : IDisposable
{
    private readonly IntakeData _data = new();

    private static object Filled(string? identity = "Named", string happened = "I saw a resident being left in wet clothes for hours.", string? danger = "No") => new
    {
        f_danger = danger,
        f_urgent = "false",
        f_atrisk = "AdultAtRisk",
        f_atriskwho = "Mrs Allen",
        f_happened = happened,
        f_whendate = "2026-11-23",
        f_when = "night shift",
        f_where = "Rose ward",
        f_ongoing = "Yes",
        f_harm = "NeglectOrActsOfOmission,Organisational",
        f_about = "StaffMember",
        f_knows = "No",
        f_asked = "NotAsked",
        f_reporterwants = "More staff at night",
        f_consent = "CannotBeAsked",
        f_reason = "She has advanced dementia",
        f_actions = "Changed her and told the nurse in charge",
        f_identity = identity,
    };

    [Fact]
    public async Task Staff_can_fill_in_one_form_instead_and_reach_the_same_review_and_submit()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);

        var form = await chat.PressAsync(I.RoleStaffForm);
        Assert.True(form.Says(I.FormTitle));
        Assert.True(form.LastCard!.Inputs().Count() >= 20);

        var review = await chat.PressAsync(I.FormCheck, Filled());
        Assert.True(review.Says(I.ReviewTitle));
        Assert.True(review.Says("Mrs Allen"));
        await chat.PressAsync(I.ReviewSubmit);

        Assert.Equal(5, chat.MessagesSent);
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(ReporterRole.StaffOrVolunteer, concern.ReporterRole);
        Assert.Equal(PersonAtRiskKind.AdultAtRisk, concern.PersonAtRisk.Kind);
        Assert.Equal([HarmKind.NeglectOrActsOfOmission, HarmKind.Organisational], concern.HarmKinds);
        Assert.Equal(new DateOnly(2026, 11, 23), concern.Account.WhenDate);
        Assert.Equal(ConsentToShare.CannotBeAsked, concern.InformationSharing.Consent);
        Assert.Equal("She has advanced dementia", concern.InformationSharing.ReasonWithoutConsent);
        Assert.Equal(DesiredOutcomesRecorded.NotAsked, concern.DesiredOutcomes.Recorded);
        Assert.Equal(IdentityChoice.Named, concern.Reporter.Choice);
    }

    [Fact]
    public async Task The_form_lists_what_needs_another_look_and_keeps_every_answer()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaffForm);

        var again = await chat.PressAsync(I.FormCheck, Filled(identity: null, happened: new string('x', 4001)));

        Assert.True(again.Says(I.FormHasProblems));
        Assert.True(again.Says(I.FormIdentityRequired));
        Assert.True(again.Says("4,001"));
        Assert.Equal("Mrs Allen", (string?)again.LastCard!.Inputs().Single(i => (string?)i["id"] == "f_atriskwho")["value"]);
        var review = await chat.PressAsync(I.FormCheck, Filled());
        Assert.True(review.Says(I.ReviewTitle));
        Assert.True((await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_harm))).Says(I.FormTitle));
        Assert.Empty((await _data.ConcernsAsync()));
    }

    [Fact]
    public async Task The_form_has_no_ready_made_answer_on_danger_and_no_999_words_until_someone_says_there_is_danger()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);

        var form = await chat.PressAsync(I.RoleStaffForm);

        var danger = form.LastCard!.Inputs().Single(i => (string?)i["id"] == "f_danger");
        Assert.Null(danger["value"]);
        Assert.True((bool?)danger["isRequired"]);
        Assert.False(form.Says(TestHost.EmergencyAdvice));
        Assert.DoesNotContain("999", form.Words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_without_an_answer_on_danger_is_kindly_refused_naming_that_question()
    {
        using var host = TestHost.Intake(_data);
        var chat = await OnTheFormAsync(host);

        var again = await chat.PressAsync(I.FormCheck, Filled(danger: null));

        Assert.True(again.Says(I.FormHasProblems));
        Assert.True(again.Says(ConcernBot.Conversation.Words.Format(I.FormDangerMissing, I.DangerQuestion, I.ChoiceNotSure)));
        Assert.False(again.Says(I.ReviewTitle));
        Assert.False(again.Says(TestHost.EmergencyAdvice));
        Assert.Equal("Mrs Allen", (string?)again.LastCard!.Inputs().Single(i => (string?)i["id"] == "f_atriskwho")["value"]);
        Assert.True((await chat.PressAsync(I.FormCheck, Filled())).Says(I.ReviewTitle));
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("DontKnow")]
    public async Task A_form_sent_saying_someone_may_be_in_danger_gets_the_999_words_first_then_goes_on(string danger)
    {
        using var host = TestHost.Intake(_data);
        var chat = await OnTheFormAsync(host);

        var reply = await chat.PressAsync(I.FormCheck, Filled(danger: danger));

        Assert.True(reply.Says(TestHost.EmergencyAdvice));
        Assert.Contains(TestHost.EmergencyAdvice, reply.All[0].Words, StringComparison.Ordinal);
        Assert.True(reply.Says(I.ReviewTitle));
    }

    [Fact]
    public async Task A_form_saying_yes_with_other_answers_to_look_at_still_gets_the_999_words_and_keeps_the_yes()
    {
        using var host = TestHost.Intake(_data);
        var chat = await OnTheFormAsync(host);

        var again = await chat.PressAsync(I.FormCheck, Filled(identity: null, danger: "Yes"));

        Assert.True(again.Says(TestHost.EmergencyAdvice));
        Assert.True(again.Says(I.FormIdentityRequired));
        Assert.Equal("Yes", (string?)again.LastCard!.Inputs().Single(i => (string?)i["id"] == "f_danger")["value"]);
    }

    [Fact]
    public async Task A_form_saying_no_one_is_in_danger_gets_no_999_words_and_keeps_its_answer_when_changed_from_the_review()
    {
        using var host = TestHost.Intake(_data);
        var chat = await OnTheFormAsync(host);

        var review = await chat.PressAsync(I.FormCheck, Filled(danger: "No"));

        Assert.True(review.Says(I.ReviewTitle));
        Assert.False(review.Says(TestHost.EmergencyAdvice));
        var form = await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_harm));
        Assert.Equal("No", (string?)form.LastCard!.Inputs().Single(i => (string?)i["id"] == "f_danger")["value"]);
        await chat.PressAsync(I.FormCheck);
        await chat.PressAsync(I.ReviewSubmit);
        Assert.False(Assert.Single(await _data.ConcernsAsync()).Urgent);
    }

    private static async Task<TeamsChat> OnTheFormAsync(TestHost host)
    {
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaffForm);
        return chat;
    }

    public void Dispose() => _data.Dispose();
}
