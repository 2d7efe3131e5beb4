using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ConcernBot.Anonymity.KeyVault;

/// <summary>
/// Keeps the Data Protection key ring as Key Vault secrets, one per key ("dataprotection-key-{id}"), so every instance
/// shares it and nothing that can read the store or the app's disk holds the keys.
/// </summary>
public sealed partial class KeyVaultSecretsXmlRepository(KeyVaultClient vault, string secretPrefix = KeyVaultSecretsXmlRepository.DefaultPrefix) : IXmlRepository
{
    public const string DefaultPrefix = "dataprotection-";
    public const string ContentType = "application/xml; dataprotection-key";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        vault.ListSecretNames(secretPrefix)
            .Select(vault.GetSecret)
            .OfType<string>()
            .Select(XElement.Parse)
            .ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = secretPrefix + NotAllowed().Replace(string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString() : friendlyName, "-");
        vault.SetSecret(name[..Math.Min(name.Length, 127)], element.ToString(SaveOptions.DisableFormatting), ContentType);
    }

    [GeneratedRegex("[^0-9A-Za-z-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
