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

    public static void WriteAll(RunResult run, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "timeline.jsonl"), Timeline(run));
        File.WriteAllText(Path.Combine(directory, "state.json"), State(run));
        File.WriteAllText(Path.Combine(directory, "agreements.csv"), AgreementsCsv(run));
        if (SmpHistory.Of(run) is { } history)
        {
            File.WriteAllText(Path.Combine(directory, "smp-positions.csv"), history.PositionsCsv());
            File.WriteAllText(Path.Combine(directory, "smp-probabilities.csv"), history.ProbabilitiesCsv());
        }
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
