namespace Summits.Scenarios;

/// <summary>
/// Where a file a person named is read from. The program carries the shipped <c>scenarios/</c> folder beside it, so a
/// relative name that is not in the current folder is looked for there (<see cref="Resolve"/>).
/// </summary>
public static class InputPath
{
    /// <summary>
    /// The path to read for <paramref name="path"/>, a file or folder named relative to the current folder or whole: the
    /// name itself when it is whole or names something here; else the same name in the program's folder
    /// (<see cref="AppContext.BaseDirectory"/>) when something is there, or when the name's folder is not here but is
    /// there (so that a misspelt shipped file is looked for among the shipped files, as it is in the repository);
    /// else the name itself.
    /// </summary>
    public static string Resolve(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || Exists(path))
            return path;
        var beside = Path.Combine(AppContext.BaseDirectory, path);
        var folder = Path.GetDirectoryName(path);
        if (!Exists(beside) && !(!string.IsNullOrEmpty(folder) && !Directory.Exists(folder) && Directory.Exists(Path.Combine(AppContext.BaseDirectory, folder))))
            return path;
        return beside;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
