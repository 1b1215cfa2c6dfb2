using System.Text.RegularExpressions;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Where a failed expectation stands in its scenario file, as <c>FILE:LINE:COLUMN: what was expected</c>, the file as the person named it (<see cref="InputPath.Said"/>).</summary>
public static partial class ExpectationText
{
    /// <summary>One line per failed expectation of the run.</summary>
    public static IEnumerable<string> Failures(RunResult run)
    {
        string[]? lines = null;
        foreach (var e in run.Timeline.Where(e => e.Kind == EventKind.ExpectationFailed))
        {
            var why = e.Why ?? "";
            var match = LinePrefix().Match(why);
            if (!match.Success)
            {
                yield return $"{InputPath.Said(run.Loaded.Path)}: {why}";
                continue;
            }
            var line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            lines ??= ReadLines(run.Loaded.Path);
            yield return $"{new FilePosition(run.Loaded.Path, line, Column(lines, line))}: {why[match.Length..]}";
        }
    }

    /// <summary>The column of the step's first key on its line: past the indent and the list dash.</summary>
    private static int Column(string[] lines, int line)
    {
        if (line < 1 || line > lines.Length)
            return 1;
        var text = lines[line - 1];
        var i = 0;
        while (i < text.Length && (text[i] == ' ' || (text[i] == '-' && i + 1 < text.Length && text[i + 1] == ' ')))
            i++;
        return i + 1;
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"^line (\d+): ")]
    private static partial Regex LinePrefix();
}
