using System.Collections;
using Summits.Hosting;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>A cluster address that is none, on the command line or in the settings, is refused in one line before anything starts.</summary>
public sealed class ClusterRefusalTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-refusal-");

    public void Dispose() => _folder.Delete(recursive: true);

    private const string Expected = "a Redis server as redis://HOST:PORT, HOST a name or an IP address (IPv6 in brackets) and PORT a whole number from 1 to 65535";

    [Theory]
    [InlineData("redis://127.0.0.1:6379", "127.0.0.1", 6379, "redis://127.0.0.1:6379")]
    [InlineData("redis://cache.example:1", "cache.example", 1, "redis://cache.example:1")]
    [InlineData("REDIS://h:65535/", "h", 65535, "redis://h:65535")]
    [InlineData("redis://[::1]:6380", "::1", 6380, "redis://[::1]:6380")]
    public void AnAddressReadsAsItsHostAndPort(string text, string host, int port, string written)
    {
        var address = ClusterAddress.Read(text, out var why);
        Assert.NotNull(address);
        Assert.Equal((host, port, written, ""), (address.Host, address.Port, address.ToString(), why));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("redis://", "it names no host")]
    [InlineData("redis://:5", "it names no host")]
    [InlineData("http://x", "it does not begin with redis://")]
    [InlineData("redis://h", "it has no :PORT")]
    [InlineData("redis://h:", "it has no port after the ':'")]
    [InlineData("redis://h:0", "its port '0' is not from 1 to 65535")]
    [InlineData("redis://h:65536", "its port '65536' is not from 1 to 65535")]
    [InlineData("redis://h:-1", "its port '-1' is not from 1 to 65535")]
    [InlineData("redis://h:+1", "its port '+1' is not from 1 to 65535")]
    [InlineData("redis://::1:6379", "an IPv6 host must stand in brackets")]
    [InlineData("redis://[h]:6379", "'h' in brackets is no IPv6 address")]
    [InlineData("redis://[::1:6379", "its IPv6 host has no closing ']'")]
    [InlineData("redis://a b:6379", "'a b' is no host name or IP address")]
    // What other Redis URLs carry is named as not supported, not taken for a malformed host or port (a trial's three).
    [InlineData("redis://user:pw@127.0.0.1:29146", "a user or password (before '@') is not supported; the Redis server must take connections without one")]
    [InlineData("redis://127.0.0.1:29146/0", "a database ('/0') is not supported; the cluster is kept in the server's database 0")]
    [InlineData("redis://127.0.0.1:29146?password=x", "options (after '?') are not supported; the valid form is redis://HOST:PORT")]
    [InlineData("redis://127.0.0.1:29146/?password=x", "options (after '?') are not supported; the valid form is redis://HOST:PORT")]
    // StackExchange.Redis's own form of options, not taken for a port '29146,password=x'.
    [InlineData("redis://127.0.0.1:29146,password=x", "options (after ',') are not supported; the valid form is redis://HOST:PORT")]
    [InlineData("redis://[::1]:6379/3", "a database ('/3') is not supported; the cluster is kept in the server's database 0")]
    public void WhatIsNoAddressIsRefusedWithWhatIsWrong(string text, string why)
    {
        Assert.Null(ClusterAddress.Read(text, out var said));
        Assert.Equal(why, said);
    }

    [Theory]
    [InlineData("redis://", "it names no host")]
    [InlineData("http://x", "it does not begin with redis://")]
    [InlineData("redis://h:65536", "its port '65536' is not from 1 to 65535")]
    public async Task TheSiloCommandRefusesAnOptionThatIsNoAddress(string value, string why)
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", value]);
        Assert.Equal((2, "", $"summits silo: error: --cluster must be {Expected}, not '{value}': {why} (see 'summits silo --help')\n"), run);
    }

    [Fact]
    public async Task ARefusedAddressWithAPasswordNeverPrintsThePassword()
    {
        // The user and password between "redis://" and '@' are shown as "…": redis://…@127.0.0.1:29146.
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://user:s3cret@127.0.0.1:29146"]);
        Assert.Equal((2, "", $"summits silo: error: --cluster must be {Expected}, not 'redis://…@127.0.0.1:29146': a user or password (before '@') is not supported; "
            + "the Redis server must take connections without one (see 'summits silo --help')\n"), run);
    }

    // A trial's four ways of giving a password. Each refusal shows the value with the password's part as "…": all
    // after a '?' or a ',' (redis://127.0.0.1:21609?…, 127.0.0.1:21609,…), all between the scheme and an '@'
    // (rediss://…@127.0.0.1:21609).
    public static TheoryData<string, string, string> TrialPasswords => new()
    {
        { "redis://127.0.0.1:21609?password=hunter2", "redis://127.0.0.1:21609?…", "options (after '?') are not supported; the valid form is redis://HOST:PORT" },
        { "redis://127.0.0.1:21609,password=hunter2", "redis://127.0.0.1:21609,…", "options (after ',') are not supported; the valid form is redis://HOST:PORT" },
        { "127.0.0.1:21609,password=hunter2", "127.0.0.1:21609,…", "it does not begin with redis://" },
        { "rediss://u:hunter2@127.0.0.1:21609", "rediss://…@127.0.0.1:21609", "it does not begin with redis://" },
    };

    [Theory]
    [MemberData(nameof(TrialPasswords))]
    public async Task ARefusedOptionNeverPrintsWhatMayBeAPassword(string value, string shown, string why)
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", value]);
        Assert.Equal((2, "", $"summits silo: error: --cluster must be {Expected}, not '{shown}': {why} (see 'summits silo --help')\n"), run);
        Assert.DoesNotContain("hunter2", run.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TrialPasswords))]
    public void ARefusedSettingNeverPrintsWhatMayBeAPassword(string value, string shown, string why)
    {
        var environment = new Hashtable { ["Summits__Cluster"] = value };
        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, environment)));
        Assert.Equal($"Summits:Cluster is '{shown}' (from environment variable Summits__Cluster); expected {Expected}: {why}", error.Message);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingsFileListOfAddressesNeverPrintsThePassword()
    {
        // The list's text from its '[' is ["redis://u:hunter2@h:1"], shown from its last '@' on after the scheme: ["redis://…@h:1"].
        // Its '[' stands at column 27 of line 1: `{ "Summits": { "Cluster": ` is 26 characters.
        var file = Path.Combine(_folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "Cluster": ["redis://u:hunter2@h:1"] } }""");
        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable())));
        Assert.Equal($"Summits:Cluster is a list, [\"redis://…@h:1\"] (from {file}:1:27); expected {Expected}", error.Message);
    }

    [Theory]
    [InlineData("Summits__ProbeTimeout", "0", "Summits:ProbeTimeout", "how many seconds a silo waits for a probe of another: a whole number from 1 to 60")]
    [InlineData("Summits__MissedProbes", "11", "Summits:MissedProbes", "how many probes in a row a silo misses before another votes it dead: a whole number from 1 to 10")]
    [InlineData("Summits__DeathVotes", "two", "Summits:DeathVotes", "how many silos' votes declare a silo dead: a whole number from 1 to 10")]
    [InlineData("Summits__MembershipRefresh", "601", "Summits:MembershipRefresh", "how many seconds apart a silo reads the cluster's membership: a whole number from 1 to 600")]
    [InlineData("Summits__DrivePeriod", "0.5", "Summits:DrivePeriod", "how many seconds apart a detached world's reminder fires: a whole number from 1 to 3600")]
    [InlineData("Summits__DrivePause", "10ms", "Summits:DrivePause", "how many milliseconds a detached world's run pauses between two advances: a whole number from 0 to 5000")]
    public async Task TheSiloCommandRefusesATimingOutsideItsRangeBeforeItJoins(string variable, string value, string key, string expected)
    {
        // redis://127.0.0.1:1 answers nothing: a silo that tried to join would end with exit code 3, not 2.
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1"], new Dictionary<string, string> { [variable] = value });
        Assert.Equal((2, "", $"summits silo: error: {key} is '{value}' (from environment variable {variable}); expected {expected}\n"), run);
    }

    [Fact]
    public async Task TheRunCommandRefusesTheSettingFromItsFileAtItsPlace()
    {
        // The value's opening quote stands at column 27 of line 1: `{ "Summits": { "Cluster": ` is 26 characters.
        var file = Path.Combine(_folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "Cluster": "http://x" } }""");
        var output = Path.Combine(_folder.FullName, "out");
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["run", SeedFiles.File("scenarios", "what-if", "baseline.yaml"), "-o", output]);
        Assert.Equal((2, "", $"summits run: error: Summits:Cluster is 'http://x' (from {file}:1:27); expected {Expected}: it does not begin with redis://\n"), run);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void TheSettingFromTheEnvironmentIsRefusedNamingTheVariable()
    {
        var environment = new Hashtable { ["Summits__Cluster"] = "redis://h:0" };
        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, environment)));
        Assert.Equal($"Summits:Cluster is 'redis://h:0' (from environment variable Summits__Cluster); expected {Expected}: its port '0' is not from 1 to 65535", error.Message);
    }

    [Fact]
    public void AnOptionTakesThePlaceOfTheSettingWhichIsThenNotRead()
    {
        var environment = new Hashtable { ["Summits__Cluster"] = "http://x" };
        var given = ClusterAddress.Read("redis://127.0.0.1:7000", out _);
        Assert.Equal(given, SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, environment), cluster: given).Cluster);
    }

    [Fact]
    public void NoSettingIsNoCluster()
    {
        Assert.Null(SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable())).Cluster);
    }

    [Fact]
    public async Task TheSiloCommandWithNoClusterSaysHowToNameOne()
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo"]);
        Assert.Equal((2, "", "summits silo: error: name the cluster's Redis server with --cluster redis://HOST:PORT or the setting Summits:Cluster (see 'summits silo --help')\n"), run);
    }

    private const string ExpectedId = "a cluster id of 1 to 64 characters: ASCII letters, digits, '.', '-' and '_', beginning with a letter or a digit";

    [Theory]
    [InlineData("a b", "' ' is not allowed in it")]
    [InlineData("-x", "it begins with '-'")]
    [InlineData("x/y", "'/' is not allowed in it")]
    [InlineData("é", "'é' is not allowed in it")]
    // 65 characters, one more than the most.
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "it is 65 characters long")]
    public async Task EveryCommandOnAClusterRefusesAnIdThatIsNone(string value, string why)
    {
        // The id is shown cut to 40 characters, the 40th an ellipsis.
        var shown = value.Length > 40 ? value[..39] + "…" : value;
        string[][] commands = [["silo"], ["run", "x.yaml"], ["whatif", "x.yaml"], ["worlds", "list"], ["worlds", "show", "w"], ["worlds", "retire", "w"]];
        foreach (var command in commands)
        {
            var name = string.Join(' ', command.Where(c => !c.Contains('.') && c != "w"));
            var run = await SummitsProgram.RunAsync(_folder.FullName, [.. command, "--cluster", "redis://127.0.0.1:1", "--cluster-id", value]);
            Assert.Equal((2, "", $"summits {name}: error: --cluster-id must be {ExpectedId}, not '{shown}': {why} (see 'summits {name} --help')\n"), run);
        }
    }

    [Theory]
    [InlineData("summits", "summits")]
    [InlineData("A.b-c_9", "A.b-c_9")]
    // 64 characters, the most.
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", "0123456789012345678901234567890123456789012345678901234567890123")]
    public void AnIdOfTheAllowedCharactersReadsAsItIs(string text, string id)
    {
        Assert.Equal((id, ""), (ClusterIds.Read(text, out var why), why));
    }

    [Fact]
    public void TheIdSettingIsReadFromTheEnvironmentAndRefusedNamingTheVariable()
    {
        Assert.Equal("summits", SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable())).ClusterId);
        Assert.Equal("blue", SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable { ["Summits__ClusterId"] = "blue" })).ClusterId);
        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable { ["Summits__ClusterId"] = "a b" })));
        Assert.Equal($"Summits:ClusterId is 'a b' (from environment variable Summits__ClusterId); expected {ExpectedId}: ' ' is not allowed in it", error.Message);
        // The option wins over the setting, which is then not read.
        Assert.Equal("green", SummitsSettings.Read(SummitsSettings.Configuration(_folder.FullName, new Hashtable { ["Summits__ClusterId"] = "a b" }), clusterId: "green").ClusterId);
    }

    [Fact]
    public async Task ASiloWhoseRedisServerDoesNotAnswerSaysSoInOneLineAndNothingElse()
    {
        // Nothing listens on port 1, so the connection is refused at once; the silo's own ports are free ones on
        // 127.0.0.1. The whole of standard error is the line the run and whatif commands write for the same server.
        var ports = (RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--address", "127.0.0.1", "--silo-port", ports.Item1, "--gateway-port", ports.Item2]);
        // A reminder service that had already begun may note its own failure first, as one short runtime note; no raw
        // exception text and no other error line.
        Assert.Equal((3, ""), (run.Item1, run.Item2));
        var lines = run.Item3.TrimEnd('\n').Split('\n');
        Assert.Equal(["summits silo: error: the cluster's Redis server at redis://127.0.0.1:1 does not answer; start it, "
            + "or name the server that runs with --cluster or Summits:Cluster"], lines.Where(line => !line.StartsWith("summits silo: orleans: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheIdSettingInAFileIsRefusedAtItsPlace()
    {
        // The value's opening quote stands at column 29 of line 1: `{ "Summits": { "ClusterId": ` is 28 characters.
        var file = Path.Combine(_folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "ClusterId": "-x" } }""");
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1"]);
        Assert.Equal((2, "", $"summits silo: error: Summits:ClusterId is '-x' (from {file}:1:29); expected {ExpectedId}: it begins with '-'\n"), run);
    }

    [Fact]
    public async Task AnIdWithoutAClusterIsRefusedInOneLine()
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["run", scenario, "--cluster-id", "blue"]);
        Assert.Equal((2, "", "summits run: error: --cluster-id applies only on a cluster: name its Redis server with --cluster redis://HOST:PORT or the setting Summits:Cluster (see 'summits run --help')\n"), run);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("x")]
    [InlineData("1.2.3.4")]
    [InlineData("127.0.0.1:0")]
    [InlineData("::1")]
    [InlineData("localhost:8080")]
    public async Task TheSiloCommandRefusesADashboardThatIsNoPort(string value)
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--dashboard", value]);
        Assert.Equal((2, "", $"summits silo: error: --dashboard must be a TCP port from 1 to 65535 (served on 127.0.0.1), or an IP address and a port as 0.0.0.0:8080 or [::1]:8080, not '{value}' (see 'summits silo --help')\n"), run);
    }

    [Fact]
    public async Task TheSiloCommandRefusesADashboardOnItsOwnPortOrOnePortHeld()
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--dashboard", "30000"]);
        Assert.Equal((2, "", "summits silo: error: --dashboard must take a port of its own, not 30000, the silo's --gateway-port (see 'summits silo --help')\n"), run);
        // A port another process listens on is said before the silo starts: nothing answers at the cluster's port 1,
        // which would be said otherwise.
        using var held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        held.Start();
        var port = ((System.Net.IPEndPoint)held.LocalEndpoint).Port;
        var taken = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--dashboard", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal((3, "", $"summits silo: error: the Orleans Dashboard cannot listen on 127.0.0.1:{port}: Address already in use; choose another port with --dashboard\n"), taken);
    }

    [Fact]
    public async Task ASiloWithoutAnAddressListensOnLoopbackAlone()
    {
        // Without --address the silo listens on 127.0.0.1 and gives the cluster that address (the documented
        // default). A port held on 127.0.0.1 alone is then the silo's own port taken, said with 127.0.0.1 before the
        // silo joins; a silo listening on every address or on the machine's network address would name another.
        using var held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        held.Start();
        var port = ((System.Net.IPEndPoint)held.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gateway = RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--silo-port", port, "--gateway-port", gateway]);
        Assert.Equal((3, "", $"summits silo: error: the silo cannot listen for other silos on 127.0.0.1:{port}: Address already in use; choose another port with --silo-port\n"), run);
    }

    [Fact]
    public async Task ASiloGivenAnAddressThisMachineLacksNamesTheAddressOptionNotThePort()
    {
        // 203.0.113.9 is in TEST-NET-3 (RFC 5737), kept for documentation and given to no machine, so binding it fails
        // with EADDRNOTAVAIL ("Cannot assign requested address") before anything listens; the port is not at fault.
        var ports = (RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--address", "203.0.113.9", "--silo-port", ports.Item1, "--gateway-port", ports.Item2]);
        Assert.Equal((3, "", "summits silo: error: the silo cannot listen for other silos on 203.0.113.9: it is not an address of this machine "
            + "(Cannot assign requested address); name one of its addresses with --address\n"), run);
    }

    [Fact]
    public async Task TheSiloCommandRefusesOnePortForBoth()
    {
        var run = await SummitsProgram.RunAsync(_folder.FullName, ["silo", "--cluster", "redis://127.0.0.1:1", "--silo-port", "4000", "--gateway-port", "4000"]);
        Assert.Equal((2, "", "summits silo: error: --silo-port and --gateway-port must differ, not both 4000 (see 'summits silo --help')\n"), run);
    }

    [Fact]
    public async Task TheRunCommandRefusesWhatARunOnAClusterCannotTake()
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        var local = await SummitsProgram.RunAsync(_folder.FullName, ["run", scenario, "--engine", "local", "--cluster", "redis://127.0.0.1:1"]);
        Assert.Equal((2, "", "summits run: error: --cluster applies only to a run in grains (--engine grains): the local engine runs in this process (see 'summits run --help')\n"), local);
        // Refused before any connection is tried: nothing listens at port 1.
        var every = await SummitsProgram.RunAsync(_folder.FullName, ["run", scenario, "--checkpoint-every", "2", "--cluster", "redis://127.0.0.1:1"]);
        Assert.Equal((2, "", "summits run: error: --checkpoint-every applies only to the embedded silo: the silos of the cluster at redis://127.0.0.1:1 write as their own Summits:CheckpointEvery says (see 'summits run --help')\n"), every);
    }
    [Fact]
    public async Task TheWhatIfCommandRefusesWhatAStudyOnAClusterCannotTake()
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");
        var output = Path.Combine(_folder.FullName, "out");
        var local = await SummitsProgram.RunAsync(_folder.FullName, ["whatif", scenario, "--engine", "local", "--cluster", "redis://127.0.0.1:1", "-o", output]);
        Assert.Equal((2, "", "summits whatif: error: --cluster applies only to runs in grains (--engine grains): the local engine runs in this process (see 'summits whatif --help')\n"), local);
        // Refused before any connection is tried (nothing listens at port 1), whether the cluster is the option or the setting.
        var every = await SummitsProgram.RunAsync(_folder.FullName, ["whatif", scenario, "--checkpoint-every", "2", "--cluster", "redis://127.0.0.1:1", "-o", output]);
        Assert.Equal((2, "", "summits whatif: error: --checkpoint-every applies only to the embedded silo: a study on the cluster at redis://127.0.0.1:1 keeps its sample worlds in memory on the cluster's silos (see 'summits whatif --help')\n"), every);
        var configured = await SummitsProgram.RunAsync(_folder.FullName, ["whatif", scenario, "--checkpoint-every", "2", "-o", output],
            new Dictionary<string, string> { ["Summits__Cluster"] = "redis://127.0.0.1:1" });
        Assert.Equal(every, configured);
        Assert.False(Directory.Exists(output));
    }
}
