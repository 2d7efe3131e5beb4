using System.Text.RegularExpressions;

namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>
/// Looks for secrets in the web app's settings as the compiled template builds them: the createObject(name, value, ...)
/// pairs in the expression passed to the web app module.
/// </summary>
internal static partial class AppSettingsAudit
{
    /// <summary>Not a secret: it lets telemetry in, never out.</summary>
    private const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IReadOnlyList<(string Name, ArmExpression Value)> Settings(ArmExpression appSettings) =>
    [
        .. appSettings.DescendantsAndSelf()
            .OfType<ArmCall>()
            .Where(call => call.Name.Equals("createObject", StringComparison.OrdinalIgnoreCase))
            .SelectMany(call => call.Arguments.Chunk(2))
            .Where(pair => pair.Length == 2 && pair[0] is ArmLiteral)
            .Select(pair => (((ArmLiteral)pair[0]).Value, pair[1])),
    ];

    /// <summary>Every reason a setting could carry a secret; empty when none does.</summary>
    public static IReadOnlyList<string> Problems(ArmExpression appSettings)
    {
        var problems = new List<string>();
        foreach (var (name, value) in Settings(appSettings))
        {
            var nodes = value.DescendantsAndSelf().ToList();
            if (nodes.OfType<ArmCall>().FirstOrDefault(c => c.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase)) is { } list)
            {
                problems.Add($"{name} is read with {list.Name}(), which returns keys or secrets");
            }

            if (nodes.OfType<ArmLiteral>().Any(l => SecretTextPattern().IsMatch(l.Value)))
            {
                problems.Add($"{name} holds an account key, SAS or password in its text");
            }

            if (SecretNamePattern().IsMatch(name) && name != AppInsightsConnectionString && !IsKeyVaultReference(value))
            {
                problems.Add($"{name} looks like a secret but is not a Key Vault reference");
            }
        }

        return problems;
    }

    private static bool IsKeyVaultReference(ArmExpression value) => value switch
    {
        ArmLiteral literal => literal.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal),
        ArmCall { Name: "format", Arguments: [ArmLiteral template, ..] } => template.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal),
        _ => false,
    };

    [GeneratedRegex("password|secret|pwd|accountkey|apikey|sharedaccess|connectionstring|connection_string|sas(token)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("AccountKey=|SharedAccessSignature=|SharedAccessKey=|Password=|sig=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretTextPattern();
}
