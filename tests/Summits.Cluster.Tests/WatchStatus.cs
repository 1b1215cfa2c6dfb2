using System.Text.RegularExpressions;

namespace Summits.Cluster.Tests;

/// <summary>The lines <c>summits worlds watch</c> says on standard error while it waits for a world, and nothing else.</summary>
public static class WatchStatus
{
    /// <summary>
    /// A line of what the watch of world <paramref name="id"/> waits for: a call not answered, its end, and a run that
    /// has written nothing for a while, behind the last event printed or at it.
    /// </summary>
    public static Regex Line(string id) => new(
        $"^summits worlds watch: world {Regex.Escape(id)} (" +
        @"does not answer \(.+\); waiting for the cluster to answer, or to move the world off a silo that died, and asking again" +
        @"|does not answer \(Redis at .+\); waiting for the cluster's Redis server to answer, and asking again" +
        "|answers again" +
        @"|went back to event \d+, its last checkpoint, on a silo that lives; waiting for its run to go on past event \d+, the last printed, none printed twice" +
        @"|has written no event after event \d+ for 10 s; waiting for its run to go on \(a world moved off a silo that died goes on at its reminder's next tick\)" +
        ")$");

    /// <summary>The lines of <paramref name="error"/>, a watch's standard error, that are no status line of world <paramref name="id"/>.</summary>
    public static string[] Others(string id, string error)
    {
        var status = Line(id);
        return [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !status.IsMatch(line))];
    }
}
