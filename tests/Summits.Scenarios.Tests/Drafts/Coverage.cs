namespace Summits.Scenarios.Tests;

/// <summary>Which characters of a readout its statements and skipped lines account for, counted from their places.</summary>
internal static class Coverage
{
    public static bool[] Of(Briefing briefing)
    {
        var text = briefing.Source.Text;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                lineStarts.Add(i + 1);
        }
        var covered = new bool[text.Length];
        foreach (var (start, length) in briefing.Statements.Select(s => (Index(s.Location), s.Text.Length))
            .Concat(briefing.Skipped.Select(s => (Index(s.Location), s.Text.Length))))
        {
            Assert.True(start + length <= text.Length);
            for (var i = start; i < start + length; i++)
                covered[i] = true;
        }
        return covered;

        int Index(Summits.Model.SourceLocation location) => lineStarts[location.Line - 1] + location.Column - 1;
    }

    /// <summary>The runs of non-space characters no statement or skipped line covers, in order.</summary>
    public static string[] Uncovered(string text, bool[] covered)
    {
        var runs = new List<string>();
        var run = new System.Text.StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !covered[i] && !char.IsWhiteSpace(text[i]))
            {
                run.Append(text[i]);
                continue;
            }
            if (i < text.Length && !covered[i] && run.Length > 0 && text[i] == ' ' && i + 1 < text.Length && !covered[i + 1] && !char.IsWhiteSpace(text[i + 1]))
            {
                run.Append(' ');
                continue;
            }
            if (run.Length > 0)
                runs.Add(run.ToString());
            run.Clear();
        }
        return [.. runs];
    }
}
