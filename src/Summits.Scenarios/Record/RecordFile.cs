using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Loads a record file (what happened after a summit, in <c>scenarios/record/</c>): the world it names,
/// and its dated, sourced facts. Every mistake is one line with file, line and column, as for a scenario.
/// </summary>
public static class RecordFile
{
    /// <summary>The folder, beside a world's folder, where the records of worlds are kept.</summary>
    public const string Folder = "record";

    /// <exception cref="InputException">the file, or the world it names, is missing or wrong.</exception>
    public static SummitRecord Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), InputFile.NotThere(path, "record file"));
        return Parse(path, InputFile.ReadText(path, path, "record file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem)));
    }

    /// <summary>Loads a record file that another file names (an exercise's <c>record:</c>): a file that cannot be read as text is said at the place that names it, by <paramref name="refuse"/>, as <paramref name="name"/> is written there.</summary>
    /// <exception cref="InputException">the record file is not text, or it or the world it names is wrong.</exception>
    public static SummitRecord Load(string path, string name, Func<string, InputException> refuse) =>
        Parse(path, InputFile.ReadText(path, name, "record file", InputFile.YamlLimit, refuse));

    private static readonly string[] RecordKeys = ["record", "about", "world", "facts"];
    private static readonly string[] FactKeys = ["id", "date", "in-force", "topic", "what", "implies", "why", "sources"];
    private static readonly string[] ImplicationKinds = ["agreement", "move", "position"];
    private static readonly string[] SourceKeys = ["publisher", "title", "date", "url"];

    /// <summary>The keys of each kind of implication: an agreement's parties and range, a move's actor and end, a position's actor and range.</summary>
    private static string[] ImpliedKeys(string kind) => kind switch
    {
        "agreement" => ["parties", "range"],
        "move" => ["actor", "toward"],
        _ => ["actor", "range"],
    };

    public static SummitRecord Parse(string path, string text)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, text, expected: FileKind.Record), "the record", RecordKeys, identifiedBy: "record");
        var idNode = root.Required("record");
        var id = root.String("record", Summits.Grains.WorldKey.IdRule);
        if (!Summits.Grains.WorldKey.IsId(id))
            throw root.Fail(idNode, $"'record' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        var about = root.OptionalString("about") ?? "";
        var worldNode = root.Required("world");
        var worldName = root.String("world", ScenarioFile.WorldName);
        var worldPath = InputFile.Named(path, worldName);
        if (InputFile.SameFile(worldPath, path))
            throw root.Fail(worldNode, $"the world file '{worldName}' is this record file itself; name the world file whose summit the record follows");
        if (InputFile.Problem(worldPath, worldName, "world file", InputFile.YamlLimit, path) is { } problem)
            throw root.Fail(worldNode, problem);
        var factNodes = root.List("facts");
        root.RejectUnknownKeys();

        var world = WorldFile.Load(worldPath, worldName, problem => root.Fail(worldNode, problem), "record");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var facts = new List<RecordFact>();
        foreach (var node in factNodes)
        {
            facts.Add(Fact(new MappingReader(path, node, "a fact", FactKeys), world, ids));
        }
        return new SummitRecord(id, about, path, worldPath, world, [.. facts.OrderBy(f => f.Date).ThenBy(f => f.Line)]);
    }

    /// <summary>
    /// The records, in <c>../record/</c> beside the world file's folder, that follow the summit of
    /// <paramref name="worldPath"/>: those whose <c>world</c> is that very file. Empty when there are none.
    /// </summary>
    /// <exception cref="InputException">a record file in that folder is wrong.</exception>
    public static IReadOnlyList<SummitRecord> For(string worldPath)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(worldPath)) ?? ".", "..", Folder);
        if (!Directory.Exists(folder))
            return [];
        var records = new List<SummitRecord>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = InputFile.ReadText(file, file, "record file", InputFile.YamlLimit, problem => new InputException(new FilePosition(file, 1, 1), problem));
            // Only a file that names a world is a record; anything else in the folder is not this command's.
            var root = YamlDocument.LoadMapping(file, text);
            if (!root.Children.ContainsKey(new YamlScalarNode("record")))
                continue;
            var record = Parse(file, text);
            if (InputFile.SameFile(record.WorldPath, worldPath))
                records.Add(record);
        }
        return records;
    }

    private static RecordFact Fact(MappingReader r, World world, HashSet<string> ids)
    {
        var idNode = r.Required("id");
        var id = r.String("id");
        if (!Summits.Grains.WorldKey.IsId(id))
            throw r.Fail(idNode, $"'id' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        if (!ids.Add(id))
            throw r.Fail(idNode, $"the fact id '{id}' is used twice; each fact needs an id of its own");
        var date = Date(r, "date")!.Value;
        var inForce = r.Has("in-force") ? Date(r, "in-force") : null;
        if (inForce < date)
            throw r.Fail(r.Required("in-force"), $"'in-force' is {RecordFact.Day(inForce.Value)}, before the fact's date {RecordFact.Day(date)}; an agreement comes into force on or after the day it is signed");
        var topicNode = r.Required("topic");
        var topic = r.String("topic");
        if (!world.Topics.Any(t => t.Id == topic))
            throw r.Fail(topicNode, $"unknown topic '{topic}'{Closest.DidYouMean(topic, world.Topics.Select(t => t.Id))}; known topics: {MappingReader.Known(topic, world.Topics.Select(t => t.Id))}");
        var what = Text(r, "what");
        var implies = Implies(new MappingReader(r.File, r.Required("implies"), "'implies'", ImplicationKinds), world, topic);
        var why = Text(r, "why");
        var sources = r.List("sources").Select(s => Source(new MappingReader(r.File, s, "a source", SourceKeys))).ToImmutableArray();
        r.RejectUnknownKeys();
        return new RecordFact(id, date, inForce, topic, what, implies, why, sources, r.Position.Line);
    }

    private static Implication Implies(MappingReader r, World world, string topic)
    {
        var kinds = ImplicationKinds;
        var given = kinds.Where(r.Has).ToList();
        if (given.Count != 1)
            throw r.Fail(r.Node, given.Count == 0
                ? $"'implies' must say what the fact implies on {topic}: {MappingReader.OneOf(kinds)}"
                : $"'implies' says both '{given[0]}' and '{given[1]}'; give {MappingReader.OneOf(kinds)}");
        var kind = given[0];
        var body = new MappingReader(r.File, r.Required(kind), $"'{kind}'", ImpliedKeys(kind));
        r.RejectUnknownKeys();
        Implication implication;
        switch (kind)
        {
            case "agreement":
                var parties = new List<string>();
                foreach (var node in body.List("parties"))
                {
                    var party = Actor(body, node, "parties", world, topic);
                    if (parties.Contains(party))
                        throw body.Fail(node, $"'{party}' is named twice in 'parties'");
                    parties.Add(party);
                }
                if (parties.Count < 2)
                    throw body.Fail(body.Required("parties"), "'parties' must name at least two actors: an agreement is between parties");
                var (low, high) = body.Range("range", 0, 100);
                implication = new AgreementImplied([.. parties], low, high);
                break;
            case "move":
                implication = new MoveImplied(Actor(body, body.Required("actor"), "actor", world, topic), body.Enum<ScaleEnd>("toward"));
                break;
            default:
                var actor = Actor(body, body.Required("actor"), "actor", world, topic);
                var (from, to) = body.Range("range", 0, 100);
                implication = new PositionImplied(actor, from, to);
                break;
        }
        body.RejectUnknownKeys();
        return implication;
    }

    /// <summary>An actor of the world that holds a position on the topic, since what the fact implies is read from that position.</summary>
    private static string Actor(MappingReader r, YamlNode node, string key, World world, string topic)
    {
        var id = r.Scalar(node, key, $"an actor id, {MappingReader.OneOf(world.Actors.Select(a => a.Id))}");
        if (!world.Actors.Any(a => a.Id == id))
            throw r.Fail(node, $"unknown actor '{id}'{Closest.DidYouMean(id, world.Actors.Select(a => a.Id))}; known actors: {MappingReader.Known(id, world.Actors.Select(a => a.Id))}");
        var holders = world.PositionsOn(topic).Select(p => p.Actor).ToList();
        if (!holders.Contains(id))
            throw r.Fail(node, $"{id} holds no position on '{topic}' in {world.Id}, so a run cannot say where it ended; {(holders.Count == 0 ? "no actor holds a position there" : $"actors with a position there: {MappingReader.Known(holders)}")}");
        return id;
    }

    private static Citation Source(MappingReader r)
    {
        var publisher = Text(r, "publisher");
        var title = Text(r, "title");
        var date = r.Has("date") ? Date(r, "date") : null;
        var urlNode = r.Required("url");
        var url = r.String("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw r.Fail(urlNode, $"'url' must be the source's address, starting https:// or http://, not '{url}'");
        r.RejectUnknownKeys();
        return new Citation(publisher, title, date, uri);
    }

    private static string Text(MappingReader r, string key)
    {
        var text = r.String(key);
        if (text.Trim().Length == 0)
            throw r.Fail(r.Required(key), $"'{key}' must not be blank");
        return text.Trim();
    }

    private static DateOnly? Date(MappingReader r, string key)
    {
        var node = r.Required(key);
        var text = r.Scalar(node, key, "a date written YYYY-MM-DD, such as 2018-06-12");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw r.Fail(node, NoSuchDay(key, text) ?? $"'{key}' must be a date written YYYY-MM-DD, such as 2018-06-12, not '{text}'");
    }

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Why <paramref name="text"/>, written as YYYY-MM-DD, names no day of the calendar (a month outside 1 to 12, a day
    /// past the month's last: "June has 30 days", "February 2019 has 28 days"); null when it is not written that way.
    /// </summary>
    private static string? NoSuchDay(string key, string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"^(\d{4})-(\d{2})-(\d{2})$");
        if (!m.Success)
            return null;
        int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (year < 1)
            return $"'{key}' is {text}, a day that does not exist: there is no year 0000";
        if (month is < 1 or > 12)
            return $"'{key}' is {text}, a day that does not exist: the month, {m.Groups[2].Value}, must be 01 to 12";
        var last = DateTime.DaysInMonth(year, month);
        var length = month == 2
            ? $"February {year.ToString(CultureInfo.InvariantCulture)} has {last} days"
            : $"{Months[month - 1]} has {last} days";
        return $"'{key}' is {text}, a day that does not exist: {length}, so the day must be 01 to {last}";
    }
}
