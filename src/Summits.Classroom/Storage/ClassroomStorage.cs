using System.Collections.Immutable;
using System.Text.Json;
using Summits.Hosting;

namespace Summits.Classroom;

/// <summary>
/// Where a classroom keeps its tables, chosen as it starts: in a cluster's Redis server when one is named; else in a
/// <c>redis-server</c> of its own (<see cref="RedisProcess"/>) when one is installed, its data in the classroom's data
/// folder; else in the silo's memory alone. In the first two the data folder also keeps the classroom's id and codes
/// (<see cref="CodesFile"/>), so that a classroom started again with the same folder has the same codes and finds its
/// tables, which are keyed by that id; the folder is held (<see cref="LockFile"/>) while the classroom runs, so that two
/// classrooms never share it. In memory the folder is not touched: the codes are drawn afresh and the tables go with the
/// classroom.
/// </summary>
public sealed class ClassroomStorage : IAsyncDisposable
{
    /// <summary>The file of the data folder that keeps the classroom's exercise, id and codes, readable by its owner alone.</summary>
    public const string CodesFile = "classroom.json";

    /// <summary>The file of the data folder held while a classroom uses the folder, readable by its owner alone.</summary>
    public const string LockFile = "classroom.lock";

    /// <summary>The folder of the data folder where the classroom's own <c>redis-server</c> keeps its data.</summary>
    public const string RedisFolder = "redis";

    /// <summary>What the classroom says at start when it keeps its tables in memory, and how it could keep them.</summary>
    public const string KeptInMemory = "the tables are kept in memory only: they are lost when the classroom stops and do not survive a restart; "
        + "to keep them, install redis-server (sudo apt-get install redis-server) or give --cluster redis://HOST:PORT";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly FileStream? _lock;
    private readonly RedisProcess? _redis;

    private readonly Lock _writing = new();
    private readonly string _exercise;

    private ClassroomStorage(string exercise, string id, ClassroomCodes codes, ImmutableArray<TeamSeat> teams, bool found, string? folder, FileStream? held,
        RedisProcess? redis, ClusterAddress? cluster, string clusterId)
    {
        (_exercise, ClassroomId, Codes, Teams, Found, Folder, _lock, _redis, ClusterId) = (exercise, id, codes, teams, found, folder, held, redis, clusterId);
        StateStore = cluster ?? redis?.Address;
        Cluster = cluster;
    }

    /// <summary>The classroom's id, which its tables' grain keys begin with (<see cref="TableKey"/>): <c>classroom-</c> and 8 hex digits.</summary>
    public string ClassroomId { get; }

    /// <summary>The classroom's codes: drawn at its first start, read back from the data folder at a later one.</summary>
    public ClassroomCodes Codes { get; }

    /// <summary>The seats given to teams at earlier starts, each with its team code, read from <see cref="CodesFile"/>; none in memory or at a first start.</summary>
    public ImmutableArray<TeamSeat> Teams { get; }

    /// <summary>How many tables the classroom has: one for each join code.</summary>
    public int Tables => Codes.Join.Length;

    /// <summary>Whether the codes were read back from the data folder, a classroom started again.</summary>
    public bool Found { get; }

    /// <summary>The data folder, or null when the tables are kept in memory and no folder is used.</summary>
    public string? Folder { get; }

    /// <summary>The Redis server that keeps the tables' grain state: the cluster's or the classroom's own; null for memory.</summary>
    public ClusterAddress? StateStore { get; }

    /// <summary>The cluster named with <c>--cluster</c> (or <c>Summits:Cluster</c>) whose Redis server keeps the tables; null when none is.</summary>
    public ClusterAddress? Cluster { get; }

    /// <summary>The cluster id the tables' state is kept under in <see cref="StateStore"/> (its service id).</summary>
    public string ClusterId { get; }

    /// <summary>What the classroom says at start of where its tables are kept, and what a restart finds.</summary>
    public string Kept => (Cluster, _redis) switch
    {
        ({ } cluster, _) => $"the tables are kept in the Redis server at {cluster} (cluster '{ClusterId}') and their codes in {Folder}: "
            + "started again with the same data folder and cluster, the classroom finds every table as it was, with the same codes",
        (null, { } redis) => $"the tables are kept in {Folder} by a redis-server of the classroom's own on {redis.Address.Endpoint}, each change on disk before a page shows it: "
            + "started again with the same data folder, the classroom finds every table as it was, with the same codes",
        _ => KeptInMemory,
    };

    /// <summary>What the classroom says when it has stopped: where its tables wait for the next start, or that they are gone.</summary>
    public string Stopped => StateStore is null
        ? "stopped; its tables are gone"
        : $"stopped; its tables are kept for its next start with the data folder {Folder}";

    /// <summary>
    /// The data folder a classroom of <paramref name="exercise"/> uses unless told another: <c>summits/classroom/EXERCISE</c> in the
    /// user's local application data (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultFolder(string exercise) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "summits", "classroom", exercise);

    /// <summary>
    /// Chooses where a classroom of <paramref name="exercise"/> keeps its tables and opens it: a cluster's Redis server
    /// when <paramref name="cluster"/> is given, else a <c>redis-server</c> of its own when <paramref name="redisProgram"/>
    /// is one, else memory.
    /// </summary>
    /// <param name="exercise">The exercise's id; the data folder's codes must be of the same exercise.</param>
    /// <param name="countries">The exercise's two countries, which each team's seat the folder keeps must name one of.</param>
    /// <param name="folder">The data folder, created if need be (only when the tables are kept in Redis).</param>
    /// <param name="tables">How many tables a new classroom has (1 to <see cref="ClassroomExercise.MostTables"/>).</param>
    /// <param name="tablesGiven">
    /// Whether <paramref name="tables"/> was asked for: then a classroom read back from the folder must have as many; when
    /// not, it keeps the number it has.
    /// </param>
    /// <param name="cluster">The cluster whose Redis server keeps the tables; null for none.</param>
    /// <param name="clusterId">The cluster id (service id) the state is kept under.</param>
    /// <param name="redisProgram">The <c>redis-server</c> to start when there is no cluster (<see cref="RedisProcess.Find"/>); null for none.</param>
    /// <exception cref="ClassroomDataException">
    /// The folder's codes are of another exercise, of another number of tables, or not what the classroom writes
    /// (<see cref="Check"/>); the folder is then left as it was.
    /// </exception>
    /// <exception cref="IOException">The folder is held by another classroom, cannot be written, or the <c>redis-server</c> did not start.</exception>
    public static async Task<ClassroomStorage> OpenAsync(string exercise, IReadOnlyCollection<string> countries, string folder, int tables, bool tablesGiven, ClusterAddress? cluster, string clusterId,
        string? redisProgram, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tables, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tables, ClassroomExercise.MostTables);
        if (cluster is null && redisProgram is null)
            return new ClassroomStorage(exercise, NewId(), new ClassroomCodes(tables), [], found: false, folder: null, held: null, redis: null, cluster: null, clusterId);

        folder = Path.GetFullPath(folder);
        CreateOwnersFolder(folder);
        var lockCreated = !File.Exists(Path.Combine(folder, LockFile));
        var held = Hold(folder);
        RedisProcess? redis = null;
        try
        {
            var (id, codes, teams, found) = ReadOrDraw(exercise, countries, folder, tables, tablesGiven);
            if (cluster is null)
                redis = await RedisProcess.StartAsync(redisProgram!, Path.Combine(folder, RedisFolder), cancellation);
            return new ClassroomStorage(exercise, id, codes, teams, found, folder, held, redis, cluster, clusterId);
        }
        catch (ClassroomDataException)
        {
            // A folder refused is left as it was found: the lock file this start made goes with it.
            await held.DisposeAsync();
            if (lockCreated)
                File.Delete(Path.Combine(folder, LockFile));
            throw;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Refuses the data folder <paramref name="folder"/> if the codes it keeps cannot be played as asked (as
    /// <see cref="OpenAsync"/> would), reading it alone, so that a start can say so before it writes anything there (a
    /// certificate of its own); a folder with no codes yet passes.
    /// </summary>
    /// <exception cref="ClassroomDataException">As <see cref="OpenAsync"/>: another exercise, another number of tables, or a file not as the classroom writes it, said at its line and column.</exception>
    public static void Check(string exercise, IReadOnlyCollection<string> countries, string folder, int tables, bool tablesGiven)
    {
        folder = Path.GetFullPath(folder);
        if (File.Exists(Path.Combine(folder, CodesFile)))
            ReadKept(exercise, countries, folder, tables, tablesGiven);
    }

    /// <summary>A new classroom's id: <c>classroom-</c> and 8 hex digits from the cryptographic random generator.</summary>
    public static string NewId() => "classroom-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    private static void CreateOwnersFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static FileStream Hold(string folder)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new FileStream(Path.Combine(folder, LockFile), options);
        }
        catch (IOException e)
        {
            throw new IOException($"the data folder {folder} is in use by another classroom; stop that one, or give this one a folder of its own with --data", e);
        }
    }

    /// <summary>The classroom the folder keeps, or a new one, drawn and written to it.</summary>
    private static (string Id, ClassroomCodes Codes, ImmutableArray<TeamSeat> Teams, bool Found) ReadOrDraw(string exercise, IReadOnlyCollection<string> countries,
        string folder, int tables, bool tablesGiven)
    {
        var path = Path.Combine(folder, CodesFile);
        if (!File.Exists(path))
        {
            var drawn = new ClassroomCodes(tables);
            var id = NewId();
            Write(path, new KeptClassroom(exercise, id, drawn.Facilitator, [.. drawn.Join], []), FileMode.CreateNew);
            return (id, drawn, [], false);
        }
        var kept = ReadKept(exercise, countries, folder, tables, tablesGiven);
        return (kept.Classroom, new ClassroomCodes(kept.Facilitator, [.. kept.Join]), [.. kept.Teams.Select(t => new TeamSeat(t.Table, t.Country, t.Code))], true);
    }

    private static KeptClassroom ReadKept(string exercise, IReadOnlyCollection<string> countries, string folder, int tables, bool tablesGiven)
    {
        var kept = ClassroomFile.Read(Path.Combine(folder, CodesFile), exercise, countries);
        if (tablesGiven && kept.Join.Length != tables)
            throw new ClassroomDataException($"the data folder {folder} keeps a classroom of {kept.Join.Length} table(s), not {tables}; leave out --tables to play its {kept.Join.Length}, or give another folder with --data");
        return kept;
    }

    /// <summary>
    /// Writes <paramref name="teams"/>, every seat given so far with its team code, to <see cref="CodesFile"/> beside the
    /// classroom's codes, so that a team comes back with its code after a restart; in memory, writes nothing. The file is
    /// written whole beside the old one and then put in its place, so a stop midway leaves the old one.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written; the old one stands.</exception>
    public void KeepTeams(IEnumerable<TeamSeat> teams)
    {
        if (Folder is null)
            return;
        var kept = new KeptClassroom(_exercise, ClassroomId, Codes.Facilitator, [.. Codes.Join],
            [.. teams.OrderBy(t => t.Table).ThenBy(t => t.Actor, StringComparer.Ordinal).Select(t => new KeptTeam(t.Table, t.Actor, t.Token))]);
        var path = Path.Combine(Folder, CodesFile);
        lock (_writing)
        {
            Write(path + ".new", kept, FileMode.Create);
            File.Move(path + ".new", path, overwrite: true);
        }
    }

    private static void Write(string path, KeptClassroom kept, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(path, options);
        JsonSerializer.Serialize(file, kept, Json);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Stops the classroom's own <c>redis-server</c>, if it has one, and lets go of the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
            await _redis.DisposeAsync();
        if (_lock is not null)
            await _lock.DisposeAsync();
    }
}
