using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// Tells a named or confidential reporter, in their 1:1 chat, where their concern stands (Teams accepts the Entra object id
/// of someone who has the app in personal scope). Anonymous reporters are reached only through the sealed reply route of
/// the anonymity work: until that is registered, their messages wait in the outbox.
/// </summary>
public sealed class ReporterDelivery(
    IConcernStore store,
    ConcernBot.Anonymity.ReporterRelay relay,
    IConversationStore conversations,
    LeadsChannels channels,
    ReporterMessages messages,
    IReporterChat chats,
    IDataProtectionProvider dataProtection)
{
    public const string AnswerFlow = "leads.answer";

    public async Task DeliverAsync(string concernId, Func<Concern, string> text, int? questionNumber, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(concernId, cancellationToken) is not { } read)
        {
            return;
        }

        var concern = read.Value;
        if (concern.Reporter.ContactEnded)
        {
            // The reporter ended contact: nothing reaches them, not even by their Entra id.
            return;
        }

        if (concern.Reporter.ReplyRouteToken is not null)
        {
            // The sealed reply route (every reporter raised through the intake has one): the relay delivers.
            await relay.DeliverTextAsync(concern, text(concern), questionNumber, cancellationToken);
            return;
        }

        var member = MemberId(concern);
        if (concern.Reporter.Choice == IdentityChoice.Anonymous)
        {
            // No route: the reporter ended contact (or never left a way back). Nothing can or may reach them.
            return;
        }

        if (member is null)
        {
            throw new InvalidOperationException("The reporter cannot be reached yet; the message waits.");
        }

        var chat = await OpenChatAsync(concern, member, cancellationToken);
        if (questionNumber is { } number)
        {
            await ExpectAnswerAsync(chat.ConversationId, concern.Id, number, cancellationToken);
        }

        await chats.SendAsync(chat, new Activity { Type = ActivityTypes.Message, Text = text(concern), TextFormat = "markdown" }, cancellationToken);
    }

    /// <summary>A card for a named or confidential reporter without a reply route, in their 1:1 chat (the follow-up question).</summary>
    public async Task DeliverCardWithoutRouteAsync(Concern concern, JsonElement card, CancellationToken cancellationToken)
    {
        var member = MemberId(concern) ?? throw new InvalidOperationException("The reporter cannot be reached yet; the message waits.");
        var chat = await OpenChatAsync(concern, member, cancellationToken);
        await chats.SendAsync(chat, new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }

    /// <summary>A named or confidential reporter without a sealed route is known to Teams by id: their chat is opened there.</summary>
    private async Task<ConversationReference> OpenChatAsync(Concern concern, string member, CancellationToken cancellationToken)
    {
        var channel = await channels.FindAsync(concern.ServiceId, cancellationToken)
            ?? throw new InvalidOperationException("No service URL is known yet to reach the reporter.");
        return await chats.OpenAsync(ChannelIds.Teams, channel.ServiceUrl, concern.OrganisationId, member, cancellationToken)
            ?? throw new InvalidOperationException("The reporter's chat could not be opened.");
    }

    public Task DeliverNotificationAsync(ReporterNotifyPayload payload, CancellationToken cancellationToken) =>
        DeliverAsync(payload.ConcernId, concern => messages.Notification(concern, payload), null, cancellationToken);

    public async Task DeliverQuestionAsync(ReporterQuestionPayload payload, CancellationToken cancellationToken)
    {
        if ((await store.GetAsync(payload.ConcernId, cancellationToken))?.Value.Reporter.ReplyRouteToken is not null)
        {
            // Through the sealed route, as a card the reporter can answer (or stop contact from).
            await relay.DeliverQuestionAsync(new ConcernBot.Anonymity.ReporterQuestionMessage(payload.ConcernId, payload.QuestionNumber, payload.Question), cancellationToken);
            return;
        }

        await DeliverAsync(payload.ConcernId, concern => messages.Question(concern, payload), payload.QuestionNumber, cancellationToken);
    }

    /// <summary>The next message in that chat is the answer, unless the reporter is in the middle of something else.</summary>
    private async Task ExpectAnswerAsync(string conversationId, string concernId, int number, CancellationToken cancellationToken)
    {
        var state = await conversations.GetAsync(conversationId, cancellationToken);
        if (state?.Value.Flow is not null and not AnswerFlow)
        {
            return;
        }

        var waiting = (state?.Value ?? new ConversationState()) with
        {
            Flow = AnswerFlow,
            Step = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Data = new JsonObject { ["concernId"] = concernId },
        };
        try
        {
            await conversations.SaveAsync(conversationId, waiting, state?.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The reporter is typing to the bot right now: the question still arrives, and "answer" is not pre-armed.
        }
    }

    private string? MemberId(Concern concern)
    {
        var reporter = concern.Reporter;
        if (reporter.Choice == IdentityChoice.Named)
        {
            return reporter.AadObjectId;
        }

        if (reporter.Choice != IdentityChoice.Confidential || reporter.ProtectedIdentity is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(dataProtection.CreateProtector(LeadsCardHandler.ReporterIdentityPurpose).Unprotect(reporter.ProtectedIdentity));
            string? Read(string name) => document.RootElement.EnumerateObject()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
            return Read("UserId") ?? Read("AadObjectId");
        }
        catch (Exception ex) when (ex is JsonException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }
}

internal sealed class ReporterNotifyHandler(ReporterDelivery delivery) : IOutboxHandler
{
    public string Kind => LeadsOutbox.ReporterNotify;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        LeadsOutbox.Read(message, LeadsJsonContext.Default.ReporterNotifyPayload) is { } payload
            ? delivery.DeliverNotificationAsync(payload, cancellationToken)
            : Task.CompletedTask;
}

internal sealed class ReporterQuestionHandler(ReporterDelivery delivery) : IOutboxHandler
{
    public string Kind => LeadsOutbox.ReporterQuestion;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        LeadsOutbox.Read(message, LeadsJsonContext.Default.ReporterQuestionPayload) is { } payload
            ? delivery.DeliverQuestionAsync(payload, cancellationToken)
            : Task.CompletedTask;
}

/// <summary>The reporter's next message after a lead's question is their answer; it goes back to the leads.</summary>
internal sealed class ReporterAnswerTurnHandler(IConversationStore conversations, ReporterAnswers answers) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (action is not null || !activity.IsType(ActivityTypes.Message) || activity.Conversation?.Id is not { } conversationId
            || string.IsNullOrWhiteSpace(activity.Text))
        {
            return TurnOutcome.NotHandled;
        }

        var state = await conversations.GetAsync(conversationId, cancellationToken);
        if (state?.Value is not { Flow: ReporterDelivery.AnswerFlow } waiting
            || waiting.Data?["concernId"]?.GetValue<string>() is not { } concernId
            || !int.TryParse(waiting.Step, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return TurnOutcome.NotHandled;
        }

        var text = MessageText.Normalise(activity.Text);
        if (text.Length > ReporterAnswers.MaxAnswerLength)
        {
            await turn.SendTextAsync(LeadsText.Format(Words.AnswerTooLong, ReporterAnswers.MaxAnswerLength), cancellationToken);
            return TurnOutcome.Done;
        }

        try
        {
            await conversations.SaveAsync(conversationId, waiting with { Flow = null, Step = null, Data = null }, state.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return TurnOutcome.NotHandled;
        }

        var recorded = await answers.RecordAsync(concernId, number, text, cancellationToken);
        await turn.SendTextAsync(recorded ? Words.AnswerThanks : Words.AnswerNotRecorded, cancellationToken);
        return TurnOutcome.Done;
    }
}
