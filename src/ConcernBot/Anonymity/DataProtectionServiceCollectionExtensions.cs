using Azure.Core;
using Azure.Identity;
using ConcernBot.Anonymity.KeyVault;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

// In the root namespace (like Microsoft's Add* extensions), so Program calls it without a using.
namespace ConcernBot;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>Fixed, so every instance (and every restart) opens what another one sealed.</summary>
    public const string ApplicationName = "ConcernBot";

    /// <summary>
    /// The key ring that seals reply routes and confidential identities, kept out of the store: in Key Vault when
    /// `DataProtection:KeyVaultUri` is set (secrets hold the key ring; `DataProtection:KeyName`, an RSA key, wraps it),
    /// otherwise in the folder `DataProtection:KeyFolder` (default `.data/keys` under the content root).
    /// A <see cref="TokenCredential"/> registered in the services is used for Key Vault; otherwise the managed identity
    /// (DefaultAzureCredential, which reads AZURE_CLIENT_ID).
    /// The choice is made from the app's final configuration when the key ring is first used (so settings added later,
    /// e.g. by a test host, count); <paramref name="configuration"/> and <paramref name="environment"/> are the fallback.
    /// </summary>
    public static IServiceCollection AddConcernDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddHttpClient(nameof(KeyVaultClient));
        services.AddSingleton(sp =>
        {
            var config = sp.GetService<IConfiguration>() ?? configuration;
            var vaultUri = config["DataProtection:KeyVaultUri"] is { Length: > 0 } uri ? new Uri(uri) : throw new InvalidOperationException("DataProtection:KeyVaultUri is not set.");
            return new KeyVaultClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KeyVaultClient)),
                sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(),
                vaultUri);
        });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            var config = sp.GetService<IConfiguration>() ?? configuration;
            if (string.IsNullOrWhiteSpace(config["DataProtection:KeyVaultUri"]))
            {
                var contentRoot = (sp.GetService<IHostEnvironment>() ?? environment).ContentRootPath;
                var folder = config["DataProtection:KeyFolder"] is { Length: > 0 } configured ? configured : Path.Combine(".data", "keys");
                options.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.IsPathRooted(folder) ? folder : Path.Combine(contentRoot, folder)),
                    sp.GetRequiredService<ILoggerFactory>());
                return;
            }

            var vault = sp.GetRequiredService<KeyVaultClient>();
            var prefix = config["DataProtection:SecretPrefix"] is { Length: > 0 } p ? p : KeyVaultSecretsXmlRepository.DefaultPrefix;
            options.XmlRepository = new KeyVaultSecretsXmlRepository(vault, prefix);
            if (config["DataProtection:KeyName"] is { Length: > 0 } keyName)
            {
                options.XmlEncryptor = new KeyVaultXmlEncryptor(vault, keyName);
            }
        }));
        return services;
    }
}
