using ConcernBot.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class ConcernReferenceTests
{
    [Fact]
    public void References_are_short_readable_free_of_look_alikes_and_not_repeated()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => ConcernReference.New()).ToList();

        Assert.All(references, r => Assert.Matches("^SG-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}$", r));
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.DoesNotContain(references.SelectMany(r => r[3..]), c => "015IOLSB8".Contains(c, StringComparison.Ordinal));
        Assert.True(references.SelectMany(r => r[3..].Replace("-", "", StringComparison.Ordinal)).Distinct().Count() > 20);
    }

    [Fact]
    public void Draft_ids_are_random_and_carry_nothing_of_the_person()
    {
        var a = ConcernReference.NewDraftId();
        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, ConcernReference.NewDraftId());
    }
}
