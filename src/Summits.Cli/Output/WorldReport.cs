using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Prints a world for people: each topic with its scale, every position with its quote, then the agreements.</summary>
public static class WorldReport
{
    public static void Write(TextWriter output, World world)
    {
        output.WriteLine(world.Title);
        output.WriteLine($"world {world.Id}: {Counted.Of(world.Actors.Length, "actor")}, {Counted.Of(world.Topics.Length, "topic")}, {Counted.Of(world.Positions.Length, "position")}, {Counted.Of(world.Agreements.Length, "agreement")}");
        if (world.Source.Length > 0)
            output.WriteLine($"source: {world.Source}");
        output.WriteLine();
        output.WriteLine("Actors");
        foreach (var actor in world.Actors)
        {
            var leader = actor.Leader.Length > 0 ? $" ({actor.Leader})" : "";
            output.WriteLine($"  {actor.Id,-4} {actor.Name}{leader}  capability {N(actor.Capability)}  {Kebab(actor.Strategy)}  curvature {N(actor.Curvature)}");
        }

        foreach (var topic in world.Topics)
        {
            output.WriteLine();
            output.WriteLine($"{topic.Id}: {topic.Title}");
            output.WriteLine($"  0 = {topic.Scale.Low}");
            output.WriteLine($"  50 = {topic.Scale.Middle}");
            output.WriteLine($"  100 = {topic.Scale.High}");
            var positions = world.PositionsOn(topic.Id).ToList();
            if (positions.Count == 0)
                output.WriteLine("  (no positions)");
            foreach (var p in positions)
            {
                output.WriteLine($"  {p.Actor,-4} {N(p.Value),5} {p.ValueRange,-10}  salience {N(p.Salience),4} {p.SalienceRange,-10}  {Kebab(p.Provenance.Kind)}, {p.Provenance.Speaker}");
                foreach (var quote in p.Provenance.Quotes)
                    output.WriteLine($"       “{quote.Text}” (line {quote.Location.Line})");
                if (p.Provenance.Reference is { } reference)
                    output.WriteLine($"       from outside the source: {reference}");
                if (p.Provenance.Why.Length > 0)
                    output.WriteLine($"       why: {p.Provenance.Why}");
            }
        }

        output.WriteLine();
        output.WriteLine("Agreements");
        if (world.Agreements.IsEmpty)
            output.WriteLine("  (none)");
        foreach (var a in world.Agreements)
        {
            var terms = string.Join(", ", a.Terms.Select(t => $"{t.Key} = {N(t.Value)}"));
            output.WriteLine($"  {a.Id}: {terms}  parties {string.Join('+', a.Parties)}  {a.Rule}  {Kebab(a.Status)}  cause {Scenarios.AgreementOrigin.Of(a)}");
            if (a.Quote is { } quote)
                output.WriteLine($"       “{quote.Text}” (line {quote.Location.Line})");
        }
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Kebab<T>(T value) where T : struct, Enum => Scenarios.KebabCase.Of(value);
}
