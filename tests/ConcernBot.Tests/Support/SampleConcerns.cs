using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Support;

/// <summary>Concerns with distinctive made-up words, so a test can tell whether any detail leaked onto a shared card.</summary>
public static class SampleConcerns
{
    /// <summary>Words that may appear only in a lead's own view, never on the channel card.</summary>
    public static readonly string[] DetailWords = ["Quillborne", "Pemberly", "Larkspur", "Rita Reporter", "Zephyrine"];

    public static Concern Create(
        string reference = "SG-7K3-Q9P",
        bool urgent = false,
        ConcernSubject? subject = null,
        PersonAtRiskKind atRisk = PersonAtRiskKind.AdultAtRisk,
        DateTimeOffset? receivedAt = null,
        IdentityChoice identity = IdentityChoice.Named) => new()
    {
        Id = "c-" + reference,
        Reference = reference,
        OrganisationId = People.Tenant,
        ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Urgent = urgent,
        Reporter = identity switch
        {
            IdentityChoice.Named => new ReporterIdentity { Choice = IdentityChoice.Named, DisplayName = People.Rita.Name, AadObjectId = People.Rita.ObjectId },
            IdentityChoice.Anonymous => ReporterIdentity.Anonymous("route-token-1"),
            _ => new ReporterIdentity { Choice = identity, ReplyRouteToken = "route-token-2" },
        },
        ReporterRole = ReporterRole.StaffOrVolunteer,
        PersonAtRisk = new PersonAtRisk { Kind = atRisk, Description = "Mrs Pemberly in room 4" },
        Account = new IncidentAccount { WhatHappened = "I saw Mr Quillborne shout at Mrs Pemberly and take her purse.", Where = "Larkspur lounge", StillHappening = Answer.Yes },
        HarmKinds = [HarmKind.FinancialOrMaterial, HarmKind.PsychologicalOrEmotional],
        Subject = subject ?? new ConcernSubject { Kind = SubjectKind.StaffMember },
        DesiredOutcomes = new DesiredOutcomes { PersonKnowsConcernRaised = Answer.Yes, WhatPersonWants = "To keep Zephyrine, her cat, and feel safe", Recorded = DesiredOutcomesRecorded.AskedAndExpressed },
        InformationSharing = new InformationSharing { Consent = ConsentToShare.Yes },
    };

    /// <summary>Stores the concern as the intake does at submit: with its "concern.submitted" outbox message.</summary>
    public static async Task<Concern> SubmitAsync(TestHost host, Concern concern)
    {
        var now = host.Clock.GetUtcNow();
        await host.Stores.CreateAsync(
            concern,
            new AuditEntry { Actor = "Reporter", At = now, Action = "concern.submitted" },
            [new OutboxMessage { Id = concern.Id + ":submitted", Kind = "concern.submitted", ConcernId = concern.Id, Payload = $"{{\"concernId\":\"{concern.Id}\"}}", CreatedAt = now, NotBefore = now }]);
        return concern;
    }

    public static async Task<Concern> CurrentAsync(TestHost host, Concern concern) => (await host.Stores.GetAsync(concern.Id))!.Value;
}
