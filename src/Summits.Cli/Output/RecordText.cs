using System.Text;
using System.Text.Json.Nodes;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>A record of what happened after a summit as text, CSV and JSON.</summary>
public static class RecordText
{
    /// <summary>
    /// The heading, then each fact: its date and id, what happened, what it implies and why, and its sources, each a
    /// credit (publisher, title, date) wrapped to <paramref name="width"/> and its address alone on the next line.
    /// </summary>
    public static void Write(TextWriter output, SummitRecord record, Verbosity verbosity, int width)
    {
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        var facts = record.Facts;
        Line($"Record {record.Id} on world {record.World.Id}: {Counted.Of(facts.Length, "fact")}, {RecordFact.Day(facts[0].Date)} to {RecordFact.Day(facts.Max(f => f.InForce ?? f.Date))}");
        if (record.About.Length > 0)
            Line(record.About);
        if (verbosity < Verbosity.Normal)
            return;
        foreach (var fact in facts)
        {
            var topic = record.World.Topic(fact.Topic);
            output.WriteLine();
            Line($"{RecordFact.Day(fact.Date)}  {fact.Id}  on {fact.Topic}{(fact.InForce is { } inForce ? $", in force {RecordFact.Day(inForce)}" : "")}");
            Line($"    {fact.What}");
            Line($"    implies: {fact.Implies.Describe(topic)}");
            Line($"    because: {fact.Why}");
            // A source's address stands alone on the line after its credit, from the left edge, however long it is,
            // so that it is copied or opened whole: never broken, never placed by its length.
            foreach (var source in fact.Sources)
            {
                Line($"    source: {source.Credit}:");
                output.WriteLine(source.Url.ToString());
            }
        }
    }

    public const string CsvHeader = "id,date,in_force,topic,implies,what,why,sources";

    /// <summary>One row a fact; the sources, each as a one-line citation, joined by " | ".</summary>
    public static string Csv(SummitRecord record)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var fact in record.Facts)
        {
            text.Append(CsvSections.Line([fact.Id, RecordFact.Day(fact.Date), fact.InForce is { } f ? RecordFact.Day(f) : "", fact.Topic,
                fact.Implies.Describe(record.World.Topic(fact.Topic)), fact.What, fact.Why, string.Join(" | ", fact.Sources)])).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The record as one JSON document: its id, world, and every fact with what it implies as data and in words.</summary>
    public static string Json(SummitRecord record)
    {
        var facts = new JsonArray();
        foreach (var fact in record.Facts)
        {
            var topic = record.World.Topic(fact.Topic);
            facts.Add(new JsonObject
            {
                ["id"] = fact.Id,
                ["date"] = RecordFact.Day(fact.Date),
                ["inForce"] = fact.InForce is { } f ? RecordFact.Day(f) : null,
                ["topic"] = fact.Topic,
                ["what"] = fact.What,
                ["implies"] = Implies(fact.Implies),
                ["impliesText"] = fact.Implies.Describe(topic),
                ["why"] = fact.Why,
                ["sources"] = new JsonArray([.. fact.Sources.Select(s => (JsonNode)new JsonObject
                {
                    ["publisher"] = s.Publisher,
                    ["title"] = s.Title,
                    ["date"] = s.Date is { } d ? RecordFact.Day(d) : null,
                    ["url"] = s.Url.ToString(),
                })]),
            });
        }
        return new JsonObject
        {
            ["record"] = record.Id,
            ["about"] = record.About,
            ["world"] = record.World.Id,
            ["facts"] = facts,
        }.ToJsonString(SummitsJson.Options);
    }

    private static JsonObject Implies(Implication implication) => implication switch
    {
        AgreementImplied a => new JsonObject { ["agreement"] = new JsonObject { ["parties"] = new JsonArray([.. a.Parties.Select(p => (JsonNode)p)]), ["range"] = new JsonArray(a.Low, a.High) } },
        MoveImplied m => new JsonObject { ["move"] = new JsonObject { ["actor"] = m.Actor, ["toward"] = KebabCase.Of(m.Toward) } },
        PositionImplied p => new JsonObject { ["position"] = new JsonObject { ["actor"] = p.Actor, ["range"] = new JsonArray(p.Low, p.High) } },
        _ => throw new ArgumentException($"no JSON shape for a {implication.GetType().Name}", nameof(implication)),
    };
}
