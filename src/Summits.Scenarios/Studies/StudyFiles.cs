using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summits.Scenarios;

/// <summary>Writes a study's files: <c>results.json</c>, <c>agreements.csv</c>, <c>positions.csv</c> and <c>sensitivity.csv</c>.</summary>
public static class StudyFiles
{
    /// <summary>Every file a study's output set may hold.</summary>
    public static readonly IReadOnlyList<string> Names = ["results.json", "agreements.csv", "positions.csv", "sensitivity.csv"];

    /// <summary>A study's output set, as <c>summits whatif -o</c> writes it.</summary>
    public static readonly OutputKind Kind = new("whatif", "summits whatif -o", Names);

    /// <summary>Writes the study's files into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    /// <param name="cancellation">Checked as the set is written; a cancelled write leaves the previous set unchanged.</param>
    public static void WriteAll(StudyResult study, string directory, CancellationToken cancellation = default) =>
        OutputSet.Write(directory, Kind, [("results.json", Json(study)), .. Csvs(study)], cancellation);

    /// <summary>The study's CSVs, each computed as it is enumerated.</summary>
    public static IEnumerable<(string Name, string Text)> Csvs(StudyResult study)
    {
        yield return ("agreements.csv", AgreementsCsv(study));
        yield return ("positions.csv", PositionsCsv(study));
        yield return ("sensitivity.csv", SensitivityCsv(study));
    }

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
                .Append(N(s.P)).Append(',').Append(N(s.Q)).Append(',').Append(s.Significant ? "yes" : "no").Append('\n');
        return text.ToString();
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
