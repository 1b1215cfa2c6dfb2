using System.Collections.Concurrent;

namespace Summits.Scenarios;

/// <summary>
/// Where a file a person named is read from, and the name said for it. The program carries the shipped
/// <c>scenarios/</c> folder beside it, so a relative name that is not in the current folder is looked for there
/// (<see cref="Resolve"/>); wherever it is read from, every line, report and output that names it says it as the person
/// named it (<see cref="Said"/>), so that <c>scenarios/what-if/baseline.yaml:18:1: …</c> reads the same in the
/// repository and from any other folder.
/// </summary>
public static class InputPath
{
    /// <summary>Each path read from beside the program, as <see cref="Resolve"/> gave it or a file read there names it, with the name said for it.</summary>
    private static readonly ConcurrentDictionary<string, string> Beside = new(StringComparer.Ordinal);

    /// <summary>
    /// The path to read for <paramref name="path"/>, a file or folder named relative to the current folder or whole: the
    /// name itself when it is whole or names something here; else the same name in the program's folder
    /// (<see cref="AppContext.BaseDirectory"/>) when something is there, or when the name's folder is not here but is
    /// there (so that a misspelt shipped file is looked for among the shipped files, as it is in the repository);
    /// else the name itself. A path taken from the program's folder is said as <paramref name="path"/> (<see cref="Said"/>).
    /// </summary>
    public static string Resolve(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || Exists(path))
            return path;
        var beside = Path.Combine(AppContext.BaseDirectory, path);
        var folder = Path.GetDirectoryName(path);
        if (!Exists(beside) && !(!string.IsNullOrEmpty(folder) && !Directory.Exists(folder) && Directory.Exists(Path.Combine(AppContext.BaseDirectory, folder))))
            return path;
        Beside[beside] = path;
        return beside;
    }

    /// <summary>
    /// The name to say for the file or folder read at <paramref name="path"/>, in every line, report and output that names
    /// it: the name the person gave when <see cref="Resolve"/> took it from beside the program (<c>scenarios/what-if/baseline.yaml</c>,
    /// not the program's folder joined to it); for a file that such a file names (a scenario's world), its path from the
    /// program's folder, as it would be said from the current folder were the files there (<see cref="NamedBy"/>); any
    /// other path as it is.
    /// </summary>
    public static string Said(string path) => Beside.TryGetValue(path, out var said) ? said : path;

    /// <summary>
    /// Notes the name to say for <paramref name="path"/>, the whole path of a file that <paramref name="referrer"/> names by a
    /// relative name (<see cref="InputFile.Named"/>). When the referrer was read from beside the program under a relative
    /// name, the file is said by its path from the program's folder (<c>scenarios/summits/2017-11-06-abe-trump.yaml</c>
    /// for the world of <c>scenarios/what-if/baseline.yaml</c>), which is how it is said in a folder that holds both
    /// files; unless something of that name is in the current folder, which the name would then mean instead.
    /// </summary>
    internal static void NamedBy(string referrer, string path)
    {
        if (!Beside.TryGetValue(referrer, out var said) || Path.IsPathRooted(said))
            return;
        var relative = Path.GetRelativePath(AppContext.BaseDirectory, path);
        if (!Path.IsPathRooted(relative) && !Exists(relative))
            Beside[path] = relative;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
