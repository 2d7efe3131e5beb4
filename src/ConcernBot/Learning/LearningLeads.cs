using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Leads;
using Microsoft.Extensions.Options;

namespace ConcernBot.Learning;

/// <summary>
/// Whose figures a person may see, and where: the services they are a designated or deputy lead of whose leads' channel is
/// the channel they are typing in. The default service is null. Empty means "not here, not you".
/// </summary>
public sealed class LearningLeads(IOptions<LeadsOptions> options, LeadsChannels channels)
{
    public async Task<IReadOnlySet<string?>> ServicesHereAsync(Activity activity, CancellationToken cancellationToken)
    {
        var services = new HashSet<string?>();
        var oid = activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(oid) || !string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var here = TeamsConversationIds.ChannelOf(activity);
        foreach (var (id, leads) in LeadsChain.Services(options.Value))
        {
            if (leads.Designated.Concat(leads.Deputies).Any(p => Same(p.ObjectId, oid))
                && await channels.FindAsync(id, cancellationToken) is { } channel
                && Same(channel.ChannelId, here))
            {
                services.Add(id);
            }
        }

        return services;
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
