using Summits.Reports.Pages;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// The sections of a run report that a KTAB user reads after spatial-model turns: the final forecast
/// against the starting weighted mean, the forecast and every actor's position turn by turn (a chart per
/// dimension), and the probability that each actor's position prevails turn by turn.
/// </summary>
public static class SmpReport
{
    public const string ForecastHeading = "Forecast of KTAB's spatial model";

    public const string ByTurnHeading = "Forecast and positions, turn by turn";

    public const string ProbabilityHeading = "Probability of prevailing, turn by turn";

    public static void Add(HtmlPage page, RunResult run, SmpHistory history)
    {
        page.Heading(ForecastHeading);
        page.Paragraph(ForecastNote(history));
        page.Table(ForecastHeader(history), ForecastRows(history));
        page.Heading(ByTurnHeading);
        page.Paragraph($"One chart per dimension, as KTAB plots the history of actor positions: the heavy black line is KTAB's forecast after each turn (turn 0 is the table as given), the dashed line the capability × salience weighted mean, and each thin line one actor's position. Hover a turn for every value; click a legend entry to hide or show its line. {CsvNote}");
        var subtitle = Subtitle(run, history);
        for (var k = 0; k < history.Start.Dimensions.Length; k++)
            page.Chart(SmpPositionsChart.Render(history, k, subtitle), Caption(history, k));
        page.Heading(ProbabilityHeading);
        page.Chart(SmpProbabilityChart.Render(history, subtitle),
            "For each actor, the probability that its position prevails in the probabilistic Condorcet election of all positions (KTAB's history of winning probabilities); actors at one position share it, so their lines coincide.");
    }

    public static void Add(MarkdownText md, SmpHistory history)
    {
        md.Heading(ForecastHeading);
        md.Paragraph(ForecastNote(history));
        md.Table(ForecastHeader(history), ForecastRows(history));
        md.Heading(ByTurnHeading);
        md.Paragraph($"KTAB's forecast on each dimension at each turn (turn 0 is the table as given); report.html charts every actor's position beside it. {CsvNote}");
        md.Table(["turn", .. history.Columns], history.Turns.Select(t => (IReadOnlyList<string>)[Turn(t.Number), .. t.Forecast.Select(Number)]));
        md.Heading(ProbabilityHeading);
        md.Paragraph("The probability that each actor's position prevails, at the start and after the last turn; smp-probabilities.csv holds every turn. A probability belongs to a position: actors at one position each show that position's, so a column can add up to more than 100%.");
        md.Table(["actor", "at the start", $"after turn {history.TurnCount}"],
            history.Start.Actors.Select((a, i) => (IReadOnlyList<string>)[a, Percent(history.Turns[0].WinProbabilities[i]), Percent(history.Turns[^1].WinProbabilities[i])]));
    }

    private const string CsvNote = "smp-positions.csv beside this report holds every actor's position at every turn, and smp-probabilities.csv every winning probability.";

    private static string Turn(int number) => number == 0 ? "0 (the table)" : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Subtitle(RunResult run, SmpHistory history) =>
        $"{run.Scenario.Id}, {Counted.Of(history.Start.Actors.Length, "actor")}, {Counted.Of(history.TurnCount, "turn")}";

    private static string ForecastNote(SmpHistory history) =>
        $"KTAB's forecast is each actor's position weighted by the probability that it prevails. After the last of {Counted.Of(history.TurnCount, "turn")} it is set against where the table began: the capability × salience weighted mean of the starting positions, and the forecast before the first turn.";

    /// <summary>The forecast table's header: the dimension, then its numbers.</summary>
    public static IReadOnlyList<string> ForecastHeader(SmpHistory history) =>
        [.. Named(history) ? ["topic", "table column"] : new[] { "topic" },
            "weighted mean at the start", "forecast at the start", $"forecast after turn {history.TurnCount}", "forecast − weighted mean at the start"];

    /// <summary>One row per dimension, in the table's order: its name(s), the starting weighted mean, the forecast at turn 0 and after the last turn, and the last minus the first.</summary>
    public static IEnumerable<IReadOnlyList<string>> ForecastRows(SmpHistory history) =>
        history.Start.Dimensions.Select((topic, k) =>
        {
            var (mean, first, last) = (history.WeightedMean(0, k), history.Turns[0].Forecast[k], history.Turns[^1].Forecast[k]);
            return (IReadOnlyList<string>)[.. Named(history) ? [topic, history.Columns[k]] : new[] { topic },
                Number(mean), Number(first), Number(last), SignedChange(mean, last)];
        });

    /// <summary>Whether the dimensions carry a KTAB table's column names besides their topic ids.</summary>
    private static bool Named(SmpHistory history) => !history.Columns.SequenceEqual(history.Start.Dimensions);

    private static string Caption(SmpHistory history, int k)
    {
        var name = history.Columns[k];
        var topic = history.Start.Dimensions[k];
        var (first, last) = (history.Turns[0].Forecast[k], history.Turns[^1].Forecast[k]);
        var mean = history.WeightedMean(0, k);
        return $"{name}{(name == topic ? "" : $" (topic {topic})")}: the forecast went from {Number(first)} to {Number(last)} ({SignedChange(first, last)}) over {Counted.Of(history.TurnCount, "turn")}, against a weighted mean of {Number(mean)} at the start.";
    }
}
