using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Writes a world in the format <see cref="WorldFile"/> reads, with a fixed key order and numbers that
/// read back exactly, so the same world always gives the same text.
/// </summary>
public static class WorldWriter
{
    public static string Write(World world)
    {
        using var text = new StringWriter { NewLine = "\n" };
        Write(text, world);
        return text.ToString();
    }

    public static void Write(TextWriter output, World world)
    {
        output.WriteLine($"{FileFormat.Key}: {FileFormat.Current}");
        output.WriteLine($"world: {YamlText.Text(world.Id)}");
        output.WriteLine($"title: {YamlText.Text(world.Title)}");
        if (world.Source.Length > 0)
            output.WriteLine($"source: {YamlText.Text(world.Source)}");
        if (world.About.Length > 0)
            output.WriteLine($"about: {YamlText.Text(world.About)}");
        if (world.Salience != SalienceMeaning.PerTopic)
            output.WriteLine($"salience: {KebabCase.Of(world.Salience)}");
        if (world.Ktab is { } ktab)
        {
            output.WriteLine("ktab:");
            output.WriteLine($"  description: {YamlText.Text(ktab.Description)}");
            output.WriteLine($"  power: {YamlText.Text(ktab.PowerHeader)}");
        }

        output.WriteLine();
        output.WriteLine("actors:");
        foreach (var actor in world.Actors)
            WriteActor(output, actor);

        output.WriteLine();
        output.WriteLine("topics:");
        foreach (var topic in world.Topics)
            WriteTopic(output, topic);

        if (world.Positions.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("positions:");
            foreach (var position in world.Positions)
                WritePosition(output, position);
        }

        if (world.Agreements.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("agreements:");
            foreach (var agreement in world.Agreements)
                WriteAgreement(output, agreement);
        }
    }

    private static void WriteActor(TextWriter output, Actor actor)
    {
        output.WriteLine($"  - id: {YamlText.Text(actor.Id)}");
        output.WriteLine($"    name: {YamlText.Text(actor.Name)}");
        if (actor.Leader.Length > 0)
            output.WriteLine($"    leader: {YamlText.Text(actor.Leader)}");
        if (actor.Speaker is not null)
            output.WriteLine($"    speaker: {YamlText.Text(actor.Speaker)}");
        output.WriteLine($"    capability: {YamlText.Number(actor.Capability)}");
        output.WriteLine($"    strategy: {KebabCase.Of(actor.Strategy)}");
        if (actor.Acceptance != AcceptanceCondition.Next)
            output.WriteLine($"    acceptance: {KebabCase.Of(actor.Acceptance)}");
        output.WriteLine($"    curvature: {YamlText.Number(actor.Curvature)}");
        if (actor.Affinity.Count > 0)
        {
            var pairs = actor.Affinity.Select(p => $"{YamlText.FlowText(p.Key)}: {YamlText.Number(p.Value)}");
            output.WriteLine($"    affinity: {{ {string.Join(", ", pairs)} }}");
        }
        if (actor.KtabPower is { } power)
        {
            output.WriteLine("    ktab:");
            output.WriteLine($"      power: {YamlText.Text(power)}");
        }
        if (actor.Why.Length > 0)
            output.WriteLine($"    why: {YamlText.Text(actor.Why)}");
    }

    private static void WriteTopic(TextWriter output, Topic topic)
    {
        output.WriteLine($"  - id: {YamlText.Text(topic.Id)}");
        output.WriteLine($"    title: {YamlText.Text(topic.Title)}");
        output.WriteLine("    scale:");
        output.WriteLine($"      low: {YamlText.Text(topic.Scale.Low)}");
        output.WriteLine($"      middle: {YamlText.Text(topic.Scale.Middle)}");
        output.WriteLine($"      high: {YamlText.Text(topic.Scale.High)}");
        if (topic.Related.Length > 0)
            output.WriteLine($"    related: {FlowList(topic.Related)}");
        if (topic.Ktab is { } ktab)
        {
            output.WriteLine("    ktab:");
            output.WriteLine($"      position: {YamlText.Text(ktab.Position)}");
            output.WriteLine($"      salience: {YamlText.Text(ktab.Salience)}");
        }
    }

    private static void WritePosition(TextWriter output, Position position)
    {
        output.WriteLine($"  - actor: {YamlText.Text(position.Actor)}");
        output.WriteLine($"    topic: {YamlText.Text(position.Topic)}");
        output.WriteLine($"    value: {YamlText.Number(position.Value)}");
        if (position.ValueRange != Interval.Point(position.Value))
            output.WriteLine($"    range: {Pair(position.ValueRange)}");
        output.WriteLine($"    salience: {YamlText.Number(position.Salience)}");
        if (position.SalienceRange != Interval.Point(position.Salience))
            output.WriteLine($"    salience-range: {Pair(position.SalienceRange)}");
        if (position.Reservation is { } reservation)
            output.WriteLine($"    reservation: {YamlText.Number(reservation)}");
        if (position.Strategy is { } strategy)
            output.WriteLine($"    strategy: {KebabCase.Of(strategy)}");
        if (position.Acceptance is { } acceptance)
            output.WriteLine($"    acceptance: {KebabCase.Of(acceptance)}");
        if (position.Ktab is { } ktab)
        {
            output.WriteLine("    ktab:");
            output.WriteLine($"      position: {YamlText.Text(ktab.Position)}");
            output.WriteLine($"      salience: {YamlText.Text(ktab.Salience)}");
        }
        var provenance = position.Provenance;
        if (provenance.Speaker != Provenance.Nobody)
            output.WriteLine($"    speaker: {YamlText.Text(provenance.Speaker)}");
        output.WriteLine($"    kind: {KebabCase.Of(provenance.Kind)}");
        if (provenance.Reference is { } reference)
            output.WriteLine($"    reference: {YamlText.Text(reference)}");
        if (provenance.Quotes.Length > 0)
        {
            output.WriteLine("    quotes:");
            foreach (var quote in provenance.Quotes)
                output.WriteLine($"      - {YamlText.Quoted(quote.Text)}");
        }
        if (provenance.Why.Length > 0)
            output.WriteLine($"    why: {YamlText.Text(provenance.Why)}");
    }

    private static void WriteAgreement(TextWriter output, Agreement agreement)
    {
        output.WriteLine($"  - id: {YamlText.Text(agreement.Id)}");
        if (agreement.Terms.Count == 1)
        {
            var (topic, value) = agreement.Terms.First();
            output.WriteLine($"    topic: {YamlText.Text(topic)}");
            output.WriteLine($"    value: {YamlText.Number(value)}");
        }
        else
        {
            var terms = agreement.Terms.Select(p => $"{YamlText.FlowText(p.Key)}: {YamlText.Number(p.Value)}");
            output.WriteLine($"    terms: {{ {string.Join(", ", terms)} }}");
        }
        output.WriteLine($"    parties: {FlowList(agreement.Parties)}");
        output.WriteLine($"    rule: {agreement.Rule}");
        if (agreement.Verb is { } verb)
            output.WriteLine($"    verb: {KebabCase.Of(verb)}");
        if (agreement.Quote is { } quote)
            output.WriteLine($"    quote: {YamlText.Quoted(quote.Text)}");
        if (agreement.Why.Length > 0)
            output.WriteLine($"    why: {YamlText.Text(agreement.Why)}");
    }

    private static string FlowList(IEnumerable<string> items) => $"[{string.Join(", ", items.Select(YamlText.FlowText))}]";

    private static string Pair(Interval interval) => $"[{YamlText.Number(interval.Low)}, {YamlText.Number(interval.High)}]";
}
