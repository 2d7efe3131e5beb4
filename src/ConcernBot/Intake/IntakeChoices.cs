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
            new(nameof(Answer.Yes), IntakeText.ChoiceYes, null, Ask.Words(IntakeText.WordsYes)),
            new(nameof(Answer.No), IntakeText.ChoiceNo, null, Ask.Words(IntakeText.WordsNo)),
            new(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> Danger() => DangerChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> DangerChoices = new(() =>
        [
            new(nameof(Answer.Yes), IntakeText.DangerYes, null, Ask.Words(IntakeText.WordsYes)),
            new(nameof(Answer.No), IntakeText.DangerNo, null, Ask.Words(IntakeText.WordsNo)),
            new(nameof(Answer.DontKnow), IntakeText.ChoiceNotSure, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> Urgent() => UrgentChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> UrgentChoices = new(() =>
        [
            new("Continue", IntakeText.UrgentContinue, null, Ask.Words(IntakeText.WordsYes)),
            new("Later", IntakeText.UrgentLater, null, Ask.Words(IntakeText.WordsNo)),
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
            new(nameof(PersonAtRiskKind.AdultAtRisk), IntakeText.AtRiskAdult),
            new(nameof(PersonAtRiskKind.Reporter), IntakeText.AtRiskMe, null, Ask.Words(IntakeText.WordsMe)),
            new(nameof(PersonAtRiskKind.StaffMember), IntakeText.AtRiskStaff),
            new(nameof(PersonAtRiskKind.MoreThanOnePerson), IntakeText.AtRiskMoreThanOne),
            new(nameof(PersonAtRiskKind.NotKnown), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> ChildStatus() => ChildStatusChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> ChildStatusChoices = new(() =>
        [
            new(nameof(ChildServicesStatus.ChildProtectionPlan), IntakeText.ChildStatusPlan, IntakeText.ChildStatusPlanDescription),
            new(nameof(ChildServicesStatus.ChildInNeed), IntakeText.ChildStatusInNeed, IntakeText.ChildStatusInNeedDescription),
            new(nameof(ChildServicesStatus.EarlyHelp), IntakeText.ChildStatusEarlyHelp, IntakeText.ChildStatusEarlyHelpDescription),
            new(nameof(ChildServicesStatus.NotKnownToServices), IntakeText.ChildStatusNone),
            new(nameof(ChildServicesStatus.DontKnow), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> HarmKinds() => HarmKindChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> HarmKindChoices = new(() =>
        [.. Enum.GetValues<HarmKind>().Select(k => new Choice(k.ToString(), HarmTitle(k), HarmDescription(k), k == HarmKind.NotSure ? Ask.Words(IntakeText.WordsDontKnow) : null))]);

    public static string HarmTitle(HarmKind kind) => IntakeText.ResourceManager.GetString($"Harm{kind}", CultureInfo.CurrentUICulture) ?? kind.ToString();

    public static string HarmDescription(HarmKind kind) => IntakeText.ResourceManager.GetString($"Harm{kind}Description", CultureInfo.CurrentUICulture) ?? "";

    public static IReadOnlyList<Choice> Subject() => SubjectChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> SubjectChoices = new(() =>
        [
            new(nameof(SubjectKind.StaffMember), IntakeText.SubjectStaff),
            new(nameof(SubjectKind.Volunteer), IntakeText.SubjectVolunteer),
            new(nameof(SubjectKind.SafeguardingLead), IntakeText.SubjectLead),
            new(nameof(SubjectKind.NotAboutStaff), IntakeText.SubjectNo, null, Ask.Words(IntakeText.WordsNo)),
            new(nameof(SubjectKind.DontKnow), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> OutcomesAsked() => OutcomesAskedChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> OutcomesAskedChoices = new(() =>
        [
            new(nameof(DesiredOutcomesRecorded.AskedAndExpressed), IntakeText.OutcomesAskedExpressed),
            new(nameof(DesiredOutcomesRecorded.AskedNoneExpressed), IntakeText.OutcomesAskedNone),
            new(nameof(DesiredOutcomesRecorded.NotAsked), IntakeText.OutcomesNotAsked, null, Ask.Words(IntakeText.WordsNo)),
            new(nameof(DesiredOutcomesRecorded.DontKnow), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
        ]);

    public static IReadOnlyList<Choice> Consent() => ConsentChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> ConsentChoices = new(() =>
        [
            new(nameof(ConsentToShare.Yes), IntakeText.ConsentYes, null, Ask.Words(IntakeText.WordsYes)),
            new(nameof(ConsentToShare.No), IntakeText.ConsentNo, null, Ask.Words(IntakeText.WordsNo)),
            new(nameof(ConsentToShare.NotAsked), IntakeText.ConsentNotAsked, null, Ask.Words(IntakeText.WordsDontKnow)),
            new(nameof(ConsentToShare.CannotBeAsked), IntakeText.ConsentCannotBeAsked, IntakeText.ConsentCannotBeAskedDescription),
        ]);

    public static IReadOnlyList<Choice> Identity() => IdentityChoices.Current;

    /// <summary>Signed in: named, confidential or anonymous. On a public page, where nobody is: anonymous first, or give a name.</summary>
    public static IReadOnlyList<Choice> Identity(IntakeDraft d) => d.SignedIn ? IdentityChoices.Current : NotSignedInIdentityChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> NotSignedInIdentityChoices = new(() =>
        [
            new(nameof(IdentityChoice.Anonymous), IntakeText.IdentityAnonymous, IntakeText.IdentityAnonymousNotSignedInDescription),
            new(nameof(IdentityChoice.Named), IntakeText.IdentityGiveName, IntakeText.IdentityGiveNameDescription),
        ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> IdentityChoices = new(() =>
        [
            new(nameof(IdentityChoice.Named), IntakeText.IdentityNamed, IntakeText.IdentityNamedDescription),
            new(nameof(IdentityChoice.Confidential), IntakeText.IdentityConfidential, IntakeText.IdentityConfidentialDescription),
            new(nameof(IdentityChoice.Anonymous), IntakeText.IdentityAnonymous, IntakeText.IdentityAnonymousDescription),
        ]);

    public static IReadOnlyList<Choice> Leads(IEnumerable<string> names) =>
        names.Select(n => new Choice("lead:" + n, n)).Append(new Choice(nameof(Answer.DontKnow), IntakeText.ChoiceDontKnow, null, Ask.Words(IntakeText.WordsDontKnow))).ToList();

    public static T? Parse<T>(Choice choice)
        where T : struct, Enum => Enum.TryParse<T>(choice.Value, out var value) ? value : null;
}
