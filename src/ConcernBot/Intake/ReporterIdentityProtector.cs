using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Intake;

/// <summary>
/// A confidential reporter's identity, encrypted with ASP.NET Core Data Protection (the key ring lives outside the store:
/// a key folder in development, Key Vault in production). Only the designated leads' view opens it.
/// </summary>
public sealed class ReporterIdentityProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "ConcernBot.ReporterIdentity";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(ProtectedReporter reporter) => _protector.Protect(JsonSerializer.Serialize(reporter));

    public ProtectedReporter? Unprotect(string protectedIdentity) => JsonSerializer.Deserialize<ProtectedReporter>(_protector.Unprotect(protectedIdentity));
}

/// <summary>Who a confidential reporter is: what the designated lead needs to reach them.</summary>
public sealed record ProtectedReporter(string? DisplayName, string? AadObjectId, string? UserId, string? TenantId);
