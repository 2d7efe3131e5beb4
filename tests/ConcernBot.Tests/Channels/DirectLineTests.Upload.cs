using System.Net;
using ConcernBot.Evidence;
using ConcernBot.Tests.Evidence;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Channels;

/// <summary>Direct Line 3.0's upload, as Web Chat's upload button sends it, reaching the intake like a Teams file.</summary>
public sealed partial class DirectLineTests
{
    [Fact]
    public async Task Files_uploaded_from_the_web_page_are_kept_cleaned_and_never_served_back()
    {
        await using var host = Host();
        var page = await new DirectLinePage(host.Client).StartAsync();
        var chat = page.Chat();
        await Walkthrough.ToFilesAsync(chat);
        var before = page.Sent.Count;

        using var uploaded = await page.UploadAsync(
        [
            ("Zebedee bruise.jpg", "image/jpeg", EvidenceSamples.JpegWithGps()),
            ("statement.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", EvidenceSamples.WordWithCreator()),
        ]);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var told = string.Join("\n", page.Sent.Skip(before).Select(a => a.Text));
        Assert.Contains(ConcernBot.Conversation.Words.Format(I.FilesKept, "Photo 1"), told, StringComparison.Ordinal);
        Assert.Contains(ConcernBot.Conversation.Words.Format(I.FilesKept, "Document 1"), told, StringComparison.Ordinal);
        Assert.Contains(I.FilesDocumentNote, told, StringComparison.Ordinal);

        // The page's own copy of its message names the files but carries no link to their bytes.
        using var transcript = await page.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{page.ConversationId}/activities");
        var json = await transcript.Content.ReadAsStringAsync();
        Assert.Contains("Zebedee bruise.jpg", json, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectLineUploadsPrefix, json, StringComparison.Ordinal);
        Assert.DoesNotContain("contentUrl", json, StringComparison.Ordinal);

        // The draft becomes the concern: its two files wait under it, under numbered names until the reporter says who they are.
        var draft = ConcernBot.Intake.IntakeDraft.From((await host.Get<ConcernBot.Storage.IConversationStore>().GetAsync(page.ConversationId))!.Value.Data)!;
        Assert.Equal(2, draft.FilesKept);
        var files = await host.Get<EvidenceLocker>().ListAsync(ConcernBot.Intake.IntakeSubmission.ConcernIdFor(draft), CancellationToken.None);
        Assert.Equal(["Photo 1", "Document 1"], files.Select(f => f.DisplayName));
    }

    [Fact]
    public async Task An_upload_needs_the_conversations_own_token_and_a_multipart_body()
    {
        await using var host = Host();
        var page = await new DirectLinePage(host.Client).StartAsync();
        var other = await new DirectLinePage(host.Client).StartAsync();

        using var wrongToken = await page.UploadAsync([("a.png", "image/png", EvidenceSamples.PngWithText())], token: other.Token);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);

        using var notMultipart = await page.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{page.ConversationId}/upload", new System.Text.Json.Nodes.JsonObject());
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);

        // More than a whole concern may hold, in one request: refused before the host holds it.
        using var tooBig = await page.UploadAsync([("big.png", "image/png", new byte[(int)ConcernBot.Channels.DirectLine.DirectLineEndpoints.MaxUploadBytes + 1])]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    private const string DirectLineUploadsPrefix = ConcernBot.Channels.DirectLine.DirectLineUploads.ContentUrlPrefix;
}
