using Summits.Grains;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

[Collection(SiloCollection.Name)]
public sealed class GrainStudyTests(SiloFixture fixture)
{
    [Fact]
    public async Task A_study_in_grains_gives_the_results_of_the_pure_model_and_retires_every_lane()
    {
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        loaded = loaded with { Scenario = loaded.Scenario with { Id = $"grain-study-{Guid.NewGuid():N}" } };
        var grains = await WhatIfStudy.RunAsync(loaded, new StudyOptions(24, 5, 8, Engine.Grains), SampleRuns.InGrains(fixture.Silo.Grains),
            endLane: SampleRuns.EndInGrains(fixture.Silo.Grains));
        var local = await WhatIfStudy.RunAsync(loaded, new StudyOptions(24, 5, 8, Engine.Local), SampleRuns.Local);

        Assert.Equal(24, grains.Finished);
        Assert.Equal(StudyFiles.Json(local with { Engine = Engine.Grains }), StudyFiles.Json(grains));
        // Each run's row too: its drawn inputs, outcomes and expectations, in run order, whichever lane finished it first.
        Assert.Equal(Samples(local), Samples(grains));
        Assert.Equal(StudyFiles.ExpectationsCsv(local), StudyFiles.ExpectationsCsv(grains));
        // The header and a line per run: 1 + 24.
        Assert.Equal(25, Samples(grains).Count(c => c == '\n'));

        // Lane 3 of the 8 ran three samples (24 / 8, or about that: each lane takes the next sample as it finishes one) and
        // was retired at the end: asked again, its grains activate anew, holding nothing.
        var key = WorldKey.Lane(loaded.Scenario.Id, 5, 3).Value;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Silo.Grains.GetGrain<IWorldGrain>(key).Info());
        Assert.Contains("has not been seeded", error.Message);
        var country = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Silo.Grains.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP")).Get());
        Assert.Contains("has not been seeded", country.Message);
    }

    private static string Samples(StudyResult study)
    {
        using var text = new StringWriter();
        StudyFiles.WriteSamples(study, text);
        return text.ToString();
    }
}
