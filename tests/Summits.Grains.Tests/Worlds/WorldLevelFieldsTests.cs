using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A world's own fields, beside its actors, topics, positions and agreements (which its countries and topics hold), are
/// kept by its world grain and come back with it: a KTAB world's <see cref="World.Salience"/> of shares and its
/// <see cref="World.Ktab"/> line included.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WorldLevelFieldsTests(ClusterFixture fixture)
{
    private static string Dummy3DimPath => Path.Combine(SeedFiles.Root, "scenarios", "worlds", "dummy-3dim.yaml");

    // dummy-3dim.yaml's own lines: `salience: shares`, and under `ktab:` `description: Dummy scenario to test reading
    // format` and `power: Power` (the scenario line and power header of KTAB's dummyData_3Dim.csv).
    private static readonly KtabScenarioLine Dummy3DimKtab = new("Dummy scenario to test reading format", "Power");

    [Fact]
    public void Every_world_level_field_of_a_world_has_its_field_in_the_world_info()
    {
        // The world grain keeps WorldInfo and the country and topic grains the collections; a field added to World and
        // not to WorldInfo would come back from the grains as its default, as Salience and Ktab once did. Each member
        // of World's record that is not a collection is matched by name and type.
        var world = typeof(World).GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters();
        var info = typeof(WorldInfo).GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters()
            .ToDictionary(p => p.Name!, p => p.ParameterType, StringComparer.Ordinal);
        var own = world.Where(p => !p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(ImmutableArray<>)).ToArray();

        // Worked from World.cs: Id, Title, About, Source, Salience and Ktab; Actors, Topics, Positions and Agreements are
        // the collections.
        Assert.Equal(["Id", "Title", "About", "Source", "Salience", "Ktab"], own.Select(p => p.Name));
        Assert.Empty(own.Where(p => !info.TryGetValue(p.Name!, out var type) || type != p.ParameterType).Select(p => $"{p.Name}: {p.ParameterType}"));
    }

    [Fact]
    public async Task A_shares_world_with_a_ktab_line_reads_back_with_both_as_seeded_and_as_final()
    {
        var loaded = WorldFile.Load(Dummy3DimPath) with { Id = $"world-level-{Guid.NewGuid():N}" };
        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (loaded.Salience, loaded.Ktab));
        var world = fixture.Client.GetGrain<IWorldGrain>(loaded.Id);

        await world.Seed(loaded);
        var info = await world.Info();
        var snapshot = await world.Snapshot();
        var final = await world.Final();

        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (info.Salience, info.Ktab));
        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (snapshot.Salience, snapshot.Ktab));
        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (final.Salience, final.Ktab));
        // The file lists each actor's positions together; the grains give them back by topic, and within a topic by
        // actor, each in the world's order (docs/worlds.md, the seed key `positions`).
        var byTopic = loaded with
        {
            Positions = [.. loaded.Positions
                .OrderBy(p => loaded.Topics.IndexOf(loaded.Topic(p.Topic)))
                .ThenBy(p => loaded.Actors.IndexOf(loaded.Actor(p.Actor)))],
        };
        SeedWorlds.AssertSame(byTopic, snapshot);
        SeedWorlds.AssertSame(byTopic, final);
        await world.Retire();
    }

    [Fact]
    public async Task Seeding_a_world_again_with_another_salience_meaning_is_refused()
    {
        // The same actors, topics and positions, but the saliences read per topic: another world, whose runs take other
        // parameters (World.ParametersFor), not the one seeded asked for again.
        var loaded = WorldFile.Load(Dummy3DimPath) with { Id = $"world-level-{Guid.NewGuid():N}" };
        var world = fixture.Client.GetGrain<IWorldGrain>(loaded.Id);
        await world.Seed(loaded);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(loaded with { Salience = SalienceMeaning.PerTopic }));

        Assert.Contains("already been seeded with another world", refused.Message);
        Assert.Equal(SalienceMeaning.Shares, (await world.Snapshot()).Salience);
        await world.Retire();
    }

    [Theory]
    [InlineData(ForecastModel.Bargaining)]
    [InlineData(ForecastModel.Smp)]
    public async Task A_run_of_a_shares_world_in_grains_writes_the_pure_models_bytes_and_ends_in_a_shares_world(ForecastModel model)
    {
        // 20 rounds of bargaining, or up to 20 turns of the spatial model, on dummy-3dim: the forecasts `summits run
        // --world` makes, whose parameters say the saliences are shares of 3 topics (World.ParametersFor).
        var loaded = Forecast.Of(Dummy3DimPath, 20, 0, model);
        Assert.Equal(3, loaded.Scenario.Parameters.SalienceShares);

        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = await ScenarioRun.InGrainsAsync(fixture.Client, loaded, WorldKey.Of($"world-level-{Guid.NewGuid():N}"));

        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (local.Final.Salience, local.Final.Ktab));
        Assert.Equal((SalienceMeaning.Shares, Dummy3DimKtab), (hosted.Final.Salience, hosted.Final.Ktab));
    }
}
