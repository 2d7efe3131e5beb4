using System.Text.Json;
using ConcernBot.Storage;

namespace ConcernBot.Leads;

/// <summary>Where a service's leads' channel is.</summary>
public sealed record LeadsChannel(string ServiceUrl, string ChannelId, string? TeamId = null);

/// <summary>
/// Finds the leads' channel: named in settings for a deployment, or chosen in Teams with `alerts here` (kept in the settings
/// store under <c>leads/channel/&lt;service&gt;</c>).
/// </summary>
public sealed class LeadsChannels(LeadsDirectory directory, ISettingsStore settings)
{
    public const string DefaultService = "default";

    public async Task<LeadsChannel?> FindAsync(string? serviceId, CancellationToken cancellationToken)
    {
        var configured = directory.ForService(serviceId).Channel;
        if (configured.IsSet)
        {
            return new LeadsChannel(configured.ServiceUrl!, configured.ConversationId!);
        }

        var stored = await settings.GetAsync(Key(serviceId), cancellationToken);
        if (stored is null)
        {
            return serviceId is null ? null : await FindAsync(null, cancellationToken);
        }

        return JsonSerializer.Deserialize(stored.Value, LeadsJsonContext.Default.LeadsChannel);
    }

    public async Task ChooseAsync(string? serviceId, LeadsChannel channel, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(channel, LeadsJsonContext.Default.LeadsChannel);
        for (var attempt = 0; ; attempt++)
        {
            var current = await settings.GetAsync(Key(serviceId), cancellationToken);
            try
            {
                await settings.SaveAsync(Key(serviceId), json, current?.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Two admins chose at once: the last choice read fresh wins, which is what each of them asked for.
            }
        }
    }

    private static string Key(string? serviceId) => "leads/channel/" + (serviceId ?? DefaultService).ToUpperInvariant();
}
