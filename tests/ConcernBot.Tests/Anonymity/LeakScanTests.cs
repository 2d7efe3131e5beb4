using System.Text.Json;
using ConcernBot.Anonymity;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Tests.Storage;
using ConcernBot.Testing;
using IntakeWords = ConcernBot.Resources.Intake;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// The leak scan: a reporter with distinctive made-up identifiers raises concerns, talks to the bot, answers the leads,
/// checks on their concern from a new chat, gets their concern closed and ends contact. Then every stored row and file,
/// the audit and the logs are searched for each identifier. For an anonymous reporter none may be found; for a
/// confidential one, the identity is there only in its encrypted form.
/// </summary>
public sealed class LeakScanTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SecondChat = "a:1zzz-distinctive-conversation-second-chat";

    [Fact]
    public async Task An_anonymous_reporter_leaves_no_trace_in_SQLite_its_files_or_the_logs()
    {
        await using var harness = AnonymityHarness.Create();
        using var logs = new CapturingLoggerProvider();
        await using (var host = harness.Start(logs))
        {
            await RunWholeWorkflowAsync(harness, host, IdentityChoice.Anonymous, "SG-LK1-AN2");
        }

        var found = await SqliteFindingsAsync(harness, logs);

        Assert.True(found.Count == 0, "Identifiers were kept:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task An_anonymous_reporter_leaves_no_trace_in_Azure_tables_or_the_logs()
    {
        await using var harness = AnonymityHarness.Create();
        using var logs = new CapturingLoggerProvider();
        var prefix = "leak" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = prefix,
        };
        await using (var host = harness.Start(logs, extra: settings))
        {
            await RunWholeWorkflowAsync(harness, host, IdentityChoice.Anonymous, "SG-LK3-AZ4");
        }

        var places = (await LeakScan.AzureTablesAsync(azurite.ConnectionString, prefix))
            .Concat(Directory.Exists(harness.Folder) ? LeakScan.Files(harness.Folder) : [])
            .Concat(LeakScan.Logs(logs));
        var found = places.SelectMany(p => LeakScan.Find(p.Where, p.Text, Distinctive.Identifiers)).ToList();

        Assert.True(found.Count == 0, "Identifiers were kept:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task A_confidential_reporters_identity_is_kept_only_encrypted()
    {
        await using var harness = AnonymityHarness.Create();
        using var logs = new CapturingLoggerProvider();
        string concernId;
        await using (var host = harness.Start(logs))
        {
            concernId = await RunWholeWorkflowAsync(harness, host, IdentityChoice.Confidential, "SG-LK5-CF6");
        }

        var found = await SqliteFindingsAsync(harness, logs);
        Assert.True(found.Count == 0, "Identifiers were kept in the clear:\n" + string.Join("\n", found));

        // The designated lead's view can still open it, with the key ring.
        await using var reopened = harness.Start();
        var concern = (await reopened.Services.GetRequiredService<IConcernStore>().GetAsync(concernId))!.Value;
        var identity = reopened.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConcernBot.ReporterIdentity").Unprotect(concern.Reporter.ProtectedIdentity!);
        Assert.Contains(Distinctive.Name, identity, StringComparison.Ordinal);
        Assert.Contains(Distinctive.AadObjectId, identity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_concern_raised_through_the_whole_intake_conversation_leaves_no_trace()
    {
        await using var harness = AnonymityHarness.Create();
        using var logs = new CapturingLoggerProvider();
        await using (var host = harness.Start(logs))
        {
            var chat = host.Chat(Distinctive.User);
            chat.Locale = Distinctive.Locale;
            await Walkthrough.ToFilesAsync(chat);

            // Files whose names and metadata name the reporter: neither may be kept.
            await using var files = await LoopbackFileServer.StartAsync();
            var kept = await chat.SendAttachmentsAsync(
                LoopbackFileServer.DownloadInfo(files.Serve("/a.jpg", Evidence.EvidenceSamples.JpegWithGps(Distinctive.Name)), Distinctive.Name + " bruise.jpg", "jpg"),
                LoopbackFileServer.DownloadInfo(files.Serve("/b.docx", Evidence.EvidenceSamples.WordWithCreator(Distinctive.Name)), "Statement by " + Distinctive.Name + ".docx", "docx"));
            Assert.DoesNotContain(Distinctive.Name, kept.Words, StringComparison.Ordinal);
            await chat.PressAsync(IntakeWords.FilesDoneCarryOn);
            await chat.PressAsync(IntakeWords.IdentityAnonymous);
            var receipt = await chat.PressAsync(IntakeWords.ReviewSubmit);

            var secret = System.Text.RegularExpressions.Regex.Match(receipt.Words, "Your secret code is (?<secret>[2-9A-Z-]{19})").Groups["secret"].Value;
            var concern = await SingleConcernAsync(host);
            Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
            Assert.NotNull(concern.Reporter.ReplyRouteToken);
            Assert.Equal(19, secret.Length);
            await RelayWorkflowAsync(harness, host, concern, concern.Reference, secret);

            // What the leads will open, decrypted: the description and the cleaned files.
            var locker = host.Get<ConcernBot.Evidence.EvidenceLocker>();
            var stored = await locker.ListAsync(concern.Id, CancellationToken.None);
            Assert.Equal(["Photo 1", "Document 1"], stored.Select(f => f.DisplayName));
            foreach (var file in stored)
            {
                var (_, bytes) = (await locker.OpenAsync(concern.Id, file.Id, CancellationToken.None))!.Value;
                var opened = System.Text.Encoding.Latin1.GetString(bytes) + JsonSerializer.Serialize(file);
                if (file.IsPhoto)
                {
                    opened += string.Join("\n", Evidence.EvidenceCleanerTests.Tags(bytes));
                }
                else
                {
                    using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
                    opened += string.Join("\n", zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
                }

                Assert.Empty(LeakScan.Find("evidence " + file.DisplayName, opened, Distinctive.Identifiers));
            }
        }

        var found = await SqliteFindingsAsync(harness, logs);

        Assert.True(found.Count == 0, "Identifiers were kept:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task A_confidential_concern_raised_through_the_intake_keeps_the_identity_only_encrypted()
    {
        await using var harness = AnonymityHarness.Create();
        using var logs = new CapturingLoggerProvider();
        Concern concern;
        await using (var host = harness.Start(logs))
        {
            var chat = host.Chat(Distinctive.User);
            await Walkthrough.ToReviewAsync(chat, IntakeWords.IdentityConfidential);
            var receipt = await chat.PressAsync(IntakeWords.ReviewSubmit);
            var secret = System.Text.RegularExpressions.Regex.Match(receipt.Words, "Your secret code is (?<secret>[2-9A-Z-]{19})").Groups["secret"].Value;
            concern = await SingleConcernAsync(host);
            await RelayWorkflowAsync(harness, host, concern, concern.Reference, secret);
            var opened = host.Services.GetRequiredService<ConcernBot.Intake.ReporterIdentityProtector>().Unprotect(concern.Reporter.ProtectedIdentity!);
            Assert.Equal((Distinctive.Name, Distinctive.AadObjectId), (opened!.DisplayName, opened.AadObjectId));
        }

        var found = await SqliteFindingsAsync(harness, logs);

        Assert.True(found.Count == 0, "Identifiers were kept in the clear:\n" + string.Join("\n", found));
    }

    private static async Task<Concern> SingleConcernAsync(TestHost host)
    {
        var concerns = new List<Concern>();
        await foreach (var c in host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync(Distinctive.TenantId, ConcernStatus.Received))
        {
            concerns.Add(c);
        }

        return Assert.Single(concerns);
    }

    private static async Task<List<string>> SqliteFindingsAsync(AnonymityHarness harness, CapturingLoggerProvider logs)
    {
        var places = (await LeakScan.SqliteRowsAsync(harness.DatabasePath))
            .Concat(LeakScan.Files(harness.Folder))
            .Concat(LeakScan.Logs(logs));
        return [.. places.SelectMany(p => LeakScan.Find(p.Where, p.Text, Distinctive.Identifiers))];
    }

    /// <summary>Everything a reporter and the leads do, with the reporter's real identifiers on every activity.</summary>
    private static async Task<string> RunWholeWorkflowAsync(AnonymityHarness harness, TestHost host, IdentityChoice choice, string reference)
    {
        // The reporter opens the chat and says hello (every identifier travels through the host's pipeline).
        await host.SayAsync(Distinctive.Message("hi"));
        var (concern, contact) = await AnonymityHarness.RaiseAsync(host, choice, reference);
        await RelayWorkflowAsync(harness, host, concern, reference, contact.Secret!);
        return concern.Id;
    }

    /// <summary>After submit: updates, two questions and their answers, a check from a new chat, closing, stop contact.</summary>
    internal static async Task RelayWorkflowAsync(AnonymityHarness harness, TestHost host, Concern concern, string reference, string secret)
    {
        var choice = concern.Reporter.Choice;
        var contact = new { Secret = secret };
        await AnonymityHarness.NotifyAsync(host, concern.Id, "received");
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId, reference);

        // A lead asks two questions; the reporter answers on the card, then by typing.
        await AnonymityHarness.AskAsync(host, concern.Id, 1, "Which room was it?");
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId, "Which room was it?");
        Assert.Contains(Words.AnswerSent, await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Answer, concernId = concern.Id, question = 1, answer = "Room 4" })), StringComparison.Ordinal);
        await AnonymityHarness.AskAsync(host, concern.Id, 2, "Who else was on shift?");
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId, "Who else was on shift?");
        Assert.Contains(Words.AnswerSent, await host.SayAsync(Distinctive.Message("The night manager")), StringComparison.Ordinal);

        // From a new chat: a wrong secret word, then the right one with something to add.
        await host.SayAsync(Distinctive.Message($"status {reference} AAAA-BBBB-CCCC-DDDD", SecondChat));
        await host.SayAsync(Distinctive.Message($"status {reference} {contact.Secret}", SecondChat));
        Assert.Contains(Words.AddSent, await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Status, reference, secret = contact.Secret, addition = "It happened again." }, SecondChat)), StringComparison.Ordinal);
        await harness.WaitForLeadsAsync(RelayKinds.ReporterAnswer);

        // The leads close it and tell the reporter; the reporter ends contact.
        var store = host.Services.GetRequiredService<IConcernStore>();
        var read = (await store.GetAsync(concern.Id))!;
        var now = DateTimeOffset.UtcNow;
        await store.UpdateAsync(
            read.Value with { Status = ConcernStatus.Closed, ClosedAt = choice == IdentityChoice.Anonymous ? AnonymousTiming.RoundToMinute(now) : now },
            read.ETag,
            new AuditEntry { Actor = "Lead One", At = now, Action = "Closed" },
            [new OutboxMessage { Id = Guid.NewGuid().ToString("N"), Kind = RelayKinds.ReporterNotify, ConcernId = concern.Id, Payload = JsonSerializer.Serialize(new { concernId = concern.Id, kind = "closed", message = "Thank you." }), CreatedAt = now, NotBefore = now }]);
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId, "Thank you.");
        Assert.Contains(reference, await host.SayAsync(Distinctive.Message("stop contact")), StringComparison.Ordinal);
        await harness.WaitForLeadsAsync(RelayKinds.ContactEnded);
    }
}

/// <summary>The scan itself: it does find an identifier that a careless feature stored, in any of the forms it looks for.</summary>
public sealed class LeakScanSelfTests
{
    [Fact]
    public async Task The_scan_finds_an_identifier_a_careless_feature_kept()
    {
        await using var harness = AnonymityHarness.Create();
        await using (var host = harness.Start())
        {
            await host.Services.GetRequiredService<ISettingsStore>().SaveAsync("careless/" + Uri.EscapeDataString(Distinctive.ConversationId), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Distinctive.Upn)), null);
        }

        var found = (await LeakScan.SqliteRowsAsync(harness.DatabasePath)).SelectMany(p => LeakScan.Find(p.Where, p.Text, Distinctive.Identifiers)).ToList();

        Assert.Contains(found, f => f.EndsWith(Distinctive.ConversationId, StringComparison.Ordinal));
        Assert.Contains(found, f => f.EndsWith(Distinctive.Upn, StringComparison.Ordinal));
    }
}
