using Microsoft.Extensions.Configuration;
using Summits.Cli.Bench;
using Summits.Hosting;

namespace Summits.Classroom.Tests;

/// <summary>
/// A full class on loopback, through the .NET SignalR client as pages connect: 60 teams at 30 tables, each proposing
/// every few seconds. Every change reaches every page that watches its table, once, and nothing fails. How long the
/// pushes take is the bench's classroom figure (<c>summits bench --only classroom</c>), not this test's.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomLoadTests(ClassroomFixture classroom)
{
    /// <summary>A full classroom: 30 tables, two teams at each.</summary>
    private const int Tables = ClassroomExercise.MostTables;

    /// <summary>
    /// Proposals a team makes, one every <see cref="Interval"/>: 10 every 3 s is half a minute of play. The bench plays the
    /// whole minute (20 each); half keeps this test project within a few minutes on two shared cores, and the counts
    /// below hold for any number.
    /// </summary>
    private const int Each = 10;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Sixty_teams_at_thirty_tables_proposing_every_few_seconds_each_get_every_push_once_without_errors()
    {
        var warnings = new StringWriter();
        await using var server = await ClassroomServer.StartAsync(classroom.Exercise, port: 0, Tables,
            SummitsSettings.Read(new ConfigurationBuilder().Build()), TextWriter.Synchronized(warnings));
        await using var load = await ClassroomLoad.StartAsync(server, Tables);
        await load.ProposeAsync(Each, Interval);

        // Worked out by hand: each table receives 2 teams x 10 = 20 proposals, one at a time, and each proposal is one
        // change (it waits for an answer; nothing is played). Round 1 was started before the teams joined (version 1,
        // pushed to no one recorded), so every table goes through versions 2 to 21 while the teams listen. Each
        // change is pushed to the table's two teams and to the facilitator: 30 x 2 x 20 = 1,200 pushes to teams, 30 x 20
        // = 600 to the facilitator, 1,800 in all, three for each of the 600 proposals.
        const int versions = 2 * Each;
        const int pushes = Tables * 2 * versions + Tables * versions;
        Assert.Equal(1_800, pushes);
        await load.ArrivedAsync(pushes, TimeSpan.FromMinutes(1));
        // A push sent twice would come close behind the first: two seconds more for it to show.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Empty(load.Errors);
        Assert.Equal("", warnings.ToString());
        Assert.Equal(Tables * versions, load.Proposals.Count);
        int[] everyVersion = [.. Enumerable.Range(2, versions)];
        var received = load.Pushes.ToLookup(p => p.Reader);
        for (var table = 1; table <= Tables; table++)
        {
            foreach (var actor in new[] { "JP", "US" })
            {
                // Each team hears every change of its own table once, and nothing of another table's.
                var team = received[ClassroomLoad.Team(table, actor)].ToArray();
                Assert.All(team, p => Assert.Equal(table, p.Table));
                Assert.Equal(everyVersion, team.Select(p => p.Version).Order());
            }
            Assert.Equal(everyVersion, received[ClassroomLoad.Facilitator].Where(p => p.Table == table).Select(p => p.Version).Order());
        }
        Assert.Equal(pushes, load.Pushes.Count);
    }
}
