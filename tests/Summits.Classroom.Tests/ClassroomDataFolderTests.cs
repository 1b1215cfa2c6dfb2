using System.Net;
using System.Net.Sockets;
using Summits.Cli.Commands;
using Summits.Hosting;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// The classroom's data folder on disk: what its files and folders let other users of the computer read, and what a
/// start that is refused leaves there. It runs in the classroom collection, one classroom command at a time in the process.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomDataFolderTests : IDisposable
{
    private static readonly string ExerciseFile = SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml");
    private static readonly string[] NorthKoreaLine = ["JP", "US"];
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-classroom-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Every_folder_and_file_a_classroom_with_its_own_redis_server_keeps_is_its_owners_alone()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var redis = RedisProcess.Find(path);
        Assert.NotNull(redis);
        var data = Path.Combine(_folder.FullName, "data");
        await using (await ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 1, tablesGiven: false, cluster: null, ClusterIds.Default, redis))
        {
            // While it runs: classroom.json and classroom.lock, written by the classroom, and redis/ with what
            // redis-server 7 writes at its start with --appendonly yes (appendonlydir/ with its manifest, a base and an
            // incremental file). Each folder must be rwx------ (0700) and each file rw------- (0600): nothing for the
            // group or others, whatever the umask the tests run under (022 makes 0755 and 0644 otherwise).
            var entries = Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).Prepend(data).ToList();
            Assert.Contains(Path.Combine(data, ClassroomStorage.LockFile), entries);
            Assert.Contains(Path.Combine(data, ClassroomStorage.RedisFolder, "appendonlydir"), entries);
            Assert.Contains(entries, e => e.EndsWith(".aof", StringComparison.Ordinal));
            var modes = entries.Select(e => (e, File.GetUnixFileMode(e)));
            Assert.All(modes, m => Assert.Equal((m.e, Directory.Exists(m.e) ? OwnerFolder : OwnerFile), m));
        }
    }

    [Fact]
    public async Task A_start_refused_for_a_port_held_makes_no_data_folder_and_leaves_one_it_found_as_it_was()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var path = Environment.GetEnvironmentVariable("PATH");
        Assert.NotNull(RedisProcess.Find(path));

        // A new folder two levels below one that exists: the refused start (exit code 3) had made both, with
        // classroom.json, classroom.lock and redis/appendonlydir in the lower, and takes all of them back.
        var above = Path.Combine(_folder.FullName, "share");
        var data = Path.Combine(above, "data");
        Assert.Equal(3, await ClassroomCommand.RunAsync(ExerciseFile, port, tables: 1, tablesGiven: false, data, cluster: null, clusterId: null, path, TextWriter.Null, CancellationToken.None));
        Assert.False(Directory.Exists(above));

        // A folder a classroom used before, with its classroom.json alone (its lock file removed): the refused start
        // reads the codes there, takes the lock and starts redis-server, then leaves the folder holding that one file,
        // unchanged byte for byte.
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        await using (await ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 1, tablesGiven: false, cluster, ClusterIds.Default, redisProgram: null)) { }
        File.Delete(Path.Combine(data, ClassroomStorage.LockFile));
        var codes = File.ReadAllBytes(Path.Combine(data, ClassroomStorage.CodesFile));
        Assert.Equal(3, await ClassroomCommand.RunAsync(ExerciseFile, port, tables: 1, tablesGiven: false, data, cluster: null, clusterId: null, path, TextWriter.Null, CancellationToken.None));
        Assert.Equal([Path.Combine(data, ClassroomStorage.CodesFile)], Directory.EnumerateFileSystemEntries(data));
        Assert.Equal(codes, File.ReadAllBytes(Path.Combine(data, ClassroomStorage.CodesFile)));
    }
}
