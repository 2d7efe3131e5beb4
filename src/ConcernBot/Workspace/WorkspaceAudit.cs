namespace ConcernBot.Workspace;

/// <summary>Audit action codes of the leads' workspace (shown through the Audit_* resources in Leads.resx).</summary>
public static class WorkspaceAudit
{
    public const string CaseViewed = "workspace.case.viewed";

    /// <summary>The verb recorded with a refusal (LeadsAudit.Refused), like the card's.</summary>
    public const string ViewVerb = "workspace.view";
}
