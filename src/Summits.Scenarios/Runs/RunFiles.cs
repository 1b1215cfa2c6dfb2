using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Writes a run's files: <c>timeline.jsonl</c> (one event a line), <c>state.json</c> (final positions
/// and agreements, the scenario, the seed, the version) and <c>agreements.csv</c>; after spatial-model
/// turns, also <c>smp-positions.csv</c> (each actor's position on each topic at each turn) and
/// <c>smp-probabilities.csv</c> (the probability that each actor's position prevails at each turn).
/// The same scenario and seed give the same bytes.
/// </summary>
public static class RunFiles
{
    public static string Version { get; } =
        typeof(RunFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Every file a run's output set may hold.</summary>
    public static readonly IReadOnlyList<string> Names = ["timeline.jsonl", "state.json", "agreements.csv", "smp-positions.csv", "smp-probabilities.csv"];

    /// <summary>Writes the run's files into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <returns>The names of the files written, in the order written.</returns>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    public static IReadOnlyList<string> WriteAll(RunResult run, string directory, CancellationToken cancellation = default)
    {
        // state.json carries every topic's reference points, which take seconds on a large world: worked out
        // here, where Ctrl-C can stop them, before any file is written.
        run.Analyses(cancellation);
        run.Bargaining(cancellation);
        var files = new List<(string Name, string Text)>
        {
            ("timeline.jsonl", Timeline(run)),
            ("state.json", State(run)),
            ("agreements.csv", AgreementsCsv(run)),
        };
        if (SmpHistory.Of(run) is { } history)
        {
            files.Add(("smp-positions.csv", history.PositionsCsv()));
            files.Add(("smp-probabilities.csv", history.ProbabilitiesCsv()));
        }
        OutputSet.Write(directory, Names, files, cancellation);
        return [.. files.Select(f => f.Name)];
    }

    public static string Timeline(RunResult run)
    {
        var text = new StringBuilder();
        foreach (var e in run.Timeline)
            text.Append(JsonSerializer.Serialize(e, SummitsJson.Compact)).Append('\n');
        return text.ToString();
    }

    public static string State(RunResult run) => JsonSerializer.Serialize(StateDocument.Of(run), SummitsJson.Options) + "\n";

    public static string AgreementsCsv(RunResult run)
    {
        var text = new StringBuilder("id,topic,value,parties,rule,status,cause\n");
        foreach (var a in run.Final.Agreements)
        {
            foreach (var (topic, value) in a.Terms)
                text.Append(Csv(a.Id)).Append(',').Append(Csv(topic)).Append(',')
                    .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(Csv(string.Join(' ', a.Parties))).Append(',').Append(Csv(a.Rule.ToString())).Append(',')
                    .Append(KebabCase.Of(a.Status)).Append(',').Append(Csv(a.Cause)).Append('\n');
        }
        return text.ToString();
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
