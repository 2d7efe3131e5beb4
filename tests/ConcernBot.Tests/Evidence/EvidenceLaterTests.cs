using System.Text.RegularExpressions;
using ConcernBot.Evidence;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Evidence;

/// <summary>
/// Files added after the concern was sent: in the chat that sent it, or in a new chat that checked in with the
/// reference and secret code. They join the newest open concern the chat is linked to, and the count on the concern.
/// </summary>
public sealed class EvidenceLaterTests
{
    [Fact]
    public async Task A_named_reporter_sends_a_photo_in_the_same_chat_after_submitting_and_it_joins_the_concern()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        var reference = Regex.Match(receipt.Words, "SG-[2-9A-Z]{3}-[2-9A-Z]{3}").Value;

        var added = await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(files.Serve("/later.png", EvidenceSamples.PngWithText()), "later.png", "png"));

        Assert.True(added.Says(ConcernBot.Conversation.Words.Format(I.FilesAddedLater, "later.png", reference)), added.Words);
        var concern = (await host.Get<ConcernBot.Storage.IConcernStore>().FindByReferenceAsync(reference))!.Value;
        Assert.Equal(1, concern.EvidenceCount);
        Assert.Equal("later.png", Assert.Single(await host.Get<EvidenceLocker>().ListAsync(concern.Id, CancellationToken.None)).DisplayName);
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == ConcernBot.Anonymity.ReporterRelay.EvidenceAddedAction && e.Detail == "files=1");
    }

    [Fact]
    public async Task An_anonymous_reporter_checks_in_from_a_new_chat_and_adds_a_photo_kept_without_its_name()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        var reference = Regex.Match(receipt.Words, "SG-[2-9A-Z]{3}-[2-9A-Z]{3}").Value;
        var secret = Regex.Match(receipt.Words, "Your secret code is (?<secret>[2-9A-Z-]{19})").Groups["secret"].Value;

        var later = host.Chat(TeamsUser.Make("Ada On Another Device"));
        await later.SayAsync($"status {reference} {secret}");
        var added = await later.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(files.Serve("/ada.jpg", EvidenceSamples.JpegWithGps()), "Ada Quillfeather.jpg", "jpg"));

        Assert.True(added.Says(ConcernBot.Conversation.Words.Format(I.FilesAddedLater, "Photo 1", reference)), added.Words);
        var concern = (await host.Get<ConcernBot.Storage.IConcernStore>().FindByReferenceAsync(reference))!.Value;
        Assert.Equal(1, concern.EvidenceCount);
        var file = Assert.Single(await host.Get<EvidenceLocker>().ListAsync(concern.Id, CancellationToken.None));
        Assert.Null(file.Name);
    }

    [Fact]
    public async Task Files_in_a_chat_linked_to_no_concern_are_not_taken()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(files.Serve("/x.png", EvidenceSamples.PngWithText()), "x.png", "png"));
        Assert.Empty(files.Requests);
    }
}
