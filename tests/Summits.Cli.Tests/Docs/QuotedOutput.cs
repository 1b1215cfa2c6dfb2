using System.Text;

namespace Summits.Cli.Tests;

/// <summary>
/// Compares the lines a document quotes with the lines a command printed: every quoted line in order,
/// <c>…</c> alone for any number of lines, a line ending in <c>…</c> for a line that begins so.
/// Without a leading or trailing <c>…</c> the quote must start at the first line and end at the last.
/// </summary>
public static class QuotedOutput
{
    public const string Gap = "…";

    /// <summary>Null when the quote matches; otherwise a report of where it parts from the output, with a diff.</summary>
    public static string? Mismatch(IReadOnlyList<string> quoted, IReadOnlyList<string> actual)
    {
        // Segments: runs of quoted lines between gaps, each of which must match consecutive output lines.
        var segments = new List<(int Start, List<string> Lines)>();
        var current = new List<string>();
        var start = 0;
        for (var i = 0; i <= quoted.Count; i++)
        {
            if (i == quoted.Count || quoted[i] == Gap)
            {
                segments.Add((start, current));
                current = [];
                start = i + 1;
            }
            else
            {
                current.Add(quoted[i]);
            }
        }
        var anchoredStart = quoted.Count == 0 || quoted[0] != Gap;
        var anchoredEnd = quoted.Count == 0 || quoted[^1] != Gap;

        var at = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            var (segmentStart, lines) = segments[s];
            if (lines.Count == 0)
                continue;
            var found = -1;
            if (s == 0 && anchoredStart)
            {
                if (Matches(lines, actual, 0))
                    found = 0;
            }
            else
            {
                for (var k = at; k + lines.Count <= actual.Count && found < 0; k++)
                {
                    if (Matches(lines, actual, k))
                        found = k;
                }
            }
            if (found >= 0 && s == segments.Count - 1 && anchoredEnd && found + lines.Count != actual.Count)
            {
                if (Matches(lines, actual, actual.Count - lines.Count) && actual.Count - lines.Count >= at)
                    found = actual.Count - lines.Count;
                else
                    return Report(segmentStart, lines, actual, found + lines.Count, "the quote ends here, but the output goes on");
            }
            if (found < 0)
                return Report(segmentStart, lines, actual, at, null);
            at = found + lines.Count;
        }
        return null;
    }

    private static bool Matches(List<string> lines, IReadOnlyList<string> actual, int at)
    {
        if (at + lines.Count > actual.Count)
            return false;
        for (var j = 0; j < lines.Count; j++)
        {
            if (!LineMatches(lines[j], actual[at + j]))
                return false;
        }
        return true;
    }

    private static bool LineMatches(string quoted, string actual) =>
        quoted.EndsWith(Gap, StringComparison.Ordinal) && quoted.Length > 1
            ? actual.StartsWith(quoted[..^1], StringComparison.Ordinal)
            : quoted == actual;

    /// <summary>Aligns the segment where most of its lines agree with the output, and shows them side by side as a diff.</summary>
    private static string Report(int segmentStart, List<string> lines, IReadOnlyList<string> actual, int from, string? note)
    {
        var best = from;
        var bestScore = -1;
        for (var k = Math.Max(0, from - lines.Count); k < Math.Max(actual.Count, 1); k++)
        {
            var score = 0;
            for (var j = 0; j < lines.Count && k + j < actual.Count; j++)
                score += LineMatches(lines[j], actual[k + j]) ? 2 : Common(lines[j], actual[k + j]) > lines[j].Length / 2 ? 1 : 0;
            if (score > bestScore)
                (best, bestScore) = (k, score);
        }
        var text = new StringBuilder();
        text.AppendLine(note ?? $"quoted line {segmentStart + 1} onwards is not in the output; diff (- quoted, + printed now):");
        for (var j = 0; j < lines.Count; j++)
        {
            var now = best + j < actual.Count ? actual[best + j] : "(no more output)";
            if (LineMatches(lines[j], now))
            {
                text.AppendLine("  " + lines[j]);
            }
            else
            {
                text.AppendLine("- " + lines[j]);
                text.AppendLine("+ " + now);
            }
        }
        return text.ToString();
    }

    private static int Common(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
            n++;
        return n;
    }
}
