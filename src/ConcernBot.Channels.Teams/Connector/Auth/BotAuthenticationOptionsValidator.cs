using ConcernBot.Channels.Teams.Authentication;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Connector.Auth;

/// <summary>Fails at startup on settings that would make every outbound call fail later.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (!options.HasAppId)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.MicrosoftAppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add(ConnectorAuthority.MissingTenantMessage);
        }

        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var host) || host.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("AuthorityHost must be an absolute https URL such as https://login.microsoftonline.com.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
        {
            failures.Add("ConnectorScope must not be empty (normally https://api.botframework.com/.default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
