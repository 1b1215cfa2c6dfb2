using Summits.Model;
using Summits.Tests;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The real seed world with one mistake edited into it, parsed as if it stood beside the real file so
/// that its relative source path still resolves.
/// </summary>
internal sealed class EditedSeed
{
    public static readonly string Original = File.ReadAllText(SeedFiles.World);

    public static readonly string PathBeside = Path.Combine(Path.GetDirectoryName(SeedFiles.World)!, "edited-seed.yaml");

    private EditedSeed(string text) => Text = text;

    public string Text { get; }

    public static EditedSeed Replace(string old, string replacement) => new(ReplaceOnce(Original, old, replacement));

    public EditedSeed ThenReplace(string old, string replacement) => new(ReplaceOnce(Text, old, replacement));

    public World Parse() => WorldFile.Parse(PathBeside, Text);

    /// <summary>Where <paramref name="token"/> first stands at or after the one place <paramref name="anchor"/> stands.</summary>
    public (int Line, int Column) Find(string anchor, string token)
    {
        var start = IndexOfOnly(Text, anchor);
        var index = Text.IndexOf(token, start, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{token}' does not follow '{anchor}'");
        var lineStart = index == 0 ? 0 : Text.LastIndexOf('\n', index - 1) + 1;
        var line = 1 + Text.AsSpan(0, index).Count('\n');
        return (line, index - lineStart + 1);
    }

    /// <summary>Parses the edited text, expecting a failure at the place given, whose message carries the words given.</summary>
    public InputException FailsAt((int Line, int Column) at, params string[] words)
    {
        var error = Assert.Throws<InputException>(Parse);
        Assert.Equal(new FilePosition(PathBeside, at.Line, at.Column), error.Position);
        Assert.StartsWith($"{PathBeside}:{at.Line}:{at.Column}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        foreach (var word in words)
            Assert.Contains(word, error.Problem, StringComparison.Ordinal);
        return error;
    }

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var index = IndexOfOnly(text, old);
        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + old.Length));
    }

    private static int IndexOfOnly(string text, string part)
    {
        var index = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(index >= 0, $"the seed does not contain '{part}'");
        Assert.True(text.IndexOf(part, index + 1, StringComparison.Ordinal) < 0, $"the seed contains '{part}' more than once");
        return index;
    }
}
