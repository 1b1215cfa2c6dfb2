using System.Globalization;
using StackExchange.Redis;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// A Redis server that fails a silo's storage while the cluster's client is connected: the command says it in one line of
/// our words with exit code 3, and the silo's warning says the Redis cause in our words, never an exception's type. On
/// the cluster of the <see cref="FaultCollection"/>, whose Redis server its tests may disturb.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisFailureLineTests(ClusterFixture cluster)
{
    // 471 rounds of 18 actors' bargaining, written at every advance on this cluster: running for seconds.
    private static string Converge => SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    [ClusterFact]
    public async Task ARetireWhoseStorageFailsIsOneLineAndTheSiloSaysTheRedisCauseInOurWords()
    {
        var port = cluster.Redis.Port.ToString(CultureInfo.InvariantCulture);
        var detached = await Summits(["run", Converge, "--engine", "grains", .. cluster.Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        var id = detached.Output.TrimEnd('\n');
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
        var server = redis.GetServer("127.0.0.1", cluster.Redis.Port);

        // The Redis server refuses the two commands a retire's storage sends (the reminder's removal, ZREMRANGEBYLEX, and a
        // state's, DEL) and nothing the client's start reads: the client joins, and the silo's storage fails the call.
        await server.ExecuteAsync("ACL", "SETUSER", "default", "-zremrangebylex", "-del");
        (int Exit, string Output, string Error) refused;
        try
        {
            refused = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        }
        finally
        {
            await server.ExecuteAsync("ACL", "SETUSER", "default", "+@all");
        }
        // One line: what failed (the world named), the cause as Redis said it, what to do; exit code 3.
        Assert.Equal((3, ""), (refused.Exit, refused.Output));
        Assert.Equal($"summits worlds retire: error: world {id} could not be retired: Redis at 127.0.0.1:{port} answered with an error: "
            + "NOPERM this user has no permissions to run the 'zremrangebylex' command; "
            + $"check that the cluster's Redis server at redis://127.0.0.1:{port} runs and answers, then retry\n", refused.Error);

        // The Redis server refuses HMSET, which the grain storage's script for writing a state calls: the world's next
        // checkpoint fails, and the silo holding the world says so in its one warning line, the cause in our words (Redis's
        // own error for a script after "answered with an error:", the line cut at its 300 characters).
        var before = cluster.Silos.Select(s => s.Process.Error.Length).ToArray();
        await server.ExecuteAsync("ACL", "SETUSER", "default", "-hmset");
        string warning;
        try
        {
            warning = await WarningAsync(id, before);
        }
        finally
        {
            await server.ExecuteAsync("ACL", "SETUSER", "default", "+@all");
        }
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(warning, $"^summits silo: warning: Summits.Grains.WorldGrain: World {id}: advance [0-9]+ failed and changed nothing; it may be run again "
            + $@"\(Redis at 127\.0\.0\.1:{port} answered with an error: ERR The user executing the script can't run this command"), warning);
        // No line of either silo since the pause began that speaks of Redis names an exception's type (RedisTimeoutException,
        // Orleans' RedisStorageException) or Orleans' storage provider (RedisGrainStorage.summits): each says the cause in our words.
        var said = cluster.Silos.SelectMany((s, i) => s.Process.Error[Math.Min(before[i], s.Process.Error.Length)..].Split('\n'))
            .Where(line => line.Contains("Redis", StringComparison.Ordinal)).ToArray();
        Assert.All(said, line => Assert.DoesNotContain("Exception", line, StringComparison.Ordinal));
        Assert.All(said, line => Assert.DoesNotContain("RedisGrainStorage.", line, StringComparison.Ordinal));

        // With the Redis server whole again, the retire is asked again, as the line said, and takes every key of the world
        // out of the server.
        var retired = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.Equal((0, $"retired world {id}\n", ""), retired);
        Assert.Empty(server.Keys(pattern: $"*{id}*"));
    }

    /// <summary>
    /// Waits until a silo has written, after the lengths of standard error in <paramref name="before"/>, a warning about
    /// world <paramref name="id"/>, and returns it.
    /// </summary>
    private async Task<string> WarningAsync(string id, int[] before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var lines = cluster.Silos.SelectMany((s, i) => s.Process.Error[Math.Min(before[i], s.Process.Error.Length)..].Split('\n'));
            if (lines.FirstOrDefault(line => line.StartsWith($"summits silo: warning: Summits.Grains.WorldGrain: World {id}:", StringComparison.Ordinal)) is { } warning)
                return warning;
            Assert.True(DateTime.UtcNow < deadline, $"no silo warned of world {id} within 60 s: {string.Join("\n", cluster.Silos.Select(s => s.Process.Error))}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
