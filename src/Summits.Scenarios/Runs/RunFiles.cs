using System.Collections.Immutable;
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

    /// <summary>
    /// The files a run's set holds for certain: all of <see cref="Names"/> after spatial-model turns
    /// (<paramref name="spatial"/>), else <c>timeline.jsonl</c>, <c>state.json</c> and <c>agreements.csv</c>.
    /// </summary>
    public static IReadOnlyList<string> Written(bool spatial) => spatial ? Names : ["timeline.jsonl", "state.json", "agreements.csv"];

    /// <summary>A run's output set, as <c>summits run -o</c> writes it.</summary>
    public static readonly OutputKind Kind = new("run", "summits run -o", Names);

    /// <summary>Writes the run's files into <paramref name="directory"/> as one set (<see cref="OutputSet"/>).</summary>
    /// <returns>The names of the files written, in the order written.</returns>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    public static IReadOnlyList<string> WriteAll(RunResult run, string directory, CancellationToken cancellation = default) =>
        // The timeline is held already: one page, written at once, so the whole write is done on this thread.
        WriteAllAsync(run, run.Timeline.Length, OnePage(run.Timeline), directory, cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// Writes the run's files as <see cref="WriteAll"/> does, byte for byte, with the timeline taken from
    /// <paramref name="timeline"/> a page at a time rather than from <paramref name="run"/> (whose own is not read): each
    /// page is written to <c>timeline.jsonl</c> and seen by the spatial model's history as it comes, and none is kept.
    /// </summary>
    /// <param name="events">How many events <paramref name="timeline"/> holds, as <c>state.json</c> counts them.</param>
    /// <param name="timeline">The run's events in order, in pages of any size.</param>
    /// <param name="kind">The set as its command writes it (<see cref="OutputKind.WrittenBy"/>); <see cref="Kind"/> when null.</param>
    /// <returns>The names of the files written, in the order written.</returns>
    /// <exception cref="OutputException">The set could not be written; the folder's previous set is unchanged.</exception>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(RunResult run, int events, IAsyncEnumerable<ImmutableArray<TimelineEvent>> timeline,
        string directory, CancellationToken cancellation = default, OutputKind? kind = null)
    {
        // state.json carries every topic's reference points, which take seconds on a large world: worked out
        // here, where Ctrl-C can stop them, before any file is written.
        run.Analyses(cancellation);
        run.Bargaining(cancellation);
        var recorder = SmpHistory.Recorder.For(run);
        var written = new List<string>();
        IEnumerable<(string Name, Func<TextWriter, Task> Write)> Files()
        {
            yield return ("timeline.jsonl", async output =>
            {
                await foreach (var page in timeline.WithCancellation(cancellation))
                {
                    foreach (var e in page)
                    {
                        WriteLine(output, e);
                        recorder?.See(e);
                    }
                }
            });
            yield return ("state.json", Text(State(run, events)));
            yield return ("agreements.csv", Text(AgreementsCsv(run)));
            // Known only once the timeline has been read, which the set's first file does before this is asked for.
            if (recorder?.History(run) is { } history)
            {
                yield return ("smp-positions.csv", Text(history.PositionsCsv()));
                yield return ("smp-probabilities.csv", Text(history.ProbabilitiesCsv()));
            }
        }
        await OutputSet.WriteAsync(directory, kind ?? Kind, Files().Select(f =>
        {
            written.Add(f.Name);
            return f;
        }), cancellation);
        return written;
    }

    private static async IAsyncEnumerable<ImmutableArray<TimelineEvent>> OnePage(ImmutableArray<TimelineEvent> events)
    {
        yield return events;
        await Task.CompletedTask;
    }

    private static Func<TextWriter, Task> Text(string text) => output =>
    {
        output.Write(text);
        return Task.CompletedTask;
    };

    /// <summary>One event as its line of <c>timeline.jsonl</c>: compact JSON and a line feed.</summary>
    private static void WriteLine(TextWriter output, TimelineEvent e) =>
        output.Write(JsonSerializer.Serialize(e, SummitsJson.Compact) + "\n");

    public static string Timeline(RunResult run)
    {
        var text = new StringWriter();
        foreach (var e in run.Timeline)
            WriteLine(text, e);
        return text.ToString();
    }

    public static string State(RunResult run) => State(run, null);

    private static string State(RunResult run, int? events) => JsonSerializer.Serialize(StateDocument.Of(run, events: events), SummitsJson.Options) + "\n";

    public static string AgreementsCsv(RunResult run)
    {
        var text = new StringBuilder("id,topic,value,parties,rule,status,cause\n");
        foreach (var a in run.Final.Agreements)
        {
            foreach (var (topic, value) in a.Terms)
                text.Append(Csv(a.Id)).Append(',').Append(Csv(topic)).Append(',')
                    .Append(CsvNumber.Of(value)).Append(',')
                    .Append(Csv(string.Join(' ', a.Parties))).Append(',').Append(Csv(a.Rule.ToString())).Append(',')
                    .Append(KebabCase.Of(a.Status)).Append(',').Append(Csv(a.Cause)).Append('\n');
        }
        return text.ToString();
    }

    private static string Csv(string value) => CsvLine.Cell(value);
}
