using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    // ---- teams, settings, reply routes ----

    [Fact]
    public async Task Teams_are_stored_per_organisation_with_their_channels_and_the_leads_channel()
    {
        var store = Harness.Open().Teams;
        var team = new TeamRecord
        {
            OrganisationId = Org,
            TeamId = "19:team-a@thread.tacv2",
            Name = "Safeguarding",
            AadGroupId = "group-a",
            ServiceUrl = "https://smba.trafficmanager.net/uk/",
            Channels = [new("19:team-a@thread.tacv2", "General"), new("19:leads@thread.tacv2", "Leads")],
            InstalledAt = Now,
        };
        var etag = await store.SaveAsync(team, null);
        await store.SaveAsync(team with { OrganisationId = OtherOrg, TeamId = "19:team-x@thread.tacv2" }, null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(team, null));

        var chosen = await store.SaveAsync(team with { LeadsChannelId = "19:leads@thread.tacv2" }, etag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(team with { LeadsChannelId = "19:team-a@thread.tacv2" }, etag));

        var read = (await store.GetAsync(Org, "19:team-a@thread.tacv2"))!;
        Assert.Equal(chosen, read.ETag);
        Assert.Equal("19:leads@thread.tacv2", read.Value.LeadsChannelId);
        Assert.Equal(team.Channels, read.Value.Channels);
        Assert.Equal(["19:team-a@thread.tacv2"], await store.ListAsync(Org).Select(t => t.Value.TeamId).ToListAsync());

        Assert.True(await store.DeleteAsync(Org, "19:team-a@thread.tacv2"));
        Assert.False(await store.DeleteAsync(Org, "19:team-a@thread.tacv2"));
        Assert.Null(await store.GetAsync(Org, "19:team-a@thread.tacv2"));
        Assert.NotNull(await store.GetAsync(OtherOrg, "19:team-x@thread.tacv2"));
    }

    [Fact]
    public async Task Settings_are_saved_with_etags_listed_by_prefix_and_deleted()
    {
        var store = Harness.Open().Settings;
        var etag = await store.SaveAsync("leads/designated", "oid-1,oid-2", null);
        await store.SaveAsync("leads/deputies", "oid-3", null);
        await store.SaveAsync("leadsChannel", "19:leads@thread.tacv2", null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("leads/designated", "oid-9", null));

        var changed = await store.SaveAsync("leads/designated", "oid-1", etag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("leads/designated", "oid-9", etag));
        Assert.Equal("oid-1", (await store.GetAsync("leads/designated"))!.Value);

        var listed = await store.ListAsync("leads/").Select(s => s.Key).ToListAsync();
        Assert.Equal(["leads/deputies", "leads/designated"], listed);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync("leads/designated", etag));
        Assert.True(await store.DeleteAsync("leads/designated", changed));
        Assert.Null(await store.GetAsync("leads/designated"));
        Assert.False(await store.DeleteAsync("leads/designated", changed));
    }

    [Fact]
    public async Task Reply_routes_are_kept_under_their_token_until_contact_ends()
    {
        var store = Harness.Open().ReplyRoutes;
        await store.CreateAsync("tok-1", "sealed-blob-1");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync("tok-1", "sealed-blob-2"));
        Assert.Equal("sealed-blob-1", await store.GetAsync("tok-1"));
        Assert.Null(await store.GetAsync("tok-2"));

        Assert.True(await store.DeleteAsync("tok-1"));
        Assert.Null(await store.GetAsync("tok-1"));
        Assert.False(await store.DeleteAsync("tok-1"));
    }
}
