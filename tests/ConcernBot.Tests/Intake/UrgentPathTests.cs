using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class UrgentPathTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Immediate_danger_is_told_to_call_999_first_then_recorded_as_urgent()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("whistleblow");

        var advice = await chat.PressAsync(I.DangerYes);

        Assert.True(advice.Says(TestHost.EmergencyAdvice));
        Assert.True(advice.Says(I.UrgentQuestion));
        Assert.True((await chat.PressAsync(I.UrgentContinue)).Says(I.RoleQuestion));
        await chat.PressAsync(I.RoleFamilyOrFriend);
        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.SkipRatherNotSay);
        await chat.PressAsync(I.ButtonContinue, new { happened = "My dad's carer hit him this morning.", about = "StaffMember" });
        await chat.PressAsync(I.ButtonContinue, new { when = "today", ongoing = "Yes" });
        await chat.PressAsync(I.ButtonContinue, new { choices = "Physical" });
        await chat.PressAsync(I.ButtonContinue, new { wishes_knows = "Yes", wishes_asked = "NotAsked" });
        await chat.PressAsync(I.ButtonContinue);
        await chat.PressAsync(I.ConsentYes);
        await chat.PressAsync(I.SkipNothingYet);
        await chat.PressAsync(I.FilesCarryOn);
        var review = await chat.PressAsync(I.IdentityConfidential);
        Assert.True(review.Says(I.ReviewUrgent));
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        Assert.Equal(16, chat.MessagesSent); // 21 when each question was its own message
        Assert.True(receipt.Says(I.ReceiptNextUrgent));
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.True(concern.Urgent);
        Assert.True(concern.ImmediateDanger);
        Assert.Equal(concern.ReceivedAt + TimeSpan.FromMinutes(15), concern.NextDeadline);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), concern.Account.WhenDate);
    }

    [Fact]
    public async Task Someone_in_danger_can_stop_after_the_999_advice_and_come_back_later()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerYes);

        var paused = await chat.PressAsync(I.UrgentLater);

        Assert.True(paused.Says("7 days"));
        var back = await chat.SayAsync("hello");
        Assert.True(back.Says(I.ResumeTitle));
        Assert.True((await chat.PressAsync(I.ResumeCarryOn)).Says(I.RoleQuestion));
        Assert.Empty((await _data.ConcernsAsync()));
    }

    public void Dispose() => _data.Dispose();
}
