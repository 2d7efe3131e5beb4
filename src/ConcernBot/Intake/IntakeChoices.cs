using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>
/// The buttons each question offers, in the reader's language. Each list is made once per language and shared (see
/// <see cref="PerCulture{T}"/>): they hold only the resources' words, never an answer.
/// </summary>
internal static class IntakeChoices
{
    public const string FormValue = "Form";

    public static IReadOnlyList<Choice> YesNoDontKnow() => YesNoDontKnowChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> YesNoDontKnowChoices = new(() =>
        [
            Yes(nameof(Answer.Yes), IntakeText.ChoiceYes, IntakeText.WordsYes),
            No(nameof(Answer.No), IntakeText.ChoiceNo, IntakeText.WordsNo),
            DontKnow(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow),
        ]);

    /// <summary>Is it still happening? Yes, no or I don't know, with the everyday ways of saying each.</summary>
    public static IReadOnlyList<Choice> Ongoing() => OngoingChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> OngoingChoices = new(() =>
        [
            Yes(nameof(Answer.Yes), IntakeText.ChoiceYes, IntakeText.WordsYes, IntakeText.WordsOngoingYes),
            No(nameof(Answer.No), IntakeText.ChoiceNo, IntakeText.WordsNo, IntakeText.WordsOngoingNo),
            DontKnow(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow),
        ]);

    /// <summary>Does the person know? Yes, no or I don't know, with the everyday ways of saying each.</summary>
    public static IReadOnlyList<Choice> PersonKnows() => PersonKnowsChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> PersonKnowsChoices = new(() =>
        [
            Yes(nameof(Answer.Yes), IntakeText.ChoiceYes, IntakeText.WordsYes, IntakeText.WordsKnowsYes),
            No(nameof(Answer.No), IntakeText.ChoiceNo, IntakeText.WordsNo, IntakeText.WordsKnowsNo),
            DontKnow(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow),
        ]);

    public static IReadOnlyList<Choice> Danger() => DangerChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> DangerChoices = new(() =>
        [
            Yes(nameof(Answer.Yes), IntakeText.DangerYes, IntakeText.WordsYes, IntakeText.WordsDangerYes),
            No(nameof(Answer.No), IntakeText.DangerNo, IntakeText.WordsNo, IntakeText.WordsDangerNo),
            DontKnow(nameof(Answer.DontKnow), IntakeText.ChoiceNotSure),
        ]);

    public static IReadOnlyList<Choice> Urgent() => UrgentChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> UrgentChoices = new(() =>
        [
            Yes("Continue", IntakeText.UrgentContinue, IntakeText.WordsYes, IntakeText.WordsUrgentContinue),
            No("Later", IntakeText.UrgentLater, IntakeText.WordsNo, IntakeText.WordsUrgentLater),
        ]);

    public static IReadOnlyList<Choice> Roles() => RolesChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> RolesChoices = new(() =>
        [
            new(nameof(ReporterRole.StaffOrVolunteer), IntakeText.RoleStaff, null, Ask.Words(IntakeText.WordsStaff)),
            new(nameof(ReporterRole.PersonUsingService), IntakeText.RolePersonUsingService, null, Ask.Words(IntakeText.WordsPersonUsingService)),
            new(nameof(ReporterRole.FamilyOrFriend), IntakeText.RoleFamilyOrFriend, null, Ask.Words(IntakeText.WordsFamily)),
            new(nameof(ReporterRole.PreferNotToSay), IntakeText.RolePreferNotToSay, null, Ask.Words(IntakeText.WordsPreferNotToSay)),
            new(FormValue, IntakeText.RoleStaffForm, null, Ask.Words(IntakeText.WordsForm)),
        ]);

    public static IReadOnlyList<Choice> AtRisk() => AtRiskChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> AtRiskChoices = new(() =>
        [
            new(nameof(PersonAtRiskKind.Child), IntakeText.AtRiskChild, null, Ask.Words(IntakeText.WordsChild)),
            new(nameof(PersonAtRiskKind.AdultAtRisk), IntakeText.AtRiskAdult, null, Ask.Words(IntakeText.WordsAdult)),
            new(nameof(PersonAtRiskKind.Reporter), IntakeText.AtRiskMe, null, Ask.Words(IntakeText.WordsMe)),
            new(nameof(PersonAtRiskKind.StaffMember), IntakeText.AtRiskStaff, null, Ask.Words(IntakeText.WordsAtRiskStaff)),
            new(nameof(PersonAtRiskKind.MoreThanOnePerson), IntakeText.AtRiskMoreThanOne, null, Ask.Words(IntakeText.WordsMoreThanOne)),
            DontKnow(nameof(PersonAtRiskKind.NotKnown), IntakeText.ChoiceDontKnow),
        ]);

    public static IReadOnlyList<Choice> ChildStatus() => ChildStatusChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> ChildStatusChoices = new(() =>
        [
            new(nameof(ChildServicesStatus.ChildProtectionPlan), IntakeText.ChildStatusPlan, IntakeText.ChildStatusPlanDescription, Ask.Words(IntakeText.WordsChildPlan)),
            new(nameof(ChildServicesStatus.ChildInNeed), IntakeText.ChildStatusInNeed, IntakeText.ChildStatusInNeedDescription, Ask.Words(IntakeText.WordsChildInNeed)),
            new(nameof(ChildServicesStatus.EarlyHelp), IntakeText.ChildStatusEarlyHelp, IntakeText.ChildStatusEarlyHelpDescription, Ask.Words(IntakeText.WordsChildEarlyHelp)),
            No(nameof(ChildServicesStatus.NotKnownToServices), IntakeText.ChildStatusNone, IntakeText.WordsChildNone),
            DontKnow(nameof(ChildServicesStatus.DontKnow), IntakeText.ChoiceDontKnow),
        ]);

    public static IReadOnlyList<Choice> HarmKinds() => HarmKindChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> HarmKindChoices = new(() =>
        [.. Enum.GetValues<HarmKind>().Select(k => k == HarmKind.NotSure
            ? DontKnow(k.ToString(), HarmTitle(k), HarmWords(k)) with { Description = HarmDescription(k) }
            : new Choice(k.ToString(), HarmTitle(k), HarmDescription(k), Ask.Words(HarmWords(k))))]);

    public static string HarmTitle(HarmKind kind) => IntakeText.ResourceManager.GetString($"Harm{kind}", CultureInfo.CurrentUICulture) ?? kind.ToString();

    public static string HarmDescription(HarmKind kind) => IntakeText.ResourceManager.GetString($"Harm{kind}Description", CultureInfo.CurrentUICulture) ?? "";

    /// <summary>The everyday words for a kind of harm ("hitting", "taking money"), pipe-separated.</summary>
    public static string HarmWords(HarmKind kind) => IntakeText.ResourceManager.GetString($"WordsHarm{kind}", CultureInfo.CurrentUICulture) ?? "";

    public static IReadOnlyList<Choice> Subject() => SubjectChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> SubjectChoices = new(() =>
        [
            new(nameof(SubjectKind.StaffMember), IntakeText.SubjectStaff, null, Ask.Words(IntakeText.WordsSubjectStaff)),
            new(nameof(SubjectKind.Volunteer), IntakeText.SubjectVolunteer, null, Ask.Words(IntakeText.WordsSubjectVolunteer)),
            new(nameof(SubjectKind.SafeguardingLead), IntakeText.SubjectLead, null, Ask.Words(IntakeText.WordsSubjectLead)),
            No(nameof(SubjectKind.NotAboutStaff), IntakeText.SubjectNo, IntakeText.WordsNo, IntakeText.WordsSubjectNo),
            DontKnow(nameof(SubjectKind.DontKnow), IntakeText.ChoiceDontKnow, IntakeText.WordsDontKnowWho),
        ]);

    public static IReadOnlyList<Choice> OutcomesAsked() => OutcomesAskedChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> OutcomesAskedChoices = new(() =>
        [
            new(nameof(DesiredOutcomesRecorded.AskedAndExpressed), IntakeText.OutcomesAskedExpressed, null, Ask.Words(IntakeText.WordsOutcomesExpressed)),
            new(nameof(DesiredOutcomesRecorded.AskedNoneExpressed), IntakeText.OutcomesAskedNone, null, Ask.Words(IntakeText.WordsOutcomesNone)),
            No(nameof(DesiredOutcomesRecorded.NotAsked), IntakeText.OutcomesNotAsked, IntakeText.WordsNo, IntakeText.WordsOutcomesNotAsked),
            DontKnow(nameof(DesiredOutcomesRecorded.DontKnow), IntakeText.ChoiceDontKnow),
        ]);

    public static IReadOnlyList<Choice> Consent() => ConsentChoices.Current;

    // "Not sure" is not an opener here: not knowing whether they agreed is not the same as their not being asked.
    private static readonly PerCulture<IReadOnlyList<Choice>> ConsentChoices = new(() =>
        [
            Yes(nameof(ConsentToShare.Yes), IntakeText.ConsentYes, IntakeText.WordsYes, IntakeText.WordsConsentYes),
            No(nameof(ConsentToShare.No), IntakeText.ConsentNo, IntakeText.WordsNo, IntakeText.WordsConsentNo),
            new(nameof(ConsentToShare.NotAsked), IntakeText.ConsentNotAsked, null, [.. Ask.Words(IntakeText.WordsDontKnow), .. Ask.Words(IntakeText.WordsConsentNotAsked)]),
            new(nameof(ConsentToShare.CannotBeAsked), IntakeText.ConsentCannotBeAsked, IntakeText.ConsentCannotBeAskedDescription, Ask.Words(IntakeText.WordsConsentCannotBeAsked)),
        ]);

    public static IReadOnlyList<Choice> Identity() => IdentityChoices.Current;

    /// <summary>
    /// Signed in: named, confidential or anonymous. On a public page, where nobody is: anonymous first, or give a name.
    /// Both end with "I'm not sure", which is not an answer (see <see cref="ExplainIdentity"/>).
    /// </summary>
    public static IReadOnlyList<Choice> Identity(IntakeDraft d) => Identity(d, oneLead: false);

    /// <summary>As <see cref="Identity(IntakeDraft)"/>, in words that name one lead when only one would see it.</summary>
    public static IReadOnlyList<Choice> Identity(IntakeDraft d, bool oneLead) => (d.SignedIn, oneLead) switch
    {
        (true, false) => IdentityChoices.Current,
        (true, true) => IdentityChoicesOne.Current,
        (false, false) => NotSignedInIdentityChoices.Current,
        (false, true) => NotSignedInIdentityChoicesOne.Current,
    };

    /// <summary>The value of "I'm not sure" on the identity question (both paths).</summary>
    public const string IdentityNotSure = "NotSure";

    public static Choice IdentityNotSureChoice() => NotSureIdentityChoice.Current;

    private static readonly PerCulture<Choice> NotSureIdentityChoice = new(() =>
        DontKnow(IdentityNotSure, IntakeText.ChoiceNotSure, IntakeText.WordsIdentityNotSure));

    /// <summary>"I'm not sure": the choices in two plain sentences, suggesting confidential (anonymous on a public page).</summary>
    public static string? ExplainIdentity(IntakeDraft d, Choice c) => ExplainIdentity(d, c, oneLead: false);

    public static string? ExplainIdentity(IntakeDraft d, Choice c, bool oneLead) => c.Value != IdentityNotSure ? null
        : (d.SignedIn, oneLead) switch
        {
            (true, false) => IntakeText.IdentityNotSureExplained,
            (true, true) => IntakeText.IdentityNotSureExplainedOne,
            (false, false) => IntakeText.IdentityNotSureExplainedNotSignedIn,
            (false, true) => IntakeText.IdentityNotSureExplainedNotSignedInOne,
        };

    private static readonly PerCulture<IReadOnlyList<Choice>> NotSignedInIdentityChoices = new(() =>
        NotSignedIn(IntakeText.IdentityAnonymousNotSignedInDescription, IntakeText.IdentityGiveNameDescription));

    private static readonly PerCulture<IReadOnlyList<Choice>> NotSignedInIdentityChoicesOne = new(() =>
        NotSignedIn(IntakeText.IdentityAnonymousNotSignedInDescriptionOne, IntakeText.IdentityGiveNameDescriptionOne));

    private static readonly PerCulture<IReadOnlyList<Choice>> IdentityChoices = new(() =>
        SignedIn(IntakeText.IdentityNamedDescription, IntakeText.IdentityConfidentialDescription, IntakeText.IdentityAnonymousDescription));

    private static readonly PerCulture<IReadOnlyList<Choice>> IdentityChoicesOne = new(() =>
        SignedIn(IntakeText.IdentityNamedDescriptionOne, IntakeText.IdentityConfidentialDescriptionOne, IntakeText.IdentityAnonymousDescriptionOne));

    private static IReadOnlyList<Choice> NotSignedIn(string anonymous, string giveName) =>
        [
            new(nameof(IdentityChoice.Anonymous), IntakeText.IdentityAnonymous, anonymous, Ask.Words(IntakeText.WordsIdentityAnonymous)),
            new(nameof(IdentityChoice.Named), IntakeText.IdentityGiveName, giveName, Ask.Words(IntakeText.WordsIdentityNamed)),
            IdentityNotSureChoice(),
        ];

    private static IReadOnlyList<Choice> SignedIn(string named, string confidential, string anonymous) =>
        [
            new(nameof(IdentityChoice.Named), IntakeText.IdentityNamed, named, Ask.Words(IntakeText.WordsIdentityNamed)),
            new(nameof(IdentityChoice.Confidential), IntakeText.IdentityConfidential, confidential, Ask.Words(IntakeText.WordsIdentityConfidential)),
            new(nameof(IdentityChoice.Anonymous), IntakeText.IdentityAnonymous, anonymous, Ask.Words(IntakeText.WordsIdentityAnonymous)),
            IdentityNotSureChoice(),
        ];

    /// <summary>A "yes" choice: a message opening with yes decides it; <paramref name="words"/> are pipe-separated lists.</summary>
    public static Choice Yes(string value, string title, params string[] words) =>
        new(value, title, null, Words(words)) { Openers = Ask.Words(IntakeText.WordsLeadYes) };

    public static Choice No(string value, string title, params string[] words) =>
        new(value, title, null, Words(words)) { Openers = Ask.Words(IntakeText.WordsLeadNo) };

    public static Choice DontKnow(string value, string title, params string[] words) =>
        new(value, title, null, Words([IntakeText.WordsDontKnow, .. words])) { Openers = Ask.Words(IntakeText.WordsLeadDontKnow) };

    private static string[] Words(string[] lists) => [.. lists.SelectMany(Ask.Words)];

    public static IReadOnlyList<Choice> Leads(IEnumerable<string> names) =>
        names.Select(n => new Choice("lead:" + n, n)).Append(DontKnow(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow)).ToList();

    public static T? Parse<T>(Choice choice)
        where T : struct, Enum => Enum.TryParse<T>(choice.Value, out var value) ? value : null;
}
