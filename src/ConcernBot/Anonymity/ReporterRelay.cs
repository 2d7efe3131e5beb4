using ConcernBot.Channels.Activities;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Anonymity;

/// <summary>
/// The two-way relay between the leads and a reporter they cannot see: questions and updates go out through the sealed
/// route; answers, added information and "stop contact" come back into the concern's audit and, through the outbox, the
/// leads' thread, signed "Anonymous reporter".
/// </summary>
public sealed partial class ReporterRelay(IConcernStore concerns, ReplyRoutes routes, ChatLinks chats, IServiceProvider services, TimeProvider time, ILogger<ReporterRelay> logger)
{
    public const string AnsweredAction = "Reporter answered a question";
    public const string AddedAction = "Reporter added information";

    /// <summary>The reporter added photos or documents to a concern already sent (the files are in the evidence store).</summary>
    public const string EvidenceAddedAction = "Reporter added files";
    public const string EndedAction = "Reporter ended contact";
    public const string AnonymousActor = "Anonymous reporter";

    /// <summary>Delivers a lead's question as a card to answer; the chat's next typed message answers it too.</summary>
    public async Task DeliverQuestionAsync(ReporterQuestionMessage question, CancellationToken cancellationToken)
    {
        if (await concerns.GetAsync(question.ConcernId, cancellationToken) is not { Value: var concern } || concern.Reporter.ReplyRouteToken is not { } token)
        {
            LogNoRoute(logger);
            return;
        }

        var delivered = await routes.SendAsync(
            token,
            () => new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(RelayCards.Question(concern.Reference, concern.Id, question.QuestionNumber, question.Question))] },
            (conversationId, ct) => chats.UpdateAsync(conversationId, r => r with { Pending = new PendingAnswer(concern.Id, question.QuestionNumber) }, ct),
            cancellationToken);
        Check(delivered);
    }

    /// <summary>
    /// Delivers a text (the leads' words for where the concern stands) through the concern's route. With
    /// <paramref name="questionNumber"/>, the chat's next typed message answers that question.
    /// </summary>
    public async Task DeliverTextAsync(Concern concern, string text, int? questionNumber, CancellationToken cancellationToken)
    {
        if (concern.Reporter.ReplyRouteToken is not { } token)
        {
            LogNoRoute(logger);
            return;
        }

        Func<string, CancellationToken, Task>? expect = questionNumber is { } n
            ? (conversationId, ct) => chats.UpdateAsync(conversationId, r => r with { Pending = new PendingAnswer(concern.Id, n) }, ct)
            : null;
        Check(await routes.SendAsync(token, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, expect, cancellationToken));
    }

    public async Task DeliverNotifyAsync(ReporterNotifyMessage notify, CancellationToken cancellationToken)
    {
        if (await concerns.GetAsync(notify.ConcernId, cancellationToken) is not { Value: var concern } || concern.Reporter.ReplyRouteToken is not { } token)
        {
            LogNoRoute(logger);
            return;
        }

        if (notify.Kind == "question")
        {
            return;
        }

        // Worded after the route is opened, in the reporter's language.
        string Text() => notify.Kind switch
        {
            "received" => RelayCards.Format(Words.NotifyReceived, concern.Reference),
            "acknowledged" => RelayCards.Format(Words.NotifyAcknowledged, concern.Reference),
            "closed" => RelayCards.Format(Words.NotifyClosed, concern.Reference)
                + (string.IsNullOrWhiteSpace(notify.Message) ? "" : "\n\n" + RelayCards.Format(Words.NotifyClosedMessage, notify.Message)),
            "overdue" => RelayCards.Format(Words.NotifyOverdue, concern.Reference),
            _ => RelayCards.Format(Words.NotifyOther, concern.Reference),
        };

        Check(await routes.SendAsync(token, () => new Activity { Type = ActivityTypes.Message, Text = Text(), TextFormat = "markdown" }, null, cancellationToken));
    }

    /// <summary>An answer from the chat <paramref name="conversationId"/>; accepted only if that chat is the concern's route.</summary>
    public async Task<bool> AnswerAsync(string concernId, int? questionNumber, string answer, string conversationId, CancellationToken cancellationToken)
    {
        bool accepted;
        if (questionNumber is { } number && services.GetService<Leads.ReporterAnswers>() is { } leads)
        {
            // The leads' record of the question: the answer shows in their own view, and the thread is told.
            accepted = await concerns.GetAsync(concernId, cancellationToken) is { Value.Reporter.ReplyRouteToken: { } token }
                && await SpeaksForAsync(token, concernId, conversationId, cancellationToken)
                && await leads.RecordAsync(concernId, number, answer, cancellationToken);
        }
        else
        {
            accepted = await ChangeAsync(concernId, conversationId, c => (c, AnsweredAction, questionNumber is null ? null : $"question={questionNumber}", "answer", questionNumber, answer), cancellationToken);
        }

        if (accepted)
        {
            await chats.UpdateAsync(conversationId, r => r.Pending?.ConcernId == concernId ? r with { Pending = null } : r, cancellationToken);
        }

        return accepted;
    }

    /// <summary>
    /// After the reference and secret word were checked in a new chat (a web page opened again), that chat may answer the
    /// leads' waiting questions: it is linked to the concern like the chat it was raised in, and the first question waits
    /// for its typed answer. The link is sealed like every chat record, so the store still cannot tie the chat to it.
    /// </summary>
    public Task LinkCheckedInChatAsync(Concern concern, string conversationId, int? firstWaitingQuestion, CancellationToken cancellationToken) =>
        concern.Reporter.ReplyRouteToken is not { } token
            ? Task.CompletedTask
            : chats.UpdateAsync(
                conversationId,
                r => r with
                {
                    Links = [.. r.Links.Where(l => l.ConcernId != concern.Id), new ChatLink(concern.Id, concern.Reference, token)],
                    Pending = firstWaitingQuestion is { } number ? new PendingAnswer(concern.Id, number) : r.Pending,
                },
                cancellationToken);

    /// <summary>Information added from a chat that raised the concern or checked in with its secret word.</summary>
    public async Task<bool> AddFromChatAsync(string concernId, string information, string conversationId, CancellationToken cancellationToken) =>
        await concerns.GetAsync(concernId, cancellationToken) is { Value.Reporter.ReplyRouteToken: { } token }
        && await SpeaksForAsync(token, concernId, conversationId, cancellationToken)
        && await AddInformationAsync(concernId, information, cancellationToken);

    /// <summary>The chat the route leads to, or one that checked in with the secret word while the route was the same.</summary>
    private async Task<bool> SpeaksForAsync(string token, string concernId, string conversationId, CancellationToken cancellationToken) =>
        await routes.LeadsToAsync(token, conversationId, cancellationToken)
        || (await chats.GetAsync(conversationId, cancellationToken)).Links.Any(l => l.ConcernId == concernId && l.RouteToken == token);

    /// <summary>Information added by a reporter who proved they raised the concern (reference and secret word).</summary>
    /// <remarks>
    /// Kept as a note in the leads' own view (authorised leads only); the thread is told that something was added, never
    /// what, because everyone in the channel sees the thread.
    /// </remarks>
    public Task<bool> AddInformationAsync(string concernId, string information, CancellationToken cancellationToken) =>
        ChangeAsync(
            concernId,
            null,
            c => (c with { Leads = c.Leads with { Notes = [.. c.Leads.Notes, new LeadNote(ActorFor(c), time.GetUtcNow(), information)] } }, AddedAction, null, "information", null, ""),
            cancellationToken);

    /// <summary>Counts files the reporter added later; the thread hears that something was added, as for information.</summary>
    public Task<bool> AddEvidenceAsync(string concernId, int added, CancellationToken cancellationToken) =>
        ChangeAsync(
            concernId,
            null,
            c => (c with { EvidenceCount = c.EvidenceCount + added }, EvidenceAddedAction, "files=" + added.ToString(System.Globalization.CultureInfo.InvariantCulture), "information", null, ""),
            cancellationToken);

    /// <summary>Ends contact for one concern: the route is deleted, the concern keeps no token, the leads are told.</summary>
    public async Task<bool> StopContactAsync(string concernId, string conversationId, CancellationToken cancellationToken)
    {
        var stopped = false;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await concerns.GetAsync(concernId, cancellationToken) is not { } read || read.Value.Reporter.ReplyRouteToken is not { } token)
            {
                break;
            }

            if (!await routes.LeadsToAsync(token, conversationId, cancellationToken))
            {
                return false;
            }

            var now = time.GetUtcNow();
            var updated = read.Value with { Reporter = read.Value.Reporter with { ReplyRouteToken = null, ContactEnded = true } };
            try
            {
                await concerns.UpdateAsync(updated, read.ETag, Audit(read.Value, EndedAction, null, now), [RelayKinds.Create(RelayKinds.ContactEnded, concernId, new ContactEndedMessage(concernId), AnonymityJson.Default.ContactEndedMessage, now)], cancellationToken);
                await routes.DeleteAsync(token, cancellationToken);
                stopped = true;
                break;
            }
            catch (ConcurrencyConflictException)
            {
                // A lead acted at the same moment: read again and end contact on the fresh concern.
            }
        }

        await chats.UpdateAsync(conversationId, r => r with { Links = [.. r.Links.Where(l => l.ConcernId != concernId)], Pending = r.Pending?.ConcernId == concernId ? null : r.Pending }, cancellationToken);
        return stopped;
    }

    private async Task<bool> ChangeAsync(
        string concernId,
        string? conversationId,
        Func<Concern, (Concern Updated, string Action, string? Detail, string Kind, int? Question, string Text)> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await concerns.GetAsync(concernId, cancellationToken) is not { } read)
            {
                return false;
            }

            if (conversationId is not null && (read.Value.Reporter.ReplyRouteToken is not { } token || !await SpeaksForAsync(token, concernId, conversationId, cancellationToken)))
            {
                return false;
            }

            var now = time.GetUtcNow();
            var (updated, action, detail, kind, question, text) = change(read.Value);
            var payload = new ReporterAnswerMessage(concernId, kind, question, text, ActorFor(read.Value));
            try
            {
                await concerns.UpdateAsync(updated, read.ETag, Audit(read.Value, action, detail, now), [RelayKinds.Create(RelayKinds.ReporterAnswer, concernId, payload, AnonymityJson.Default.ReporterAnswerMessage, now)], cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone changed the concern meanwhile: read again, nothing is overwritten.
            }
        }

        return false;
    }

    private static AuditEntry Audit(Concern concern, string action, string? detail, DateTimeOffset now) => new()
    {
        Actor = ActorFor(concern),
        At = concern.Reporter.Choice == IdentityChoice.Anonymous ? AnonymousTiming.RoundToMinute(now) : now,
        Action = action,
        Detail = detail,
    };

    /// <summary>How the audit and the thread name the reporter: never an anonymous or confidential reporter's name.</summary>
    internal static string ActorFor(Concern concern) => concern.Reporter.Choice switch
    {
        IdentityChoice.Named => string.IsNullOrWhiteSpace(concern.Reporter.DisplayName) ? "Named reporter" : concern.Reporter.DisplayName,
        IdentityChoice.Confidential => "Confidential reporter",
        _ => AnonymousActor,
    };

    private static void Check(RouteDelivery delivered)
    {
        if (delivered == RouteDelivery.Unreadable)
        {
            // Retried by the outbox with growing delays: the key ring may be restored.
            throw new InvalidOperationException("The reply route cannot be opened with the current key ring.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A message for a reporter was not delivered: contact has ended")]
    private static partial void LogNoRoute(ILogger logger);
}
