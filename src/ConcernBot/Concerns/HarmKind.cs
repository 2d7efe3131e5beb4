namespace ConcernBot.Concerns;

/// <summary>The kinds of harm a reporter can choose (several at once); Care Act 2014 categories and more.</summary>
public enum HarmKind
{
    Physical,
    Sexual,
    PsychologicalOrEmotional,
    FinancialOrMaterial,
    NeglectOrActsOfOmission,
    SelfNeglect,
    DomesticAbuse,
    Discriminatory,
    Organisational,
    ModernSlavery,
    BullyingOrHarassment,
    OnlineAbuseOrExploitation,
    Grooming,
    SelfHarm,
    PoorOrUnsafePractice,
    NotSure,
}
