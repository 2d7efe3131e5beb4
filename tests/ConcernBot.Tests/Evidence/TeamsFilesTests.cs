using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Evidence;
using ConcernBot.Testing;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Evidence;

/// <summary>
/// Files sent in the Teams chat at the photos-and-documents question, through the real host and the bot's own HTTP
/// client against a loopback file server: kept cleaned and sealed; fetched only from a trusted place; never followed
/// through a redirect to somewhere else.
/// </summary>
public sealed class TeamsFilesTests
{
    [Fact]
    public async Task A_photo_with_gps_is_kept_without_it_and_the_leads_card_says_only_how_many_files()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToFilesAsync(chat);
        Assert.True(chat.Last.Says(I.FilesQuestion));

        var url = files.Serve("/personal/ada/Documents/bruise-on-arm.jpg", EvidenceSamples.JpegWithGps());
        var kept = await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(url, "bruise-on-arm.jpg", "jpg"));
        Assert.True(kept.Says(ConcernBot.Conversation.Words.Format(I.FilesKept, "Photo 1")), kept.Words);
        Assert.Contains(I.FilesDoneCarryOn, kept.LastCard!.Buttons);
        Assert.Null(Assert.Single(files.Requests).Authorization);

        await chat.PressAsync(I.FilesDoneCarryOn);
        await chat.PressAsync(I.IdentityNamed);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        await host.DeliverOutboxAsync();

        var reference = System.Text.RegularExpressions.Regex.Match(receipt.Words, "SG-[2-9A-Z]{3}-[2-9A-Z]{3}").Value;
        var concern = (await host.Get<ConcernBot.Storage.IConcernStore>().FindByReferenceAsync(reference))!.Value;
        Assert.Equal(1, concern.EvidenceCount);
        var card = host.Get<ConcernBot.Leads.LeadsCards>().NeedToKnow(concern).GetRawText();
        Assert.Contains("1 file attached", card, StringComparison.Ordinal);
        Assert.DoesNotContain("bruise", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Photo 1", card, StringComparison.Ordinal);

        // What is stored: sealed on disk; opened, a photo with no EXIF or GPS at all (read with MetadataExtractor).
        foreach (var stored in new DirectoryInfo(host.Data.EvidenceFolder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var raw = await File.ReadAllBytesAsync(stored.FullName);
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(raw, [0xFF, 0xD8, 0xFF]));
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(raw, Encoding.ASCII.GetBytes(EvidenceSamples.Serial)));
        }

        var locker = host.Get<EvidenceLocker>();
        var file = Assert.Single(await locker.ListAsync(concern.Id, CancellationToken.None));
        var (_, bytes) = (await locker.OpenAsync(concern.Id, file.Id, CancellationToken.None))!.Value;
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.DoesNotContain(directories, d => d is GpsDirectory or ExifDirectoryBase or ExifThumbnailDirectory);
        Assert.DoesNotContain(EvidenceCleanerTests.Tags(bytes), t => t.Contains("GPS", StringComparison.OrdinalIgnoreCase) || t.Contains(EvidenceSamples.CameraMake, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_added_while_named_keeps_no_name_of_the_reporters_once_they_choose_to_stay_anonymous()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);

        // Named: back to the photos question from the review, a document with the reporter's own name on it.
        await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_evidence));
        await chat.PressAsync(I.ButtonContinue, new { answer = "Nothing yet" });
        var url = files.Serve("/personal/rosa/Documents/Rosa Ellery statement.docx", EvidenceSamples.WordWithCreator());
        var kept = await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(url, "Rosa Ellery statement.docx", "docx"));
        Assert.True(kept.Says(ConcernBot.Conversation.Words.Format(I.FilesKept, "Rosa Ellery statement.docx")), kept.Words);
        Assert.True((await chat.PressAsync(I.FilesDoneCarryOn)).Says(I.ReviewTitle));

        // Then anonymous after all, and sent.
        await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_known));
        await chat.PressAsync(I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        var reference = System.Text.RegularExpressions.Regex.Match(receipt.Words, "SG-[2-9A-Z]{3}-[2-9A-Z]{3}").Value;
        var concern = (await host.Get<ConcernBot.Storage.IConcernStore>().FindByReferenceAsync(reference))!.Value;
        Assert.Equal(ConcernBot.Concerns.IdentityChoice.Anonymous, concern.Reporter.Choice);
        var file = Assert.Single(await host.Get<EvidenceLocker>().ListAsync(concern.Id, CancellationToken.None));
        Assert.Null(file.Name);
        Assert.Equal("Document 1", file.DisplayName);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_nothing_is_fetched_from_an_untrusted_place()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var elsewhere = await LoopbackFileServer.StartAsync();
        var stolen = elsewhere.Serve("/stolen.jpg", EvidenceSamples.JpegWithGps());
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToFilesAsync(chat);

        var redirected = await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(files.Redirect("/moved.jpg", stolen), "moved.jpg", "jpg"));
        Assert.True(redirected.Says(I.FilesNotFetched), redirected.Words);

        // An inline image must lie under the turn's own service URL (where the bot's token may go): this one does not.
        var inline = await chat.SendAttachmentsAsync(LoopbackFileServer.InlineImage(stolen));
        Assert.True(inline.Says(I.FilesNotFetched), inline.Words);

        // A download link must be SharePoint or OneDrive (or loopback in local development): a public web address is not.
        var web = await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo("https://files.example.org/x.jpg", "x.jpg", "jpg"));
        Assert.True(web.Says(I.FilesNotFetched), web.Words);

        Assert.Equal(["/moved.jpg"], files.Requests.Select(r => r.Path));
        Assert.Empty(elsewhere.Requests);
        Assert.False(System.IO.Directory.Exists(host.Data.EvidenceFolder) && System.IO.Directory.EnumerateFiles(host.Data.EvidenceFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task An_inline_image_under_the_turns_service_url_is_fetched()
    {
        await using var connector = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = new TeamsChat(host.Client, host.Connector, TeamsUser.Ada()) { ServiceUrl = connector.Address + "/" };
        await Walkthrough.ToFilesAsync(chat);

        var url = connector.Serve("/v3/attachments/0-abc/views/original", EvidenceSamples.PngWithText());
        var kept = await chat.SendAttachmentsAsync(LoopbackFileServer.InlineImage(url));
        Assert.True(kept.Says(ConcernBot.Conversation.Words.Format(I.FilesKept, "Photo 1")), kept.Words);
    }

    [Fact]
    public async Task Wrong_empty_and_lying_files_are_refused_with_a_kind_message_and_the_question_stays()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToFilesAsync(chat);

        var refused = await chat.SendAttachmentsAsync(
            LoopbackFileServer.DownloadInfo(files.Serve("/empty.jpg", []), "empty.jpg", "jpg"),
            LoopbackFileServer.DownloadInfo(files.Serve("/setup.exe", [0x4D, 0x5A, 0x90, 0]), "setup.exe", "exe"),
            LoopbackFileServer.DownloadInfo(files.Serve("/photo.png", EvidenceSamples.PdfWithAuthor()), "photo.png", "png"),
            LoopbackFileServer.DownloadInfo(files.Serve("/IMG_1.HEIC", [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0]), "IMG_1.HEIC", "heic"));
        Assert.True(refused.Says(I.FilesEmpty) && refused.Says(I.FilesNotAccepted) && refused.Says(I.FilesNotWhatItSays) && refused.Says(I.FilesHeic), refused.Words);
        Assert.True(refused.Says(I.FilesQuestion));
        Assert.Contains(I.FilesCarryOn, refused.LastCard!.Buttons);
        Assert.Equal(2, refused.Count); // one message for every file, then the question again
    }

    [Fact]
    public async Task The_files_of_a_cancelled_draft_go_with_it()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await Walkthrough.ToFilesAsync(chat);
        await chat.SendAttachmentsAsync(LoopbackFileServer.DownloadInfo(files.Serve("/p.png", EvidenceSamples.PngWithText()), "p.png", "png"));
        Assert.NotEmpty(System.IO.Directory.EnumerateFiles(host.Data.EvidenceFolder, "*", SearchOption.AllDirectories));

        await chat.SayAsync("cancel");
        Assert.True((await chat.SayAsync("yes")).Says(I.Cancelled));

        Assert.Empty(System.IO.Directory.EnumerateFiles(host.Data.EvidenceFolder, "*", SearchOption.AllDirectories));
    }
}
