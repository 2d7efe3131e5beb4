using System.Text.Json.Nodes;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Templates;

/// <summary>
/// What the compiled template (deploymentTemplates/azuredeploy.json, proven fresh by BicepCompileTests) deploys:
/// HTTPS and TLS 1.2, no shared keys, no public blobs, RBAC-only Key Vault, least-privilege roles, no secrets in app settings.
/// </summary>
public sealed class TemplateSecurityTests
{
    private static readonly string TemplatePath = RepoRoot.Combine("deploymentTemplates", "azuredeploy.json");
    private readonly ArmTemplate _template = ArmTemplate.Load(TemplatePath);

    // Built-in role definition ids.
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string KeyVaultCryptoUser = "12338af0-0e69-4776-bea7-57ae8d297424";

    private static readonly string[] BroadRoles =
    [
        "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
        "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", // User Access Administrator
        "00482a5a-887f-4fb3-b363-3b7fe8e74483", // Key Vault Administrator
        "17d1049b-9a84-4c89-8e58-3f2a3c8bb6a9", // Storage Account Contributor
        "81a9662b-bebf-436f-a333-f67b29880f12", // Storage Account Key Operator Service Role
    ];

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_over_https_only_with_tls_1_2()
    {
        var site = Single("Microsoft.Web/sites")["properties"]!;
        var config = site["siteConfig"]!;

        Assert.True((bool?)site["httpsOnly"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.False((bool?)site["clientAffinityEnabled"]);
        Assert.True((bool?)Single("Microsoft.Web/serverfarms")["properties"]!["reserved"]);
        Assert.Equal("UserAssigned", (string?)Single("Microsoft.Web/sites")["identity"]!["type"]);
        Assert.All(_template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.False((bool?)p["properties"]!["allow"]));
    }

    [Fact]
    public void No_http_access_logs_with_client_addresses_are_collected()
    {
        var categories = Single("Microsoft.Insights/diagnosticSettings")["properties"]!["logs"]!.AsArray()
            .Select(l => (string?)l!["category"]).ToList();

        Assert.Contains("AppServiceConsoleLogs", categories);
        Assert.DoesNotContain("AppServiceHTTPLogs", categories);
        Assert.DoesNotContain(_template.AllResources(), r => r["properties"]?["logs"]?.AsArray().Any(l => l?["categoryGroup"] is not null) == true);
        Assert.False((bool?)Single("Microsoft.Insights/components")["properties"]!["DisableIpMasking"]);
    }

    [Fact]
    public void Storage_lets_in_only_entra_identities_over_tls_1_2()
    {
        var storage = Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool?)storage["allowSharedKeyAccess"]);
        Assert.False((bool?)storage["allowBlobPublicAccess"]);
        Assert.True((bool?)storage["supportsHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
    }

    [Fact]
    public void Every_table_the_app_uses_is_created()
    {
        var tableNames = _template.Root["parameters"]!["tableNames"]!["defaultValue"]!.AsArray().Select(t => (string?)t);

        Assert.Equal(["Concerns", "Conversations", "Index", "Outbox", "Teams", "Settings", "ReplyRoutes"], tableNames);
        var tables = Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        Assert.Equal("[length(parameters('tableNames'))]", (string?)tables["copy"]!["count"]);
    }

    [Fact]
    public void The_key_vault_uses_rbac_and_cannot_lose_the_key_ring()
    {
        var vault = Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool?)vault["enableRbacAuthorization"]);
        Assert.True((bool?)vault["enableSoftDelete"]);
        Assert.True((bool?)vault["enablePurgeProtection"]);
    }

    [Fact]
    public void The_identity_gets_only_the_data_roles_it_needs()
    {
        var assignments = _template.ResourcesOfType("Microsoft.Authorization/roleAssignments");
        var text = File.ReadAllText(TemplatePath);

        Assert.Equal(4, assignments.Count);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
        Assert.All([StorageTableDataContributor, StorageBlobDataContributor, KeyVaultSecretsOfficer, KeyVaultCryptoUser], role => Assert.Contains(role, text, StringComparison.OrdinalIgnoreCase));
        Assert.All(BroadRoles, role => Assert.DoesNotContain(role, text, StringComparison.OrdinalIgnoreCase));
        Assert.All(assignments, a => Assert.NotNull(a["scope"])); // scoped to a resource, never the resource group
    }

    [Fact]
    public void The_evidence_container_is_private_and_the_identity_may_use_only_it()
    {
        var container = Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        // The blob role's only assignment is scoped to the container (the role id itself is in the module's variables).
        var blobRole = Assert.Single(_template.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            a => ((string?)a["scope"])!.Contains("blobServices/containers", StringComparison.Ordinal));
        Assert.Contains("storageBlobDataContributor", (string?)blobRole["properties"]!["roleDefinitionId"], StringComparison.Ordinal);

        var settings = AppSettingsAudit.Settings(AppSettingsExpression()).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(new ArmLiteral("AzureBlobs"), settings["Storage__Evidence__Provider"]);
        Assert.True(settings.ContainsKey("Storage__Evidence__AccountUrl"));
    }

    [Fact]
    public void The_bot_is_registered_with_the_teams_channel_and_a_managed_identity_by_default()
    {
        var appType = _template.Root["parameters"]!["appType"]!;
        Assert.Equal("UserAssignedMSI", (string?)appType["defaultValue"]);
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], appType["allowedValues"]!.AsArray().Select(v => (string?)v));

        var channel = Single("Microsoft.BotService/botServices/channels")["properties"]!;
        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);
        Assert.True((bool?)channel["properties"]!["isEnabled"]);
    }

    [Fact]
    public void The_outputs_give_the_messaging_endpoint_web_app_and_bot_app_id()
    {
        var outputs = _template.Root["outputs"]!.AsObject();

        Assert.Contains("/api/messages", (string?)outputs["messagingEndpoint"]!["value"], StringComparison.Ordinal);
        Assert.StartsWith("[format('https://{0}/api/messages'", (string?)outputs["messagingEndpoint"]!["value"], StringComparison.Ordinal);
        Assert.True(outputs.ContainsKey("webAppName"));
        Assert.True(outputs.ContainsKey("botAppId"));
    }

    [Fact]
    public void The_app_settings_name_the_identity_storage_and_key_vault_and_hold_no_secret()
    {
        var expression = AppSettingsExpression();
        var settings = AppSettingsAudit.Settings(expression).ToDictionary(s => s.Name, s => s.Value);

        Assert.Empty(AppSettingsAudit.Problems(expression));
        foreach (var name in new[]
                 {
                     "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "AZURE_CLIENT_ID", "Storage__Provider",
                     "Storage__AzureTables__AccountUrl", "DataProtection__KeyVaultUri", "APPLICATIONINSIGHTS_CONNECTION_STRING",
                 })
        {
            Assert.True(settings.ContainsKey(name), $"The web app has no {name} setting.");
        }

        Assert.Equal(new ArmLiteral("AzureTables"), settings["Storage__Provider"]);
        Assert.Equal("{}", _template.Root["parameters"]!["additionalAppSettings"]!["defaultValue"]!.ToJsonString());
        Assert.DoesNotContain(_template.Root["parameters"]!.AsObject(), p => ((string?)p.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_app_settings_check_catches_secrets()
    {
        var leaky = ArmExpression.Parse(
            "[union(parameters('more'), createObject('MicrosoftAppPassword', 'not-in-the-vault', " +
            "'Storage__AzureTables__ConnectionString', format('DefaultEndpointsProtocol=https;AccountName={0};AccountKey={1}', 'x', " +
            "listKeys(resourceId('Microsoft.Storage/storageAccounts', 'x'), '2023-05-01').keys[0].value)))]");

        var problems = AppSettingsAudit.Problems(leaky);

        Assert.Contains(problems, p => p.StartsWith("MicrosoftAppPassword looks like a secret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage__AzureTables__ConnectionString is read with listKeys()", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage__AzureTables__ConnectionString holds an account key", StringComparison.Ordinal));
    }

    [Fact]
    public void No_part_of_the_template_reads_keys_or_secrets()
    {
        var expressions = AllStrings(_template.Root).Where(s => s.StartsWith('[')).Select(ArmExpression.Parse);

        var listCalls = expressions.SelectMany(e => e.DescendantsAndSelf()).OfType<ArmCall>()
            .Where(c => c.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase)).Select(c => c.Name);

        Assert.Empty(listCalls);
        Assert.DoesNotContain("AccountKey", File.ReadAllText(TemplatePath), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_parameters_example_sets_only_parameters_the_template_has()
    {
        var example = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("deploymentTemplates", "main.parameters.example.json")))!["parameters"]!.AsObject();
        var parameters = _template.Root["parameters"]!.AsObject();

        Assert.All(example, p => Assert.True(parameters.ContainsKey(p.Key), $"main.parameters.example.json sets {p.Key}, which main.bicep does not have."));
        Assert.Equal("UserAssignedMSI", (string?)example["appType"]!["value"]);
    }

    private ArmExpression AppSettingsExpression() =>
        ArmExpression.Parse((string)_template.Module("webApp")["properties"]!["parameters"]!["appSettings"]!["value"]!);

    private JsonObject Single(string type) => Assert.Single(_template.ResourcesOfType(type));

    private static IEnumerable<string> AllStrings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => AllStrings(p.Value)),
        JsonArray a => a.SelectMany(AllStrings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
