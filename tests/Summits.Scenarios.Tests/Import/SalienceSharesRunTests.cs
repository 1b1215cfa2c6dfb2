using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>The bargaining model on a KTAB table whose saliences it is told are shares of attention.</summary>
public sealed class SalienceSharesRunTests
{
    /// <summary>
    /// dummyData_3Dim.csv read topic by topic gives windows of 27 to 48 points (SActor-00's: 27.7, 47.3 and
    /// 37.3), wide enough that all seven actors agree on all three dimensions well before round 100. Read
    /// as shares over three topics SActor-00's windows are 5, 42.0 and 12.0 (SalienceSharesTests), and each
    /// actor holds firm where it puts its attention: fewer dimensions reach a unanimous agreement.
    /// </summary>
    [Fact]
    public async Task A_table_read_as_shares_holds_its_actors_firmer_than_read_topic_by_topic()
    {
        var path = Path.Combine(WorldsRepository.WorldsFolder, "dummy-3dim.yaml");
        var shares = Forecast.Of(path, 100, 0);
        var perTopic = shares with
        {
            World = shares.World with { Salience = SalienceMeaning.PerTopic },
            Scenario = shares.Scenario with { Parameters = shares.Scenario.Parameters with { SalienceShares = null } },
        };

        var firm = await ScenarioRun.LocallyAsync(shares);
        var loose = await ScenarioRun.LocallyAsync(perTopic);

        static int Agreed(RunResult run) => run.Final.Agreements.Count(a => a.Status == AgreementStatus.Holding && a.Parties.Length == 7);
        Assert.Equal(3, Agreed(loose));
        Assert.True(Agreed(firm) < 3, $"read as shares, {Agreed(firm)} of 3 dimensions were agreed by all seven");
        Assert.Equal(3, shares.Scenario.Parameters.SalienceShares);
    }
}
