using Azure.Core;
using Azure.Identity;
using ConcernBot.Anonymity.KeyVault;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
    /// </summary>
    public static IServiceCollection AddConcernDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        var vaultUri = configuration["DataProtection:KeyVaultUri"];
        if (string.IsNullOrWhiteSpace(vaultUri))
        {
            var folder = configuration["DataProtection:KeyFolder"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(".data", "keys");
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder)));
            return services;
        }

        var keyName = configuration["DataProtection:KeyName"];
        var prefix = configuration["DataProtection:SecretPrefix"] is { Length: > 0 } p ? p : KeyVaultSecretsXmlRepository.DefaultPrefix;
        services.AddHttpClient(nameof(KeyVaultClient));
        services.AddSingleton(sp => new KeyVaultClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KeyVaultClient)),
            sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(),
            new Uri(vaultUri)));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            var vault = sp.GetRequiredService<KeyVaultClient>();
            options.XmlRepository = new KeyVaultSecretsXmlRepository(vault, prefix);
            if (!string.IsNullOrWhiteSpace(keyName))
            {
                options.XmlEncryptor = new KeyVaultXmlEncryptor(vault, keyName);
            }
        }));
        return services;
    }
}
