namespace ConcernBot.Workspace;

/// <summary>Audit action codes of the leads' workspace (shown through the Audit_* resources in Leads.resx).</summary>
public static class WorkspaceAudit
{
    public const string CaseViewed = "workspace.case.viewed";

    /// <summary>A lead opened (previewed or downloaded) one of the concern's evidence files.</summary>
    public const string EvidenceOpened = "workspace.evidence.opened";

    /// <summary>The verb recorded with a refusal to open a file.</summary>
    public const string EvidenceVerb = "workspace.evidence";

    /// <summary>The verb recorded with a refusal (LeadsAudit.Refused), like the card's.</summary>
    public const string ViewVerb = "workspace.view";
}
