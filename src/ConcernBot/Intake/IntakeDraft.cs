using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConcernBot.Concerns;

namespace ConcernBot.Intake;

/// <summary>
/// A concern being written: every answer so far, and where the person is in the talk. Kept in the conversation state
/// (saved after every step) until it is submitted, cancelled or expires.
/// </summary>
public sealed class IntakeDraft
{
    /// <summary>Random; the concern's id is derived from it, so a replayed submit never makes a second concern.</summary>
    public string Id { get; set; } = "";

    /// <summary>The reference the reporter will be given, chosen when the draft starts so a retried submit gives the same one.</summary>
    public string Reference { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
    public IntakeTrack Track { get; set; } = IntakeTrack.Guided;

    /// <summary>The steps answered, newest last ("back" goes to the last one).</summary>
    public List<string> History { get; set; } = [];

    public bool Paused { get; set; }

    /// <summary>"cancel" or "restart" while the person is asked to confirm.</summary>
    public string? PendingConfirm { get; set; }

    /// <summary>Set while "Did you mean...?" waits for an answer: which step, and the one or two choices offered.</summary>
    public IntakeClarifying? Clarifying { get; set; }

    /// <summary>The section being changed from the review; the talk returns to the review when it is done.</summary>
    public string? ChangingSection { get; set; }

    /// <summary>
    /// Set when an older card's button reopened an answer in the middle of the talk: the question to come back to once
    /// that section is done (the review when null).
    /// </summary>
    public string? ReturnTo { get; set; }

    public bool? ImmediateDanger { get; set; }
    public bool Urgent { get; set; }
    public ReporterRole? Role { get; set; }

    /// <summary>The service or site chosen (settings <c>Leads:Services:&lt;id&gt;</c>); its leads receive the concern.</summary>
    public string? ServiceId { get; set; }

    /// <summary>The chosen service's name, for the review.</summary>
    public string? ServiceName { get; set; }

    public PersonAtRiskKind? AtRisk { get; set; }
    public string? AtRiskDescription { get; set; }
    public ChildServicesStatus? ChildStatus { get; set; }

    public string? WhatHappened { get; set; }
    public DateOnly? WhenDate { get; set; }
    public string? WhenDescription { get; set; }
    public string? Where { get; set; }
    public Answer? StillHappening { get; set; }

    public List<HarmKind> HarmKinds { get; set; } = [];

    public SubjectKind? Subject { get; set; }
    public string? SubjectLeadName { get; set; }

    public Answer? PersonKnows { get; set; }
    public DesiredOutcomesRecorded? OutcomesAsked { get; set; }
    public string? WhatPersonWants { get; set; }
    public string? WhatReporterWants { get; set; }
    public string? WhoInvolved { get; set; }

    public ConsentToShare? Consent { get; set; }
    public string? ReasonWithoutConsent { get; set; }

    public string? ActionsTaken { get; set; }

    /// <summary>How many photos and documents were kept with the concern (the files are in the evidence store).</summary>
    public int FilesKept { get; set; }
    public IdentityChoice? Identity { get; set; }

    /// <summary>
    /// False on a public web page: nobody is signed in, so "named" means the name and contact the person types below,
    /// never anything the channel sends.
    /// </summary>
    public bool SignedIn { get; set; } = true;

    /// <summary>The name a reporter who is not signed in typed to be known by.</summary>
    public string? GivenName { get; set; }

    /// <summary>How that reporter asked to be contacted (a phone number, an email), as they typed it; optional.</summary>
    public string? GivenContact { get; set; }

    /// <summary>True when the concern is about the reporter themselves.</summary>
    [JsonIgnore]
    public bool AboutReporter => AtRisk == PersonAtRiskKind.Reporter;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public JsonObject ToJson() => (JsonObject)JsonSerializer.SerializeToNode(this, Json)!;

    /// <summary>The draft kept in a state's data; null when there is none or it cannot be read (a newer or damaged shape).</summary>
    public static IntakeDraft? From(JsonObject? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            return data.Deserialize<IntakeDraft>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A "Did you mean...?" question: the step it answers and the values of the choices on it, in order.</summary>
public sealed record IntakeClarifying(string Step, List<string> Values);

public enum IntakeTrack
{
    /// <summary>One question at a time, in the everyday words of staff and families.</summary>
    Guided,

    /// <summary>For a person who uses the service: one short question a message, buttons first, no jargon.</summary>
    Simple,

    /// <summary>Staff who know the process: one card with every field.</summary>
    Form,
}
