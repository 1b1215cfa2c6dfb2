using System.Text;

namespace Summits.Scenarios.Tests;

/// <summary>
/// A temporary folder of scenario files that run on the seeded world, named by its absolute path,
/// with the means to say where in a file a piece of its text stands.
/// </summary>
public sealed class ScenarioFolder : IDisposable
{
    public ScenarioFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "summits-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The header every scenario here starts with: a name and the seeded world.</summary>
    public static string Header => $"scenario: test\nworld: '{RepoFiles.SeedWorld.Replace("'", "''")}'\n";

    /// <summary>Writes <paramref name="body"/> after the header into a new file and returns the file's path and full text.</summary>
    public (string File, string Text) Write(string body, string name = "scenario.yaml") => WriteRaw(Header + body, name);

    public (string File, string Text) WriteRaw(string text, string name = "scenario.yaml")
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return (file, text);
    }

    /// <summary>
    /// The 1-based line and column of the <paramref name="occurrence"/>-th (from 1) appearance of <paramref name="needle"/>
    /// in <paramref name="text"/>, not counting one inside the seeded world's path (<see cref="RepoFiles.SeedWorld"/>,
    /// which the headers name): that path holds the folder the repository was cloned into, which may spell the needle.
    /// </summary>
    public static (int Line, int Column) Find(string text, string needle, int occurrence = 1)
    {
        // As the headers write it, between single quotes, each quote in it doubled.
        var path = RepoFiles.SeedWorld.Replace("'", "''", StringComparison.Ordinal);
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            do
                index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            while (index >= 0 && !needle.Contains(path, StringComparison.Ordinal) && InsidePath(text, path, index, needle.Length));
            if (index < 0)
                throw new ArgumentException($"'{needle}' does not appear {occurrence} times in the text");
        }
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var line = text[..index].Count(c => c == '\n') + 1;
        return (line, index - lineStart + 1);
    }

    /// <summary>Whether the <paramref name="length"/> characters at <paramref name="index"/> lie inside an appearance of <paramref name="path"/> in <paramref name="text"/>.</summary>
    private static bool InsidePath(string text, string path, int index, int length)
    {
        for (var at = text.IndexOf(path, StringComparison.Ordinal); at >= 0 && at <= index; at = text.IndexOf(path, at + 1, StringComparison.Ordinal))
        {
            if (index + length <= at + path.Length)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Runs <paramref name="load"/> on <paramref name="file"/>, expects it to fail with one line that starts
    /// at the <paramref name="occurrence"/>-th (from 1) <paramref name="at"/>, and returns the error.
    /// </summary>
    public static InputException FailsAt((string File, string Text) file, Action load, string at, int occurrence = 1)
    {
        var error = Assert.Throws<InputException>(load);
        var (line, column) = Find(file.Text, at, occurrence);
        Assert.Equal(new FilePosition(file.File, line, column), error.Position);
        Assert.StartsWith($"{file.File}:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        return error;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
