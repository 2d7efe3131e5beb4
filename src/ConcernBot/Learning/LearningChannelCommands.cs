using System.Text.RegularExpressions;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using W = ConcernBot.Resources.Learning;

namespace ConcernBot.Learning;

/// <summary>
/// `report [period]` and `export [period] [with accounts]`, typed with an @mention in a channel by a safeguarding lead.
/// The report answers in the channel with figures only; the export goes to the lead in a private chat as CSV files.
/// </summary>
internal sealed partial class LearningChannelCommands(
    LearningLeads leads,
    Leads.LeadsDirectory directory,
    LearningConcerns concerns,
    LearningCards cards,
    Leads.ITeamsLeads teams,
    TimeProvider time,
    ILogger<LearningChannelCommands> logger) : ITurnHandler
{
    /// <summary>Teams refuses a message much over 100 KB; the files (base64) and the card stay well below.</summary>
    public const int MaxExportBytes = 60_000;

    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        // Only in channels: in a 1:1 chat "report" is how a person starts raising a concern.
        if (action is not null || !activity.IsType(ActivityTypes.Message)
            || !string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
        {
            return TurnOutcome.NotHandled;
        }

        var command = Command().Match(MessageText.Normalise(activity.Text));
        if (!command.Success)
        {
            return TurnOutcome.NotHandled;
        }

        var services = await leads.ServicesHereAsync(activity, cancellationToken);
        var organisationId = turn.Facts.OrganisationId;
        if (services.Count == 0 || string.IsNullOrEmpty(organisationId))
        {
            LogRefused(logger);
            await turn.SendTextAsync(W.ReportRefused, cancellationToken);
            return TurnOutcome.Done;
        }

        var rest = command.Groups["rest"].Value;
        var withAccounts = WithAccounts().IsMatch(rest);
        var now = time.GetUtcNow();
        if (ReportPeriod.Parse(WithAccounts().Replace(rest, ""), now) is not { } period)
        {
            await turn.SendTextAsync(W.PeriodNotUnderstood, cancellationToken);
            return TurnOutcome.Done;
        }

        var found = await concerns.ListAsync(organisationId, services, period.Start, cancellationToken);
        var figures = LearningFigures.Compute(period, found, now);
        if (command.Groups["verb"].Value.Equals("report", StringComparison.OrdinalIgnoreCase))
        {
            var chart = ReportChart.Draw(W.ReportChartTitle, LearningCards.HarmBars(figures));
            await turn.SendCardAsync(cards.Report(figures, chart), cancellationToken);
            return TurnOutcome.Done;
        }

        // A row only for a concern this lead may handle: never one about them, nor one about a lead nobody could name.
        var theirs = found.Where(c => directory.FindAuthorised(c, activity.From?.AadObjectId) is not null);
        await ExportAsync(turn, organisationId, period, figures, ConcernExport.Concerns(period, theirs, withAccounts), withAccounts, cancellationToken);
        return TurnOutcome.Done;
    }

    private async Task ExportAsync(ITurnContext turn, string organisationId, ReportPeriod period, LearningFigures figures, string rows, bool withAccounts, CancellationToken cancellationToken)
    {
        var files = new[]
        {
            File($"concerns-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv", rows),
            File($"making-safeguarding-personal-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv", ConcernExport.MakingSafeguardingPersonal(figures)),
        };
        if (files.Sum(f => f.ContentUrl!.Length) > MaxExportBytes)
        {
            await turn.SendTextAsync(W.ExportTooLarge, cancellationToken);
            return;
        }

        var activity = turn.Activity;
        if (activity.ServiceUrl is not { } serviceUrl || activity.From?.Id is not { } userId)
        {
            await turn.SendTextAsync(W.ExportCouldNotSend, cancellationToken);
            return;
        }

        try
        {
            await teams.SendPrivateAttachmentsAsync(serviceUrl, organisationId, userId, [Attachment.AdaptiveCard(cards.Export(period, withAccounts)), .. files], cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException)
        {
            LogExportFailed(logger, e.GetType().Name);
            await turn.SendTextAsync(W.ExportCouldNotSend, cancellationToken);
            return;
        }

        await turn.SendTextAsync(W.ExportSentPrivately, cancellationToken);
    }

    /// <summary>A file as an attachment with its content inline (a data: URL): no file consent or OneDrive needed.</summary>
    private static Attachment File(string name, string csv) => new()
    {
        ContentType = "text/csv",
        Name = name,
        ContentUrl = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()),
    };

    [GeneratedRegex(@"^(?<verb>report|export)\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Command();

    [GeneratedRegex(@"\bwith (the )?accounts\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithAccounts();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a report or export: not a lead, or not in a channel")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the export to a private chat ({Error})")]
    private static partial void LogExportFailed(ILogger logger, string error);
}
