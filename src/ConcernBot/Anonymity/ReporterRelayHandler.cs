using System.Text.RegularExpressions;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Anonymity;

/// <summary>
/// In the reporter's 1:1 chat: answers to the leads' questions (the card, or a typed message while a question waits),
/// "stop contact", and checking on a concern with its reference and secret word ("status SG-7K3-Q9P WORD", or the card).
/// </summary>
internal sealed partial class ReporterRelayHandler(
    ReporterRelay relay, ReporterSecrets secrets, ChatLinks chats, IConcernStore concerns, IConversationStore conversations, Leads.LeadsReach reach, Evidence.EvidenceReception evidence) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!turn.Facts.IsPrivate || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return TurnOutcome.NotHandled;
        }

        if (action is null && turn.FileCount > 0 && await FilesLaterAsync(turn, conversationId, cancellationToken) is { } added)
        {
            return added;
        }

        if (action is not null)
        {
            return action.Verb switch
            {
                RelayVerbs.Answer => await ReplyAsync(turn, action, await AnswerAsync(action, conversationId, cancellationToken), cancellationToken),
                RelayVerbs.Stop => await ReplyAsync(turn, action, await StopOneAsync(action.GetString("concernId"), conversationId, cancellationToken), cancellationToken),
                RelayVerbs.Add => await ReplyAsync(turn, action, await AddAsync(action, conversationId, cancellationToken), cancellationToken),
                RelayVerbs.Status => await StatusAsync(turn, action, action.GetString(RelayVerbs.Inputs.Reference), action.GetString(RelayVerbs.Inputs.Secret), action.GetString(RelayVerbs.Inputs.Addition), conversationId, cancellationToken),
                _ => TurnOutcome.NotHandled,
            };
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            return TurnOutcome.NotHandled;
        }

        var text = MessageText.Normalise(activity.Text);
        if (StopContact.Match(text))
        {
            await turn.SendTextAsync(await StopAllAsync(conversationId, cancellationToken), cancellationToken);
            return TurnOutcome.Done;
        }

        if (StatusWithSecret().Match(text) is { Success: true } status)
        {
            return await StatusAsync(turn, null, status.Groups["reference"].Value, status.Groups["secret"].Value, null, conversationId, cancellationToken);
        }

        if (CheckStatus.Match(text))
        {
            await turn.SendCardAsync(RelayCards.Status(null), cancellationToken);
            return TurnOutcome.Done;
        }

        return text.Length > 0 ? await TypedAnswerAsync(turn, text, conversationId, cancellationToken) : TurnOutcome.NotHandled;
    }

    /// <summary>A typed message answers the waiting question, unless the person is in the middle of raising a concern.</summary>
    private async Task<TurnOutcome> TypedAnswerAsync(ITurnContext turn, string text, string conversationId, CancellationToken cancellationToken)
    {
        // The conversation first: the turn shares that read with the intake, so a typed answer mid-concern costs nothing more.
        if ((await conversations.GetAsync(conversationId, cancellationToken))?.Value.Flow is not null)
        {
            return TurnOutcome.NotHandled;
        }

        var record = await chats.GetAsync(conversationId, cancellationToken);
        if (record.Pending is not { } pending)
        {
            return TurnOutcome.NotHandled;
        }

        if (text.Length > RelayCards.MaxAnswerLength)
        {
            await turn.SendTextAsync(RelayCards.Format(Words.AnswerTooLong, RelayCards.MaxAnswerLength), cancellationToken);
            return TurnOutcome.Done;
        }

        var sent = await relay.AnswerAsync(pending.ConcernId, pending.QuestionNumber, text, conversationId, cancellationToken);
        await turn.SendTextAsync(sent ? Words.AnswerSent : Words.AnswerNotPossible, cancellationToken);
        return TurnOutcome.Done;
    }

    private async Task<string> AnswerAsync(UserAction action, string conversationId, CancellationToken cancellationToken)
    {
        var answer = action.GetString(RelayVerbs.Inputs.Answer)?.Trim();
        if (answer is null)
        {
            return Words.AnswerRequired;
        }

        if (answer.Length > RelayCards.MaxAnswerLength)
        {
            return RelayCards.Format(Words.AnswerTooLong, RelayCards.MaxAnswerLength);
        }

        int? question = action.Data.TryGetProperty("question", out var q) && q.TryGetInt32(out var n) ? n : null;
        return action.GetString("concernId") is { } concernId && await relay.AnswerAsync(concernId, question, answer, conversationId, cancellationToken)
            ? Words.AnswerSent
            : Words.AnswerNotPossible;
    }

    private async Task<string> AddAsync(UserAction action, string conversationId, CancellationToken cancellationToken)
    {
        if (action.GetString(RelayVerbs.Inputs.Addition)?.Trim() is not { Length: > 0 } addition)
        {
            return Words.AnswerRequired;
        }

        if (addition.Length > RelayCards.MaxAnswerLength)
        {
            return RelayCards.Format(Words.AnswerTooLong, RelayCards.MaxAnswerLength);
        }

        return action.GetString("concernId") is { } concernId && await relay.AddFromChatAsync(concernId, addition, conversationId, cancellationToken)
            ? Words.AddSent
            : Words.AnswerNotPossible;
    }

    private async Task<string> StopOneAsync(string? concernId, string conversationId, CancellationToken cancellationToken)
    {
        var link = (await chats.GetAsync(conversationId, cancellationToken)).Links.FirstOrDefault(l => l.ConcernId == concernId);
        return concernId is not null && await relay.StopContactAsync(concernId, conversationId, cancellationToken)
            ? RelayCards.Format(Words.StopContactDone, link?.Reference ?? "")
            : Words.StopContactNone;
    }

    private async Task<string> StopAllAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stopped = new List<string>();
        foreach (var link in (await chats.GetAsync(conversationId, cancellationToken)).Links)
        {
            if (await relay.StopContactAsync(link.ConcernId, conversationId, cancellationToken))
            {
                stopped.Add(link.Reference);
            }
        }

        return stopped.Count == 0 ? Words.StopContactNone : RelayCards.Format(Words.StopContactDone, string.Join(", ", stopped));
    }

    private async Task<TurnOutcome> StatusAsync(ITurnContext turn, UserAction? action, string? reference, string? secret, string? addition, string conversationId, CancellationToken cancellationToken)
    {
        if (reference is null || secret is null)
        {
            return await ReplyAsync(turn, action, Words.StatusMissing, cancellationToken);
        }

        reference = reference.Trim().ToUpperInvariant();
        var check = await secrets.CheckAsync(reference, secret, await chats.PseudonymAsync(conversationId, cancellationToken), cancellationToken);
        var found = check.Outcome == SecretOutcome.Matched ? await concerns.FindByReferenceAsync(reference, cancellationToken) : null;
        if (check.Outcome == SecretOutcome.Locked)
        {
            return await ReplyAsync(turn, action, Words.StatusLocked, cancellationToken);
        }

        if (found is null)
        {
            return await ReplyAsync(turn, action, RelayCards.Format(Words.StatusNoMatch, check.TriesLeft), cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(addition))
        {
            var added = addition.Length <= RelayCards.MaxAnswerLength && await relay.AddInformationAsync(found.Value.Id, addition.Trim(), cancellationToken);
            return await ReplyAsync(turn, action, added ? Words.AddSent : RelayCards.Format(Words.AnswerTooLong, RelayCards.MaxAnswerLength), cancellationToken);
        }

        var concern = found.Value;
        var where = concern.Status switch
        {
            Concerns.ConcernStatus.Received => await reach.OfAsync(concern, cancellationToken) switch
            {
                Leads.LeadsReachStage.WaitingForChannel => Words.StatusWaitingForChannel,
                Leads.LeadsReachStage.OnItsWay => Words.StatusOnItsWay,
                _ => Words.StatusReceived,
            },
            Concerns.ConcernStatus.Acknowledged => Words.StatusAcknowledged,
            Concerns.ConcernStatus.Closed => Words.StatusClosed,
            _ => Words.StatusInProgress,
        };
        var said = RelayCards.Format(where, concern.Reference);
        // The leads' questions wait here for a reporter who checks in from a new chat (a web page closed since): each is
        // shown with its own answer box, and the answer is recorded against that question, as from the first chat.
        var waiting = concern.Status == Concerns.ConcernStatus.Closed || concern.Reporter.ReplyRouteToken is null
            ? []
            : concern.Leads.Questions.Select((q, i) => (Question: q, Number: i + 1)).Where(q => q.Question.Answer is null).ToList();
        if (waiting.Count > 0)
        {
            said += "\n\n" + Words.StatusQuestionsWaiting;
        }

        if (action?.IsInvoke == true)
        {
            return TurnOutcome.Invoke(InvokeResponse.Message(waiting.Count == 0 ? said : said + "\n\n" + string.Join("\n", waiting.Select(q => $"- \"{q.Question.Text}\""))));
        }

        await turn.SendTextAsync(said, cancellationToken);
        if (waiting.Count > 0)
        {
            await relay.LinkCheckedInChatAsync(concern, conversationId, waiting[0].Number, cancellationToken);
            foreach (var (question, number) in waiting)
            {
                await turn.SendCardAsync(RelayCards.Question(concern.Reference, concern.Id, number, question.Text), cancellationToken);
            }
        }
        else if (concern.Status != Concerns.ConcernStatus.Closed && concern.Reporter.ReplyRouteToken is not null)
        {
            // Checked already: adding something needs no second round of the reference and secret word.
            await relay.LinkCheckedInChatAsync(concern, conversationId, null, cancellationToken);
            await turn.SendCardAsync(RelayCards.Add(concern.Reference, concern.Id), cancellationToken);
        }
        else if (concern.Status != Concerns.ConcernStatus.Closed)
        {
            await turn.SendCardAsync(RelayCards.Status(concern.Reference, Words.StatusAddHint), cancellationToken);
        }

        return TurnOutcome.Done;
    }

    private static async Task<TurnOutcome> ReplyAsync(ITurnContext turn, UserAction? action, string text, CancellationToken cancellationToken)
    {
        if (action?.IsInvoke == true)
        {
            return TurnOutcome.Invoke(InvokeResponse.Message(text));
        }

        await turn.SendTextAsync(text, cancellationToken);
        return TurnOutcome.Done;
    }

    private static readonly CommandWords StopContact = new(Words.ResourceManager, nameof(Words.WordsStopContact));

    private static readonly CommandWords CheckStatus = new(Words.ResourceManager, nameof(Words.WordsCheckStatus));

    [GeneratedRegex(@"^(check\s+)?status\s+(?<reference>SG-[A-Z0-9]{3}-[A-Z0-9]{3})[\s,:]+(?<secret>[A-Z0-9][A-Z0-9 -]{3,38})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StatusWithSecret();
}
