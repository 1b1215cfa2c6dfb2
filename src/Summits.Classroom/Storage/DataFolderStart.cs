namespace Summits.Classroom;

/// <summary>
/// What a classroom's data folder held before a start, so that a start that is refused (its port taken, its cluster's
/// Redis server not answering, its own <c>redis-server</c> not starting) takes back what it made there and nothing else:
/// those of the classroom's own files and folders (<see cref="ClassroomStorage.CodesFile"/>,
/// <see cref="ClassroomStorage.LockFile"/>, <see cref="ClassroomStorage.RedisFolder"/>,
/// <see cref="ClassroomCertificate.OwnFile"/>) that were not there, then the data folder and the folders above it that
/// the start made, if they are empty. A folder found with the classroom's files in it is left as it was found.
/// </summary>
public sealed class DataFolderStart
{
    private static readonly string[] Own = [ClassroomStorage.CodesFile, ClassroomStorage.LockFile, ClassroomStorage.RedisFolder, ClassroomCertificate.OwnFile];

    private readonly string _folder;
    private readonly string? _highestMissing;
    private readonly HashSet<string> _found;

    private DataFolderStart(string folder, string? highestMissing, HashSet<string> found) => (_folder, _highestMissing, _found) = (folder, highestMissing, found);

    /// <summary>What <paramref name="folder"/> holds now, of the classroom's own, and which of it and the folders above it are not there yet.</summary>
    public static DataFolderStart Before(string folder)
    {
        folder = Path.GetFullPath(folder);
        string? missing = null;
        for (var above = folder; above is not null && !Directory.Exists(above); above = Path.GetDirectoryName(above))
            missing = above;
        var found = Own.Where(name => Path.Exists(Path.Combine(folder, name))).ToHashSet(StringComparer.Ordinal);
        return new DataFolderStart(folder, missing, found);
    }

    /// <summary>
    /// Deletes what the start made: each of the classroom's own files and folders that was not there before it, then,
    /// when the start made the data folder, it and each folder above it that the start made, as long as it is empty.
    /// Call it once the start has let go of the folder (its <c>redis-server</c> stopped, its lock released).
    /// </summary>
    public void Undo()
    {
        foreach (var name in Own.Where(name => !_found.Contains(name)))
        {
            var path = Path.Combine(_folder, name);
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else if (File.Exists(path))
                File.Delete(path);
        }
        if (_highestMissing is null)
            return;
        for (var made = _folder; made is not null && made.Length >= _highestMissing.Length; made = Path.GetDirectoryName(made))
        {
            if (!Directory.Exists(made) || Directory.EnumerateFileSystemEntries(made).Any())
                return;
            Directory.Delete(made);
        }
    }
}
