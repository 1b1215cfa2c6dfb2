using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summits.Scenarios;

/// <summary>
/// Writes a study's files: <c>results.json</c>, <c>agreements.csv</c>, <c>positions.csv</c>, <c>sensitivity.csv</c>,
/// <c>expectations.csv</c> and <c>samples.csv</c>.
/// </summary>
public static class StudyFiles
{
    /// <summary>Every file a study's output set may hold.</summary>
    public static readonly IReadOnlyList<string> Names = ["results.json", "agreements.csv", "positions.csv", "sensitivity.csv", "expectations.csv", "samples.csv"];

    /// <summary>A study's output set, as <c>summits whatif -o</c> writes it.</summary>
    public static readonly OutputKind Kind = new("whatif", "summits whatif -o", Names);

    /// <summary>
    /// Writes the study's files into <paramref name="directory"/> as one set (<see cref="OutputSet"/>), every one of
    /// <see cref="Names"/>: <c>samples.csv</c> is streamed row by row (<see cref="WriteSamples"/>), not held as one text.
    /// </summary>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    /// <param name="cancellation">Checked as the set is written; a cancelled write leaves the previous set unchanged.</param>
    public static Task WriteAllAsync(StudyResult study, string directory, CancellationToken cancellation = default) =>
        OutputSet.WriteAsync(directory, Kind, Files(study), cancellation);

    private static IEnumerable<(string Name, Func<TextWriter, Task> Write)> Files(StudyResult study)
    {
        foreach (var (name, text) in Tables(study).Prepend(("results.json", Json(study))))
            yield return (name, output => output.WriteAsync(text));
        yield return ("samples.csv", output =>
        {
            WriteSamples(study, output);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The tables a study's report writes beside <c>report.html</c> and <c>report.md</c> (<c>summits whatif --report</c>):
    /// <c>agreements.csv</c>, <c>positions.csv</c> and <c>sensitivity.csv</c>, each with the name of its file and the
    /// same bytes as the set's file of that name, computed as it is enumerated. Not <c>expectations.csv</c>, on purpose:
    /// the report shows each expectation's share of runs in the Expectations table of both pages (for a scenario with
    /// expectations), and the file is the set's (<see cref="Tables"/>).
    /// </summary>
    public static IEnumerable<(string Name, string Text)> ReportTables(StudyResult study)
    {
        yield return ("agreements.csv", AgreementsCsv(study));
        yield return ("positions.csv", PositionsCsv(study));
        yield return ("sensitivity.csv", SensitivityCsv(study));
    }

    /// <summary>
    /// Every table of the study's set but <c>samples.csv</c>, each with the name of its file, in the order the set
    /// lists them: <see cref="ReportTables"/>, then <c>expectations.csv</c> (<see cref="ExpectationsCsv"/>). What
    /// <c>summits whatif --format csv</c> prints, so that it prints every table <c>-o DIR</c> writes with a row per
    /// topic, position, pair or expectation; each is computed as it is enumerated.
    /// </summary>
    public static IEnumerable<(string Name, string Text)> Tables(StudyResult study) =>
        ReportTables(study).Append(("expectations.csv", ExpectationsCsv(study)));

    public static string Json(StudyResult study) => JsonSerializer.Serialize(study, SummitsJson.Options) + "\n";

    public static string AgreementsCsv(StudyResult study)
    {
        var text = new StringBuilder("topic,runs,in_force,p_in_force,low,high,made,p_made,made_low,made_high\n");
        foreach (var a in study.Agreements)
            text.Append(a.Topic).Append(',').Append(a.InForce.Runs).Append(',')
                .Append(a.InForce.Count).Append(',').Append(N(a.InForce.P)).Append(',').Append(N(a.InForce.Low)).Append(',').Append(N(a.InForce.High)).Append(',')
                .Append(a.Made.Count).Append(',').Append(N(a.Made.P)).Append(',').Append(N(a.Made.Low)).Append(',').Append(N(a.Made.High)).Append('\n');
        return text.ToString();
    }

    public static string PositionsCsv(StudyResult study)
    {
        var text = new StringBuilder("actor,topic,start,runs,mean,sd,p5,p50,p95,min,max\n");
        foreach (var p in study.Positions)
            text.Append(p.Actor).Append(',').Append(p.Topic).Append(',').Append(N(p.Start)).Append(',').Append(p.Runs).Append(',')
                .Append(N(p.Mean)).Append(',').Append(N(p.Sd)).Append(',').Append(N(p.P5)).Append(',').Append(N(p.P50)).Append(',')
                .Append(N(p.P95)).Append(',').Append(N(p.Min)).Append(',').Append(N(p.Max)).Append('\n');
        return text.ToString();
    }

    public static string SensitivityCsv(StudyResult study)
    {
        var text = new StringBuilder("rank,input,outcome,rho,p,q,significant\n");
        var rank = 0;
        foreach (var s in study.Sensitivity)
            text.Append(++rank).Append(',').Append(s.Input).Append(',').Append(s.Outcome).Append(',').Append(N(s.Rho)).Append(',')
                .Append(Significance(s.P)).Append(',').Append(Significance(s.Q)).Append(',').Append(s.Significant ? "yes" : "no").Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// <c>expectations.csv</c>: a row per expectation of the scenario, in the order of the results document's
    /// <c>eachExpectation</c> (every <c>expect</c> step's in the file's order): <c>step</c> (its step's id),
    /// <c>line</c> (the line of its <c>- expect:</c>), <c>what</c> (<see cref="ExpectationOdds.Words"/>, quoted as
    /// RFC 4180 quotes a field), <c>held</c> (runs in which it held), <c>runs</c> (runs that finished),
    /// <c>share</c> (held / runs, 0 to 1), <c>low</c> and <c>high</c> (its 95% Wilson interval, 0 to 1), <c>because</c>
    /// (its step's <c>because:</c> text, <see cref="ExpectationOdds.Because"/>, quoted as <c>what</c> is; empty when the
    /// step gives none). Only the header for a scenario without expectations.
    /// </summary>
    public static string ExpectationsCsv(StudyResult study)
    {
        var text = new StringBuilder("step,line,what,held,runs,share,low,high,because\n");
        foreach (var e in study.EachExpectation ?? [])
            text.Append(CsvLine.Of([e.Step, e.Line.ToString(CultureInfo.InvariantCulture), e.What, e.Held.Count.ToString(CultureInfo.InvariantCulture),
                e.Held.Runs.ToString(CultureInfo.InvariantCulture), N(e.Held.P), N(e.Held.Low), N(e.Held.High), e.Because])).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The header of <c>samples.csv</c> (<see cref="WriteSamples"/>): <c>run</c>, <c>seed</c>, each sampled input by
    /// its name (<c>position JP bilateral-fta</c>, <c>salience JP bilateral-fta</c>, <c>capability US</c>,
    /// <c>strategy US</c>), <c>agreement TOPIC</c> and then <c>agreement made TOPIC</c> for each topic,
    /// <c>final position ACTOR TOPIC</c> for each position, and each expectation by its words
    /// (<see cref="ExpectationOdds.Words"/>); an expectation whose words another column has too is told apart by its
    /// step and line, <c>no agreement on t (step-3, line 12)</c>, and one whose step holds another with the same words
    /// by its place among the step's expectations, from 1: <c>no agreement on t (step-3, line 12, expectation 2)</c>.
    /// A name that is still another column's is numbered from 2 until it is no other's: every column's name is its own.
    /// </summary>
    public static IReadOnlyList<string> SamplesHeader(StudyResult study)
    {
        var header = new List<string> { "run", "seed" };
        header.AddRange(study.Inputs.Select(i => i.Name));
        header.AddRange(study.Agreements.Select(a => $"agreement {a.Topic}"));
        header.AddRange(study.Agreements.Select(a => $"agreement made {a.Topic}"));
        header.AddRange(study.Positions.Select(p => $"final position {p.Actor} {p.Topic}"));
        var each = study.EachExpectation ?? [];
        var taken = header.ToHashSet(StringComparer.Ordinal);
        var shared = each.GroupBy(e => e.What, StringComparer.Ordinal).Where(g => g.Count() > 1 || taken.Contains(g.Key)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        // The step's line is the line of each of its expectations: two with the same words in one step need their place too.
        var sameStep = each.GroupBy(e => (e.What, e.Step, e.Line)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var inStep = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in each)
        {
            var place = inStep[e.Step] = inStep.GetValueOrDefault(e.Step) + 1;
            var name = !shared.Contains(e.What) ? e.What
                : sameStep.Contains((e.What, e.Step, e.Line)) ? string.Create(CultureInfo.InvariantCulture, $"{e.What} ({e.Step}, line {e.Line}, expectation {place})")
                : string.Create(CultureInfo.InvariantCulture, $"{e.What} ({e.Step}, line {e.Line})");
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
                unique = string.Create(CultureInfo.InvariantCulture, $"{name} ({n})");
            header.Add(unique);
        }
        return header;
    }

    /// <summary>
    /// Writes <c>samples.csv</c> to <paramref name="output"/>: the header (<see cref="SamplesHeader"/>), then a row per
    /// finished run in run order (<see cref="StudyResult.Samples"/>): its number (1 to the runs), its seed (the run
    /// seed its world was drawn with, 0 to 2^64 − 1), each input as drawn (a number, or a strategy's name for a
    /// strategy), <c>true</c> or <c>false</c> for an agreement in force on each topic at the end and for one made
    /// during the run, each final position (0 to 100; empty where the actor held none), and <c>true</c> or
    /// <c>false</c> for each expectation held. Numbers are written as the study's other CSVs write them (<see cref="CsvNumber"/>):
    /// invariant, the shortest text that reads back as the same double, without an exponent. A row is formatted as it is written, so the file is
    /// never held whole.
    /// </summary>
    public static void WriteSamples(StudyResult study, TextWriter output)
    {
        output.Write(CsvLine.Of(SamplesHeader(study)));
        output.Write('\n');
        var choices = study.Inputs.Select(i => i.Choices).ToArray();
        Span<char> figure = stackalloc char[32];
        foreach (var sample in study.Samples)
        {
            Whole(output, sample.Index + 1L, figure);
            output.Write(',');
            sample.Seed.TryFormat(figure, out var written, default, CultureInfo.InvariantCulture);
            output.Write(figure[..written]);
            for (var i = 0; i < sample.Inputs.Length; i++)
            {
                output.Write(',');
                if (choices[i] is { Count: > 0 } named)
                    output.Write(named[(int)sample.Inputs[i]]);
                else
                    Number(output, sample.Inputs[i], figure);
            }
            foreach (var inForce in sample.InForce)
                output.Write(inForce ? ",true" : ",false");
            foreach (var made in sample.Made)
                output.Write(made ? ",true" : ",false");
            foreach (var position in sample.Positions)
            {
                output.Write(',');
                if (!double.IsNaN(position))
                    Number(output, position, figure);
            }
            foreach (var held in sample.Held)
                output.Write(held ? ",true" : ",false");
            output.Write('\n');
        }
    }

    private static void Whole(TextWriter output, long value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        output.Write(buffer[..written]);
    }

    private static void Number(TextWriter output, double value, Span<char> buffer) => CsvNumber.Write(output, value, buffer);

    private static string N(double value) => CsvNumber.Of(value);

    // A p or q value as "R" writes it, with an exponent when it is tiny (5.150583220661619E-181, as a strong ρ over
    // 10,000 runs gives): written out in plain decimals it would run to some 200 characters.
    private static string Significance(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
