using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ConcernBot.Anonymity.KeyVault;

/// <summary>
/// Encrypts each Data Protection key at rest with a fresh AES-256-GCM content key, and that content key with the Key Vault
/// RSA key (wrapKey, RSA-OAEP-256). The RSA private key never leaves Key Vault.
/// </summary>
public sealed class KeyVaultXmlEncryptor(KeyVaultClient vault, string keyName) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "https://concernbot/dataprotection/keyvault";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(contentKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        var (keyId, wrapped) = vault.WrapKey(keyName, contentKey);
        CryptographicOperations.ZeroMemory(contentKey);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            Ns + "encryptedKey",
            new XComment(" This key is encrypted with a Key Vault key. "),
            new XElement(Ns + "kid", keyId),
            new XElement(Ns + "key", Convert.ToBase64String(wrapped)),
            new XElement(Ns + "nonce", Convert.ToBase64String(nonce)),
            new XElement(Ns + "tag", Convert.ToBase64String(tag)),
            new XElement(Ns + "value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyVaultXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="KeyVaultXmlEncryptor"/> wrote (created by Data Protection with the app's services).</summary>
public sealed class KeyVaultXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var ns = KeyVaultXmlEncryptor.Ns;
        string Part(string name) => encryptedElement.Element(ns + name)?.Value ?? throw new CryptographicException($"The encrypted key has no {name}.");

        var vault = services.GetRequiredService<KeyVaultClient>();
        var contentKey = vault.UnwrapKey(Part("kid"), Convert.FromBase64String(Part("key")));
        var ciphertext = Convert.FromBase64String(Part("value"));
        var plaintext = new byte[ciphertext.Length];
        var tag = Convert.FromBase64String(Part("tag"));
        using (var aes = new AesGcm(contentKey, tag.Length))
        {
            aes.Decrypt(Convert.FromBase64String(Part("nonce")), ciphertext, tag, plaintext);
        }

        CryptographicOperations.ZeroMemory(contentKey);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
