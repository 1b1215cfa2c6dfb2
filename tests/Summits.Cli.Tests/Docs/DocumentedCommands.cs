using System.Text;
using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Reads README.md and docs/*.md for the commands they show with their output.
/// </summary>
/// <remarks>
/// The conventions, which docs/README of the repository also state:
/// a fenced block line <c>$ summits ARGS</c> is followed by what the command prints (standard output
/// and standard error, either first); a line <c>…</c> stands for any number of lines, a line ending in <c>…</c>
/// for any line that begins with the text before it; a comment <c>&lt;!-- file: PATH</c> whose following
/// lines up to <c>--&gt;</c> are a file's text (or which stands before a fenced block, whose text it
/// then is) puts that file in the folder the commands run in.
/// </remarks>
public static partial class DocumentedCommands
{
    public static IEnumerable<string> Documents()
    {
        yield return "README.md";
        foreach (var file in Directory.GetFiles(SeedFiles.File("docs"), "*.md").Order(StringComparer.Ordinal))
            yield return Path.GetRelativePath(SeedFiles.Root, file).Replace('\\', '/');
    }

    public static List<DocumentedCommand> All() => [.. Documents().SelectMany(Read)];

    public static IEnumerable<DocumentedCommand> Read(string document)
    {
        var lines = File.ReadAllLines(SeedFiles.File(document));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = new List<(int Line, string[] Arguments, List<string> Quoted)>();
        string? pendingFile = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var marker = FileMarker().Match(line);
            if (marker.Success)
            {
                var path = marker.Groups[1].Value.Trim();
                if (line.TrimEnd().EndsWith("-->", StringComparison.Ordinal))
                {
                    pendingFile = path;
                    continue;
                }
                var text = new StringBuilder();
                for (i++; i < lines.Length && lines[i].Trim() != "-->"; i++)
                    text.Append(lines[i]).Append('\n');
                files[path] = text.ToString();
                continue;
            }
            if (!line.StartsWith("```", StringComparison.Ordinal))
                continue;

            var block = new List<(int Line, string Text)>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                block.Add((i + 1, lines[i]));
            if (pendingFile is not null)
            {
                files[pendingFile] = string.Concat(block.Select(b => b.Text + "\n"));
                pendingFile = null;
                continue;
            }
            List<string>? quoted = null;
            string continued = "";
            var firstLine = 0;
            foreach (var (number, text) in block)
            {
                if (continued.Length > 0 || text.StartsWith("$ summits ", StringComparison.Ordinal))
                {
                    var part = continued.Length > 0 ? text.Trim() : text["$ summits ".Length..];
                    if (continued.Length == 0)
                        firstLine = number;
                    if (part.EndsWith('\\'))
                    {
                        continued += part[..^1] + " ";
                        continue;
                    }
                    var words = Words(continued + part);
                    continued = "";
                    quoted = [];
                    commands.Add((firstLine, words, quoted));
                    continue;
                }
                if (text.StartsWith("$ ", StringComparison.Ordinal))
                {
                    quoted = null;
                    continue;
                }
                quoted?.Add(text.TrimEnd());
            }
        }
        foreach (var (line, arguments, quoted) in commands)
        {
            while (quoted.Count > 0 && quoted[^1].Length == 0)
                quoted.RemoveAt(quoted.Count - 1);
            yield return new DocumentedCommand($"{document}:{line}", arguments, [.. quoted], files);
        }
    }

    /// <summary>Splits a command line as a shell would for these simple cases: spaces, quotes, a trailing comment.</summary>
    private static string[] Words(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in commandLine)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null; else word.Append(c);
                continue;
            }
            if (c == '#' && !inWord)
                break;
            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord)
            words.Add(word.ToString());
        return [.. words];
    }

    [GeneratedRegex(@"^<!-- file: ([^\n]+?)(?:-->)?\s*$")]
    private static partial Regex FileMarker();
}
