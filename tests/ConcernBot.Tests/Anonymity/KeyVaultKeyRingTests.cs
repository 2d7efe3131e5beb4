using System.Security.Cryptography;
using ConcernBot.Anonymity.KeyVault;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// The production key ring: kept as Key Vault secrets, each key wrapped with the vault's RSA key, shared by every
/// instance. Tested against a loopback fake of the Key Vault REST API (the real one cannot run here).
/// </summary>
public sealed class KeyVaultKeyRingTests
{
    [Fact]
    public async Task The_key_ring_lives_in_Key_Vault_wrapped_and_a_second_instance_opens_what_the_first_sealed()
    {
        await using var vault = await LoopbackKeyVault.StartAsync("dataprotection");
        var credential = new FakeVaultCredential();

        string sealedText;
        using (var first = Services(vault.Uri, credential))
        {
            sealedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConcernBot.ReplyRoute").Protect("the way back to a chat");
        }

        var secret = Assert.Single(vault.SecretValues);
        Assert.StartsWith("dataprotection-key-", secret.Key, StringComparison.Ordinal);
        Assert.Contains("encryptedSecret", secret.Value, StringComparison.Ordinal);
        Assert.Contains(nameof(KeyVaultXmlDecryptor), secret.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", secret.Value, StringComparison.Ordinal);
        Assert.Contains(vault.Requests, r => r == "POST /keys/dataprotection/wrapkey");
        Assert.True(credential.Requests > 0);

        using (var second = Services(vault.Uri, credential))
        {
            Assert.Equal("the way back to a chat", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConcernBot.ReplyRoute").Unprotect(sealedText));
        }

        Assert.Contains(vault.Requests, r => r == "POST /keys/dataprotection/v1/unwrapkey");
        Assert.Single(vault.SecretNames);
    }

    [Fact]
    public async Task A_different_vault_cannot_open_it()
    {
        await using var vault = await LoopbackKeyVault.StartAsync("dataprotection");
        await using var otherVault = await LoopbackKeyVault.StartAsync("dataprotection");
        var credential = new FakeVaultCredential();
        using var first = Services(vault.Uri, credential);
        using var other = Services(otherVault.Uri, credential);

        var sealedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConcernBot.ReplyRoute").Protect("the way back to a chat");

        Assert.ThrowsAny<CryptographicException>(() => other.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConcernBot.ReplyRoute").Unprotect(sealedText));
    }

    [Fact]
    public async Task The_repository_reads_every_page_of_secrets_and_only_its_own()
    {
        await using var vault = await LoopbackKeyVault.StartAsync();
        using var http = new HttpClient();
        var client = new KeyVaultClient(http, new FakeVaultCredential(), vault.Uri);
        client.SetSecret("unrelated-secret", "<not-a-key />", "text/plain");
        var repository = new KeyVaultSecretsXmlRepository(client);
        for (var i = 0; i < 5; i++)
        {
            repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("n", i)), $"key-{i}");
        }

        var elements = repository.GetAllElements();

        Assert.Equal(5, elements.Count);
        Assert.All(elements, e => Assert.Equal("key", e.Name.LocalName));
        Assert.True(vault.Requests.Count(r => r == "GET /secrets") >= 3, "The listing comes in pages of two and each must be read.");
    }

    [Fact]
    public async Task A_request_without_the_right_token_is_refused_and_says_so()
    {
        await using var vault = await LoopbackKeyVault.StartAsync();
        using var http = new HttpClient();
        var client = new KeyVaultClient(http, new WrongCredential(), vault.Uri);

        var refused = Assert.Throws<KeyVaultException>(() => client.SetSecret("dataprotection-key-x", "<key />", "application/xml"));
        Assert.Equal(401, refused.Status);
    }

    private static ServiceProvider Services(Uri vaultUri, Azure.Core.TokenCredential credential)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyVaultUri"] = vaultUri.ToString(),
            ["DataProtection:KeyName"] = "dataprotection",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(credential);
        services.AddConcernDataProtection(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Production" });
        return services.BuildServiceProvider();
    }

    private sealed class WrongCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => new("not-the-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
