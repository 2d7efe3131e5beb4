using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;
using S = ConcernBot.Resources.Strings;

namespace ConcernBot.Tests.Intake;

public sealed class StartPhraseTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Theory]
    [InlineData("raise a concern")]
    [InlineData("Report")]
    [InlineData("I’m worried about a resident on Oak ward")]
    [InlineData("I am worried about my neighbour's children")]
    [InlineData("whistleblow")]
    [InlineData("<at>ConcernBot</at> raise a concern")]
    public async Task Typing_a_way_in_starts_with_reassurance_and_the_danger_question(string words)
    {
        using var host = TestHost.Intake(_data);
        var reply = await host.Chat().SayAsync(words);
        Assert.True(reply.Says(I.OpeningNoRecrimination));
        Assert.True(reply.Says(I.DangerQuestion));
    }

    [Fact]
    public async Task The_welcome_cards_button_starts_the_conversation()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        var welcome = await chat.SayAsync("hello");
        Assert.True(welcome.Says(S.WelcomeTitle));
        Assert.True((await chat.PressAsync(S.WelcomeRaiseConcern)).Says(I.DangerQuestion));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("not-a-locale")]
    [InlineData("")]
    public async Task A_locale_with_no_translation_yet_gets_the_en_GB_words(string locale)
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        chat.Locale = locale;
        var reply = await chat.SayAsync("raise a concern");
        Assert.True(reply.Says(I.DangerQuestion));
        Assert.True((await chat.SayAsync("no")).Says(I.RoleQuestion));
    }

    [Fact]
    public async Task Other_words_with_no_draft_get_a_gentle_pointer_and_start_nothing()
    {
        using var host = TestHost.Intake(_data);
        var reply = await host.Chat().SayAsync("my manager keeps shouting at Mrs B");
        Assert.Equal(I.NotUnderstood, reply.Words);
        Assert.Equal("", await _data.ConversationRowsAsync());
    }

    public void Dispose() => _data.Dispose();
}
