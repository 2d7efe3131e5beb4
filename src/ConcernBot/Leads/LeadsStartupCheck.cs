using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>
/// Checks at start that the rule "a concern about a lead never reaches them" and the escalation chain can work with the
/// settings as written. In Production a problem stops the start with a message saying what to fix; elsewhere it is a
/// warning. Then it logs, per service, each role in the chain and the route by which that person will be reached (roles
/// and route kinds only: no names, no ids).
/// </summary>
internal sealed partial class LeadsStartupCheck(
    IOptions<LeadsOptions> options,
    LeadsPeopleReader reader,
    LeadsReach reach,
    IHostEnvironment environment,
    ILogger<LeadsStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var leads = options.Value;
        var problems = reader.Problems.Concat(SamePersonTwoNames(leads)).Concat(NobodyForAConcernAboutALead(leads)).ToList();
        var refusing = problems.Where(p => p.Always || environment.IsProduction()).ToList();
        if (refusing.Count > 0)
        {
            throw new InvalidOperationException(
                "ConcernBot will not start: the safeguarding leads are not set up so that a concern about a lead is kept from them "
                + "and every person in the escalation chain can be reached. Fix these settings (docs/deploy.md, step 8):"
                + Environment.NewLine + string.Join(Environment.NewLine, refusing.Select(p => "- " + p.Message)));
        }

        foreach (var problem in problems)
        {
            LogProblem(logger, problem.Message);
        }

        foreach (var (serviceId, service) in LeadsChain.Services(leads))
        {
            foreach (var member in LeadsChain.Of(service))
            {
                var route = EscalationRoutes.KindOf(member.Person);
                LogRoute(logger, serviceId ?? "default", member.LogName, route);
            }
        }

        if (await reach.NoChannelAsync(cancellationToken))
        {
            // Not a refusal: in a new deployment the channel is chosen in Teams after the bot is running.
            LogNoChannel(logger);
            if (leads.Admins.Count == 0)
            {
                LogNoAdmins(logger);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One object id under two names, anywhere in the settings: the reporter's choice could miss the person.</summary>
    private static IEnumerable<LeadsSettingProblem> SamePersonTwoNames(LeadsOptions leads) =>
        LeadsChain.Services(leads)
            .SelectMany(s => LeadsChain.Of(s.Service).Select(m => (Key: m.Key(s.ServiceId), m.Person)))
            .Where(p => p.Person.HasObjectId && p.Person.Name.Length > 0)
            .GroupBy(p => p.Person.ObjectId, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => LeadNames.Fold(p.Person.Name)).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => new LeadsSettingProblem(
                g.First().Key,
                $"{string.Join(" and ", g.Select(p => p.Key))} are one person (the same ObjectId) under different names: use one Name for them everywhere.",
                Always: false));

    /// <summary>With no deputies and no escalation contact, a concern about an unnamed lead (or the only lead) has nowhere to go.</summary>
    private static IEnumerable<LeadsSettingProblem> NobodyForAConcernAboutALead(LeadsOptions leads) =>
        LeadsChain.Services(leads)
            .Where(s => s.Service.Designated.Count > 0 && LeadsDirectory.UnnamedLeadRecipients(s.Service).Count == 0)
            .Select(s => LeadsChain.SettingsOf(s.ServiceId))
            .Select(key => new LeadsSettingProblem(key, $"{key} has no EscalationContact and no Deputies: a concern about a lead would have nobody to go to. Name the head of the organisation or the chair as {key}:EscalationContact.", Always: false));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leads settings: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No leads' channel is set yet: new concerns are kept safely in the outbox and reach nobody until one is. A ConcernBot admin (Leads:Admins) types `@ConcernBot alerts here` in the channel the safeguarding leads use in Teams, or set Leads:Channel:ServiceUrl and Leads:Channel:ConversationId (docs/deploy.md, step 7)")]
    private static partial void LogNoChannel(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leads:Admins names nobody, so nobody can choose the leads' channel in Teams: add the Entra object id of whoever may type `alerts here` (docs/deploy.md, step 8)")]
    private static partial void LogNoAdmins(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation chain, service {ServiceId}: {Role} is reached by {Via}")]
    private static partial void LogRoute(ILogger logger, string serviceId, string role, string via);
}
