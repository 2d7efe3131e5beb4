using ConcernBot.Concerns;
using ConcernBot.Intake;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>Each way of being known stores exactly what it promises, and no more.</summary>
public sealed class IdentityTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task A_named_reporter_is_stored_with_their_name_and_id()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Ada Quillfeather"));
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(IdentityChoice.Named, concern.Reporter.Choice);
        Assert.Equal("Ada Quillfeather", concern.Reporter.DisplayName);
        Assert.Equal(chat.User.AadObjectId, concern.Reporter.AadObjectId);
        Assert.Null(concern.Reporter.ProtectedIdentity);
        Assert.NotNull(concern.ReporterReference);
        Assert.Equal("Ada Quillfeather", Assert.Single((await _data.AuditAsync(concern.Id))).Actor);
        Assert.True(receipt.Says(I.ReceiptNamed));
    }

    [Fact]
    public async Task A_confidential_reporter_is_stored_only_encrypted_and_the_key_ring_opens_it()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Bartholomew Inchcape"));
        await Walkthrough.ToReviewAsync(chat, I.IdentityConfidential);
        await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(IdentityChoice.Confidential, concern.Reporter.Choice);
        Assert.Null(concern.Reporter.DisplayName);
        Assert.Null(concern.Reporter.AadObjectId);
        Assert.Equal("Confidential reporter", Assert.Single((await _data.AuditAsync(concern.Id))).Actor);
        var stored = await _data.EverythingAsync();
        Assert.DoesNotContain("Bartholomew", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(chat.User.AadObjectId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.User.Id, stored, StringComparison.Ordinal);

        var opened = host.Services.GetRequiredService<ReporterIdentityProtector>().Unprotect(concern.Reporter.ProtectedIdentity!);
        Assert.Equal("Bartholomew Inchcape", opened!.DisplayName);
        Assert.Equal(chat.User.AadObjectId, opened.AadObjectId);
    }

    [Fact]
    public async Task An_anonymous_reporter_leaves_no_id_name_or_conversation_anywhere_in_the_concern_audit_or_state()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Cordelia Wrenfield"));
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
        Assert.Null(concern.ReporterReference);
        Assert.NotNull(concern.Reporter.ReplyRouteToken); // the sealed reply route: opaque, the only way back
        Assert.Equal("Anonymous reporter", Assert.Single((await _data.AuditAsync(concern.Id))).Actor);
        Assert.Equal(0, concern.ReceivedAt.Second);
        var everything = await _data.EverythingAsync();
        Assert.Contains(concern.Reference, everything, StringComparison.Ordinal);
        foreach (var identifier in new[] { "Cordelia", "Wrenfield", chat.User.Id, chat.User.AadObjectId, chat.User.ConversationId })
        {
            Assert.DoesNotContain(identifier, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(await _data.StateAsync(chat.User.ConversationId));

        Assert.True(receipt.Says(I.ReceiptKeepReferenceAnonymous));
        Assert.True(receipt.Says(ConcernBot.Resources.Anonymity.DelayTold));
        Assert.Matches("Your secret code is [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\\. Keep it with your reference, " + concern.Reference, receipt.Words);
    }

    [Fact]
    public async Task Written_down_the_secret_code_is_taken_out_of_the_chat_and_the_receipt_comes_again_without_it()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        var receiptId = receipt.LastCard!.Activity.Id!;
        var secret = System.Text.RegularExpressions.Regex.Match(receipt.Words, "[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}").Value;
        Assert.Contains(ConcernBot.Resources.Anonymity.SecretRemoveButton, receipt.LastCard.Buttons);

        var again = await chat.PressAsync(ConcernBot.Resources.Anonymity.SecretRemoveButton);

        Assert.Contains(host.Connector.Calls, c => c.Operation == "delete" && c.ActivityId == receiptId);
        var reference = Assert.Single(await _data.ConcernsAsync()).Reference;
        Assert.True(again.Says(ConcernBot.Resources.Anonymity.SecretRemoved), again.Words);
        Assert.True(again.Says(reference));
        Assert.True(again.Says(I.ReceiptNextTitle));
        Assert.DoesNotContain(secret, again.Words, StringComparison.Ordinal);
        Assert.DoesNotContain(ConcernBot.Resources.Anonymity.SecretRemoveButton, again.LastCard!.Buttons);
    }

    [Fact]
    public async Task The_identity_question_says_what_Teams_administrators_can_still_see_and_who_receives_the_concern()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);

        var identityCard = chat.Transcript[^2].Words;
        Assert.Contains(ConcernBot.Resources.Anonymity.ChoiceTeamsLimit, identityCard, StringComparison.Ordinal);
        Assert.Contains(I.KnownWhoReceives, identityCard, StringComparison.Ordinal);
        Assert.Contains(ConcernBot.Resources.Anonymity.ChoiceConfidential, identityCard, StringComparison.Ordinal);
        Assert.Contains(ConcernBot.Resources.Anonymity.ChoiceAnonymous, identityCard, StringComparison.Ordinal);
        Assert.Contains(I.IdentityAnonymousDescription, identityCard, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
