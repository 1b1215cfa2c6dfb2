using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Prints a world for people: each topic with its scale, every position with its quote, then the agreements, fitted to a width.</summary>
public static class WorldReport
{
    /// <summary>The world's one-line count, what <c>-q</c> prints.</summary>
    public static string Counts(World world) =>
        $"world {world.Id}: {Counted.Of(world.Actors.Length, "actor")}, {Counted.Of(world.Topics.Length, "topic")}, {Counted.Of(world.Positions.Length, "position")}, {Counted.Of(world.Agreements.Length, "agreement")}";

    public static void Write(TextWriter output, World world, int width)
    {
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        Line(world.Title);
        Line(Counts(world));
        if (world.Source.Length > 0)
            Line($"source: {world.Source}");
        output.WriteLine();
        output.WriteLine("Actors");
        // seed's CSV is the positions alone: the actors' every field is in its JSON.
        FittedTable.WriteLeftOut(output, FittedTable.Write(output,
            [new("actor"), new("name", Wraps: true), new("capability", Right: true), new("strategy"), new("curvature", Right: true, Drop: 1)],
            world.Actors.Select(a => (IReadOnlyList<string>)[a.Id, a.Leader.Length > 0 ? $"{a.Name} ({a.Leader})" : a.Name, N(a.Capability), Kebab(a.Strategy), N(a.Curvature)]),
            width, "  "), width, "  ", "--format json has every field");

        foreach (var topic in world.Topics)
        {
            output.WriteLine();
            Line($"{topic.Id}: {topic.Title}");
            Line($"  0 = {topic.Scale.Low}");
            Line($"  50 = {topic.Scale.Middle}");
            Line($"  100 = {topic.Scale.High}");
            var positions = world.PositionsOn(topic.Id).ToList();
            if (positions.Count == 0)
            {
                output.WriteLine("  (no positions)");
                continue;
            }
            foreach (var p in positions)
            {
                Line($"  {TerminalWidth.PadRight(p.Actor, 4)} {TerminalWidth.PadLeft(N(p.Value), 5)} {TerminalWidth.PadRight(p.ValueRange.ToString(), 10)}  salience {TerminalWidth.PadLeft(N(p.Salience), 4)} {TerminalWidth.PadRight(p.SalienceRange.ToString(), 10)}  {Kebab(p.Provenance.Kind)}, {p.Provenance.Speaker}");
                foreach (var quote in p.Provenance.Quotes)
                    Line($"       “{quote.Text}” (line {quote.Location.Line})");
                if (p.Provenance.Reference is { } reference)
                    Line($"       from outside the source: {reference}");
                if (p.Provenance.Why.Length > 0)
                    Line($"       why: {p.Provenance.Why}");
            }
        }

        output.WriteLine();
        output.WriteLine("Agreements");
        if (world.Agreements.IsEmpty)
            output.WriteLine("  (none)");
        foreach (var a in world.Agreements)
        {
            var terms = string.Join(", ", a.Terms.Select(t => $"{t.Key} = {N(t.Value)}"));
            Line($"  {a.Id}: {terms}  parties {string.Join('+', a.Parties)}  {a.Rule}  {Kebab(a.Status)}  cause {Scenarios.AgreementOrigin.Of(a)}");
            if (a.Quote is { } quote)
                Line($"       “{quote.Text}” (line {quote.Location.Line})");
        }
    }

    /// <summary>One row a position (RFC 4180, invariant-culture numbers): what <c>seed --format csv</c> prints.</summary>
    public static string PositionsCsv(World world)
    {
        var text = new System.Text.StringBuilder("topic,actor,value,value_low,value_high,salience,salience_low,salience_high,kind,speaker,quote_lines\n");
        foreach (var p in world.Positions)
            text.Append(CsvSections.Line([p.Topic, p.Actor, R(p.Value), R(p.ValueRange.Low), R(p.ValueRange.High), R(p.Salience), R(p.SalienceRange.Low), R(p.SalienceRange.High),
                Kebab(p.Provenance.Kind), p.Provenance.Speaker, string.Join(' ', p.Provenance.Quotes.Select(q => q.Location.Line.ToString(CultureInfo.InvariantCulture)))])).Append('\n');
        return text.ToString();
    }

    private static string N(double value) => Figures.Text(value);

    private static string R(double value) => CsvNumber.Of(value);

    private static string Kebab<T>(T value) where T : struct, Enum => Scenarios.KebabCase.Of(value);
}
