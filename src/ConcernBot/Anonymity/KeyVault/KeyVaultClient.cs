using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;

namespace ConcernBot.Anonymity.KeyVault;

/// <summary>
/// The few Key Vault REST operations the Data Protection key ring needs (api-version 7.4): secrets to hold the key ring's
/// XML, and wrapKey/unwrapKey with an RSA key to encrypt it. Synchronous on purpose: Data Protection's key ring interfaces
/// are synchronous, and HttpClient.Send is a real synchronous call, not a blocked task.
/// </summary>
public sealed class KeyVaultClient(HttpClient http, TokenCredential credential, Uri vaultUri)
{
    public const string ApiVersion = "7.4";
    public const string Scope = "https://vault.azure.net/.default";
    public const string WrapAlgorithm = "RSA-OAEP-256";

    private readonly Uri _vault = new(vaultUri.GetLeftPart(UriPartial.Authority) + "/");

    public Uri VaultUri => _vault;

    /// <summary>The names of the vault's secrets starting with <paramref name="prefix"/> (every page).</summary>
    public IReadOnlyList<string> ListSecretNames(string prefix)
    {
        var names = new List<string>();
        Uri? next = Url("secrets", "maxresults=25");
        while (next is not null)
        {
            var page = Send<SecretListPage>(HttpMethod.Get, next, null);
            foreach (var item in page?.Value ?? [])
            {
                var name = item.Id is null ? null : new Uri(item.Id).Segments.LastOrDefault()?.TrimEnd('/');
                if (name is not null && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }
            }

            next = string.IsNullOrEmpty(page?.NextLink) ? null : SameVault(new Uri(page.NextLink));
        }

        return names;
    }

    public string? GetSecret(string name) => Send<SecretBundle>(HttpMethod.Get, Url($"secrets/{Uri.EscapeDataString(name)}"), null)?.Value;

    public void SetSecret(string name, string value, string contentType) =>
        Send<SecretBundle>(HttpMethod.Put, Url($"secrets/{Uri.EscapeDataString(name)}"), new SecretBundle { Value = value, ContentType = contentType });

    /// <summary>Wraps a content key with the vault key; returns the key's versioned id and the wrapped bytes.</summary>
    public (string KeyId, byte[] Wrapped) WrapKey(string keyName, byte[] key)
    {
        var result = Send<KeyOperation>(HttpMethod.Post, Url($"keys/{Uri.EscapeDataString(keyName)}/wrapkey"), new KeyOperation { Algorithm = WrapAlgorithm, Value = Base64Url.Encode(key) })
            ?? throw new InvalidOperationException("Key Vault returned no wrapped key.");
        return (result.KeyId ?? throw new InvalidOperationException("Key Vault returned no key id."), Base64Url.Decode(result.Value ?? ""));
    }

    public byte[] UnwrapKey(string keyId, byte[] wrapped)
    {
        var keyUrl = SameVault(new Uri(keyId));
        var url = new Uri($"{keyUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}/unwrapkey?api-version={ApiVersion}");
        var result = Send<KeyOperation>(HttpMethod.Post, url, new KeyOperation { Algorithm = WrapAlgorithm, Value = Base64Url.Encode(wrapped) })
            ?? throw new InvalidOperationException("Key Vault returned no key.");
        return Base64Url.Decode(result.Value ?? "");
    }

    private Uri Url(string path, string? query = null) => new(_vault, $"{path}?api-version={ApiVersion}{(query is null ? "" : "&" + query)}");

    /// <summary>Never follow a link (nextLink, a key id) to another host: the token is for this vault only.</summary>
    private Uri SameVault(Uri url) =>
        string.Equals(url.GetLeftPart(UriPartial.Authority), _vault.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            ? url
            : throw new InvalidOperationException("Key Vault pointed outside the configured vault.");

    private T? Send<T>(HttpMethod method, Uri url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        var token = credential.GetToken(new TokenRequestContext([Scope]), CancellationToken.None);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new KeyVaultException((int)response.StatusCode);
        }

        using var stream = response.Content.ReadAsStream();
        return JsonSerializer.Deserialize<T>(stream, Json);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record SecretListPage
    {
        public List<SecretItem>? Value { get; init; }
        public string? NextLink { get; init; }
    }

    private sealed record SecretItem
    {
        public string? Id { get; init; }
    }

    private sealed record SecretBundle
    {
        public string? Value { get; init; }
        public string? ContentType { get; init; }
    }

    private sealed record KeyOperation
    {
        [JsonPropertyName("alg")]
        public string? Algorithm { get; init; }

        public string? Value { get; init; }

        [JsonPropertyName("kid")]
        public string? KeyId { get; init; }
    }
}

/// <summary>Key Vault answered with an error status (the status only: the body may name the vault's contents).</summary>
public sealed class KeyVaultException : Exception
{
    public KeyVaultException()
    {
    }

    public KeyVaultException(string message)
        : base(message)
    {
    }

    public KeyVaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyVaultException(int status)
        : base($"Key Vault answered {status}.") => Status = status;

    public int Status { get; }
}

internal static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
