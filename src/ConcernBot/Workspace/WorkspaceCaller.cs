namespace ConcernBot.Workspace;

/// <summary>
/// Who is using the workspace: their Entra object id and tenant from a validated tab token, or a lead picked on the
/// local sign-in page (Development on loopback only; no tenant, so the concerns of every organisation this bot serves).
/// </summary>
public sealed record WorkspaceCaller(string ObjectId, string? TenantId, string? Name, bool SignedInLocally)
{
    /// <summary>Whether a concern of this organisation may be shown to this caller at all (before the leads' rule).</summary>
    public bool BelongsTo(string organisationId) =>
        TenantId is null || string.Equals(TenantId, organisationId, StringComparison.OrdinalIgnoreCase);
}
