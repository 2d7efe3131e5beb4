using System.Globalization;
using System.Text.Json;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace ConcernBot.Intake;

/// <summary>
/// Turns a finished draft into a stored concern: one concern, its first audit entry, the reporter's receipt and the
/// "concern.submitted" outbox message for the leads, all or nothing. The concern's id comes from the draft's, so a
/// repeated submit stores nothing new.
/// </summary>
internal sealed class IntakeSubmission(
    IConcernStore concerns, ReporterIdentityProtector protector, ReporterContacts contacts, ReporterReceipt receipts, IntakeSettings settings, IOptions<OutboxDispatcherOptions> outbox,
    Evidence.EvidenceLocker evidence, TimeProvider time)
{
    public const string SubmittedKind = "concern.submitted";
    public const string ReceivedAction = "Concern received";
    public const string ConfidentialActor = "Confidential reporter";
    public const string AnonymousActor = "Anonymous reporter";
    public const string NamedActorWithoutName = "Named reporter";

    public static readonly TimeSpan UrgentAcknowledgement = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Acknowledgement = TimeSpan.FromHours(4);

    public static string ConcernIdFor(IntakeDraft draft) => ConcernIdFor(draft.Id);

    public static string ConcernIdFor(string draftId) => "concern-" + draftId;

    /// <summary>
    /// Stores the concern; <see cref="Submitted.Stored"/> is false when it was stored already (a repeated submit). A
    /// reference another concern already holds (rare: about 387 million are possible) is drawn again, and the draft keeps
    /// the new one. The reporter gets a sealed reply route (every choice) and a receipt in the outbox, which holds, sealed,
    /// the secret word of an anonymous or confidential reporter: the turn delivers it (<see cref="Submitted.ReceiptId"/>).
    /// </summary>
    public async Task<Submitted> SubmitAsync(IntakeDraft draft, Activity activity, TurnFacts facts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(draft, activity, facts, cancellationToken);
            }
            catch (DuplicateReferenceException) when (attempt < 5)
            {
                draft.Reference = ConcernReference.New();
            }
        }
    }

    private async Task<Submitted> StoreAsync(IntakeDraft draft, Activity activity, TurnFacts facts, CancellationToken cancellationToken)
    {
        var identity = draft.Identity ?? IdentityChoice.Anonymous;
        if (await concerns.GetAsync(ConcernIdFor(draft), cancellationToken) is { } sent)
        {
            // Submitted before (the state save or the replies were cut off): nothing new, the same answer.
            return new Submitted(false, sent.Value.Reference, ReporterReceipt.MessageIdFor(sent.Value.Id));
        }

        // Files added while the reporter was named keep no name of theirs once they choose not to be (before the concern exists).
        if (identity != IdentityChoice.Named && draft.FilesKept > 0)
        {
            await evidence.ForgetNamesAsync(ConcernIdFor(draft), cancellationToken);
        }

        // The secret word's hash is stored first, under the reference: a reference that already has one is taken (by
        // another concern, or by this draft's own try that never stored its concern), so another is drawn.
        string? secret;
        try
        {
            secret = await contacts.IssueSecretAsync(identity, draft.Reference, draft.SignedIn, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new DuplicateReferenceException();
        }

        var now = time.GetUtcNow();
        var receivedAt = identity == IdentityChoice.Anonymous ? AnonymousTiming.RoundToMinute(now) : now;
        // The route remembers the language the person was answered in (the one they chose, or their client's).
        var chat = ConversationReference.FromActivity(activity, facts.OrganisationId) is { } here ? here with { Locale = CultureInfo.CurrentUICulture.Name } : null;
        var token = chat is null ? null : await contacts.OpenRouteAsync(chat, ConcernIdFor(draft), draft.Reference, cancellationToken);
        var concern = Build(draft, activity, facts, identity, receivedAt);
        concern = concern with
        {
            Reporter = concern.Reporter with { ReplyRouteToken = token },
            ReporterReference = identity == IdentityChoice.Anonymous ? null : await contacts.ReporterReferenceAsync(concern.OrganisationId, facts.PersonKey, cancellationToken),
        };
        var entry = new AuditEntry
        {
            Actor = identity switch
            {
                IdentityChoice.Named => NameOf(draft, activity) is { Length: > 0 } name ? name : NamedActorWithoutName,
                IdentityChoice.Confidential => ConfidentialActor,
                _ => AnonymousActor,
            },
            At = receivedAt,
            Action = ReceivedAction,
            Detail = $"track={draft.Track.ToString().ToLowerInvariant()};urgent={(concern.Urgent ? "yes" : "no")}",
        };
        var leadsCard = new OutboxMessage
        {
            Id = concern.Id + ":submitted",
            Kind = SubmittedKind,
            ConcernId = concern.Id,
            Payload = JsonSerializer.Serialize(new { concernId = concern.Id }),
            CreatedAt = receivedAt,
            NotBefore = AnonymousTiming.LeadsCardNotBefore(identity, concern.Urgent, receivedAt),
        };
        var delayed = AnonymousTiming.IsDelayed(identity, concern.Urgent);
        var receipt = receipts.Create(
            concern.Id, new ReceiptDetails(secret, delayed, CultureInfo.CurrentUICulture.Name, draft.Track == IntakeTrack.Simple), receivedAt, now + outbox.Value.TurnDeliveryGrace);
        var stored = false;
        try
        {
            stored = await concerns.CreateAsync(concern, entry, [receipt, leadsCard], cancellationToken);
        }
        catch (DuplicateReferenceException) when (secret is not null)
        {
            // The reference is another concern's: the secret word just stored must not open it.
            await contacts.ForgetSecretAsync(concern.Reference, cancellationToken);
            throw;
        }
        finally
        {
            if (!stored && chat is not null && token is not null)
            {
                await contacts.DiscardRouteAsync(chat, concern.Id, token, cancellationToken);
            }
        }

        // Stored meanwhile by another try of the same submit: the reference is the stored concern's.
        var reference = stored ? concern.Reference : (await concerns.GetAsync(concern.Id, cancellationToken))?.Value.Reference ?? concern.Reference;
        if (!stored && secret is not null && reference != concern.Reference)
        {
            await contacts.ForgetSecretAsync(concern.Reference, cancellationToken);
        }

        return new Submitted(stored, reference, receipt.Id);
    }

    private Concern Build(IntakeDraft d, Activity activity, TurnFacts facts, IdentityChoice identity, DateTimeOffset receivedAt)
    {
        var tenantId = facts.OrganisationId;
        var organisationId = OrganisationOf(facts);
        return new Concern
        {
            Id = ConcernIdFor(d),
            Reference = d.Reference,
            OrganisationId = organisationId,
            ServiceId = settings.ServiceFor(d),
            ReceivedAt = receivedAt,
            Urgent = d.Urgent,
            ImmediateDanger = d.ImmediateDanger == true,
            Reporter = Reporter(d, identity, activity, tenantId),
            ReporterRole = d.Role ?? ReporterRole.PreferNotToSay,
            PersonAtRisk = new PersonAtRisk { Kind = d.AtRisk ?? PersonAtRiskKind.NotKnown, Description = d.AtRiskDescription, ChildServicesStatus = d.ChildStatus },
            Account = new IncidentAccount
            {
                WhatHappened = d.WhatHappened ?? "",
                WhenDate = d.WhenDate,
                WhenDescription = d.WhenDescription,
                Where = d.Where,
                StillHappening = d.StillHappening ?? Answer.DontKnow,
            },
            HarmKinds = d.HarmKinds.Count == 0 ? [HarmKind.NotSure] : d.HarmKinds.ToList(),
            Subject = SubjectOf(d),
            DesiredOutcomes = new DesiredOutcomes
            {
                PersonKnowsConcernRaised = d.AboutReporter ? Answer.Yes : d.PersonKnows ?? Answer.DontKnow,
                WhatPersonWants = d.WhatPersonWants,
                WhatReporterWants = d.WhatReporterWants,
                WhoPersonWantsInvolved = d.WhoInvolved,
                Recorded = d.OutcomesAsked ?? DesiredOutcomesRecorded.DontKnow,
            },
            InformationSharing = new InformationSharing { Consent = d.Consent ?? ConsentToShare.NotAsked, ReasonWithoutConsent = d.ReasonWithoutConsent },
            ActionsAlreadyTaken = d.ActionsTaken,
            EvidenceCount = d.FilesKept,
            NextDeadline = receivedAt + (d.Urgent ? UrgentAcknowledgement : Acknowledgement),
        };
    }

    /// <summary>Who the concern is about; a lead named or typed is matched to the one list of leads, so it is kept from them.</summary>
    private ConcernSubject SubjectOf(IntakeDraft d)
    {
        var kind = d.Subject ?? SubjectKind.DontKnow;
        var lead = kind == SubjectKind.SafeguardingLead ? settings.Directory.MatchLead(settings.ServiceFor(d), d.SubjectLeadName) : null;
        return new ConcernSubject
        {
            Kind = kind,
            LeadName = kind == SubjectKind.SafeguardingLead ? lead?.Name ?? d.SubjectLeadName : null,
            LeadAadObjectId = lead is { HasObjectId: true } ? lead.ObjectId : null,
        };
    }

    /// <summary>The organisation a concern belongs to, as the channel tells it (Teams: the tenant); "local" in the Playground without one.</summary>
    public static string OrganisationOf(TurnFacts facts) => facts.OrganisationId is { Length: > 0 } organisation ? organisation : "local";

    /// <summary>Signed in: the name the channel gives. On a public page: only the name the person typed.</summary>
    private static string? NameOf(IntakeDraft draft, Activity activity) => draft.SignedIn ? activity.From?.Name : draft.GivenName;

    private ReporterIdentity Reporter(IntakeDraft draft, IdentityChoice identity, Activity activity, string? tenantId) => identity switch
    {
        IdentityChoice.Named when !draft.SignedIn => new ReporterIdentity { Choice = identity, DisplayName = draft.GivenName, GivenContact = draft.GivenContact },
        IdentityChoice.Named => new ReporterIdentity { Choice = identity, DisplayName = activity.From?.Name, AadObjectId = activity.From?.AadObjectId },
        IdentityChoice.Confidential => new ReporterIdentity
        {
            Choice = identity,
            ProtectedIdentity = protector.Protect(new ProtectedReporter(activity.From?.Name, activity.From?.AadObjectId, activity.From?.Id, tenantId)),
        },
        // The only way back is the sealed reply route, added by StoreAsync.
        _ => ReporterIdentity.Anonymous(null),
    };
}

/// <summary>What submit did: whether the concern was stored now (false: it was already), its reference, and its receipt's outbox id.</summary>
internal sealed record Submitted(bool Stored, string Reference, string ReceiptId);
