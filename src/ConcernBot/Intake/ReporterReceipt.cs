using System.Text.Json;
using System.Text.Json.Serialization;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Intake;

/// <summary>
/// The reporter's receipt as an outbox message, written in the submit's own transaction, so a stored concern always has
/// one: what the card needs beyond the concern (the secret word of an anonymous or confidential reporter, whose hash
/// was stored just before, the short wait, the reader's language) travels sealed with the key ring. The turn delivers it at once; if it cannot (the
/// channel is down, the process stopped), the dispatcher takes it over after a grace period and retries until the chat
/// has it. Once delivered its payload is erased, and with it the only copy of the secret word.
/// </summary>
internal sealed class ReporterReceipt(IDataProtectionProvider dataProtection)
{
    public const string Kind = "reporter.receipt";
    public const string Purpose = "ConcernBot.Receipt";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public static string MessageIdFor(string concernId) => concernId + ":receipt";

    public OutboxMessage Create(string concernId, ReceiptDetails details, DateTimeOffset createdAt, DateTimeOffset takeOverAt) => new()
    {
        Id = MessageIdFor(concernId),
        Kind = Kind,
        ConcernId = concernId,
        Payload = JsonSerializer.Serialize(
            new ReceiptPayload(concernId, _protector.Protect(JsonSerializer.Serialize(details, ReceiptJson.Default.ReceiptDetails))),
            ReceiptJson.Default.ReceiptPayload),
        CreatedAt = createdAt,
        NotBefore = takeOverAt,
    };

    /// <summary>What the sealed part holds; null when this key ring cannot open it (or the payload was erased).</summary>
    public ReceiptDetails? Open(OutboxMessage message)
    {
        try
        {
            var payload = JsonSerializer.Deserialize(message.Payload, ReceiptJson.Default.ReceiptPayload);
            return payload?.Sealed is { Length: > 0 } sealedDetails
                ? JsonSerializer.Deserialize(_protector.Unprotect(sealedDetails), ReceiptJson.Default.ReceiptDetails)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What the receipt card needs that the concern does not hold.</summary>
/// <param name="Secret">The secret word (anonymous and confidential reporters), or null.</param>
/// <param name="Delayed">The leads' card waits a few minutes so its arrival cannot point to the reporter.</param>
/// <param name="Culture">The language the reporter was reading.</param>
/// <param name="Simple">Raised on the simple-language path (the receipt uses its words); absent in older payloads.</param>
internal sealed record ReceiptDetails(string? Secret, bool Delayed, string Culture, bool Simple = false);

internal sealed record ReceiptPayload(string ConcernId, string Sealed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReceiptDetails))]
[JsonSerializable(typeof(ReceiptPayload))]
internal sealed partial class ReceiptJson : JsonSerializerContext;
