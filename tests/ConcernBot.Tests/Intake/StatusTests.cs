using ConcernBot.Conversation;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class StatusTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task A_named_reporter_can_check_their_own_concern_and_nobody_else_can()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        await chat.PressAsync(I.ReviewSubmit);
        var reference = Assert.Single(await _data.ConcernsAsync()).Reference;

        var mine = await chat.SayAsync($"status {reference.ToLowerInvariant()}");
        var someoneElse = await host.Chat(TeamsUser.Make("Nosy Parker")).SayAsync($"status {reference}");

        // The intake's host names no leads' channel: the concern is saved and waits for one.
        Assert.Equal(Words.Format(I.StatusWaitingForChannel, reference, DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))), mine.Words);
        Assert.Equal(Words.Format(I.StatusNotFound, reference), someoneElse.Words);
        Assert.Equal(Words.Format(I.StatusNotFound, "SG-AAA-AAA"), (await chat.SayAsync("status SG-AAA-AAA")).Words);
    }

    [Fact]
    public async Task An_anonymous_concern_cannot_be_looked_up_by_the_chat_it_came_from()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        var reference = Assert.Single(await _data.ConcernsAsync()).Reference;

        Assert.True(receipt.Says(I.ReceiptStatusAnonymous));
        Assert.Equal(Words.Format(I.StatusNotFound, reference), (await chat.SayAsync($"status {reference}")).Words);
    }

    public void Dispose() => _data.Dispose();
}
