using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>Every card of a whole conversation, with the longest answers allowed: labelled inputs, well inside Teams' limits.</summary>
public sealed class IntakeCardTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Every_card_stays_under_80_KB_and_every_input_has_a_label_even_with_the_longest_answers()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        var longest = new string('é', 4000);
        var shortest = new string('"', 500);
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerYes);
        await chat.PressAsync(I.UrgentContinue);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskChild);
        await chat.SayAsync(shortest);
        await chat.PressAsync(I.ChildStatusPlan);
        await chat.PressAsync(I.ButtonContinue, new { happened = longest, about = "SafeguardingLead" });
        await chat.SayAsync(shortest);
        await chat.SayAsync(shortest);
        await chat.SayAsync(shortest);
        await chat.PressAsync(I.ChoiceYes);
        await chat.PressAsync(I.ButtonContinue, new { choices = string.Join(",", Enum.GetNames<Concerns.HarmKind>()) });
        await chat.PressAsync(I.ButtonContinue, new { wishes_knows = "Yes", wishes_asked = "AskedAndExpressed" });
        await chat.PressAsync(I.ButtonContinue, new { wishes_person = longest, wishes_reporter = longest, wishes_involved = shortest });
        var back = await chat.SayAsync("back");
        Assert.True(back.Says(I.WishesQuestion));
        await chat.PressAsync(I.ButtonContinue, new { wishes_person = longest, wishes_reporter = longest, wishes_involved = shortest });
        await chat.PressAsync(I.ConsentCannotBeAsked);
        await chat.SayAsync(longest);
        await chat.SayAsync(longest);
        await chat.PressAsync(I.FilesCarryOn);
        var review = await chat.PressAsync(I.IdentityConfidential);
        Assert.True(review.Says(I.ReviewTitle));
        Assert.True(review.Says(I.ReviewShortened));
        await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_you));
        var form = await chat.PressAsync(I.RoleStaffForm);
        Assert.True(form.Says(I.FormKeptNote));
        var again = await chat.PressAsync(I.FormCheck, new { f_danger = "Yes" });
        Assert.True(again.Says(I.ReviewTitle));
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(longest, concern.Account.WhatHappened);
        Assert.Equal(longest, concern.ActionsAlreadyTaken);
        Assert.Equal(longest, concern.InformationSharing.ReasonWithoutConsent);

        foreach (var reply in chat.Transcript.Where(r => r.Card is not null))
        {
            Assert.InRange(reply.CardBytes, 1, 80 * 1024);
            Assert.All(reply.Inputs(), input => Assert.False(string.IsNullOrWhiteSpace((string?)input["label"])));
            Assert.Equal("1.5", (string?)reply.Card!["version"]);
            Assert.All(reply.Buttons, title => Assert.False(string.IsNullOrWhiteSpace(title)));
        }

        Assert.True(chat.Transcript.Max(r => r.CardBytes) > 20 * 1024);
    }

    public void Dispose() => _data.Dispose();
}
