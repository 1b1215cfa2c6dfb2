using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Loads a world file: actors, topics, positions with their quotes, and agreements. Every check that
/// can fail names the file, line and column; a world that loads is consistent and every quote in it
/// stands verbatim in its source text.
/// </summary>
public static partial class WorldFile
{
    public static World Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), $"no such world file{InputFile.Alternatives(path, path)}");
        // A KTAB stakeholder table is what many users have first; it becomes a world through the importer, which the
        // refusal of one, told by what it holds (YamlDocument.LoadMapping), names.
        return Parse(path, InputFile.ReadText(path, path, "world file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem)));
    }

    /// <summary>
    /// Loads a world file that another file names (a scenario's, a record's or an exercise's <c>world:</c>): a file
    /// that cannot be read as text (binary, too large) is said at the place that names it, by <paramref name="refuse"/>,
    /// as <paramref name="name"/> is written there; the world's own mistakes at their places in the world file.
    /// </summary>
    /// <remarks>A world file that is empty or holds no mapping at all, likely not the file meant, is said at its own place
    /// and at the place that names it: <c>/proc/self/status:1:1: expected a mapping of keys to values at the top of the
    /// file; this is the world file named at scen.yaml:3:8</c>.</remarks>
    /// <exception cref="InputException">the world file is not text, or is wrong.</exception>
    /// <param name="path">The world file's path, as it is read and its errors show it (<see cref="InputFile.Named"/>).</param>
    /// <param name="name">The world file as the naming file writes it.</param>
    /// <param name="refuse">Makes the error at the place that names the world file, given the problem.</param>
    /// <param name="by">What the naming file is ("scenario", "record", "exercise"): a mistake in the world itself, at its
    /// place in the world file, ends with the world and the place that named it, <c>; in world ../summits/x.yaml (from
    /// scenario what-if/a.yaml:4:8)</c>, so that the run that failed is known by the file it was given.</param>
    public static World Load(string path, string name, Func<string, InputException> refuse, string by)
    {
        var namedAt = refuse(name).Position;
        try
        {
            return Parse(path, InputFile.ReadText(path, name, "world file", InputFile.YamlLimit, refuse), namedAt);
        }
        catch (InputException e) when (e.Position.File != namedAt.File && !e.Problem.EndsWith($"named at {namedAt}", StringComparison.Ordinal))
        {
            throw new InputException(e.Position, $"{e.Problem}; in world {name} (from {by} {namedAt})");
        }
    }

    /// <summary>Every key of a world file's top level, in the order docs/worlds.md lists them.</summary>
    public static readonly string[] WorldKeys = [FileFormat.Key, DraftCheck.Key, "world", "title", "about", "source", "salience", "ktab", "actors", "topics", "positions", "agreements"];

    /// <summary>Every key of an actor ('risk' being the older name of 'curvature').</summary>
    public static readonly string[] ActorKeys = ["id", "name", "leader", "speaker", "capability", "strategy", "acceptance", "curvature", "risk", "affinity", "why", "ktab"];

    /// <summary>Every key of a topic.</summary>
    public static readonly string[] TopicKeys = ["id", "title", "scale", "related", "ktab"];

    /// <summary>Every key of a position.</summary>
    public static readonly string[] PositionKeys = ["actor", "topic", "value", "range", "salience", "salience-range", "reservation", "strategy", "acceptance", "speaker", "kind", "quotes", "reference", "why", "ktab"];

    /// <summary>Every key of an agreement: 'topic' and 'value', or 'terms'.</summary>
    public static readonly string[] AgreementKeys = ["id", "topic", "value", "terms", "parties", "rule", "quote", "verb", "why"];

    /// <summary>Every key of a topic's scale: the words at its three anchors.</summary>
    public static readonly string[] ScaleKeys = ["low", "middle", "high"];

    /// <summary>The world in <paramref name="text"/>, the text of the world file <paramref name="path"/>.</summary>
    /// <param name="namedAt">Where another file names this world file, said beside a refusal of a file that holds no mapping (<see cref="YamlDocument.LoadMapping"/>); null when it was named on the command line.</param>
    /// <exception cref="InputException">the world is wrong, at the place of its first mistake.</exception>
    public static World Parse(string path, string text, FilePosition? namedAt = null)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, text, namedAt, "the world file", FileKind.World), "the world", WorldKeys, identifiedBy: "world");
        DraftCheck.Refuse(root);
        var format = FileFormat.Read(root, "world");
        var id = Identifier(root, "world");
        var title = root.String("title");
        var about = root.OptionalString("about") ?? "";
        var sourceName = root.OptionalString("source");
        SourceText? source = null;
        if (sourceName is not null)
        {
            var sourcePath = InputFile.Named(path, sourceName);
            var sourceNode = root.Required("source");
            if (InputFile.SameFile(sourcePath, path))
                throw root.Fail(sourceNode, $"the source text '{sourceName}' is this world file itself; name the readout its quotes are taken from");
            source = new SourceText(sourcePath, InputFile.ReadText(sourcePath, sourceName, "source text", InputFile.TextLimit, problem => root.Fail(sourceNode, problem)));
        }

        var salienceMeaning = root.Has("salience") ? root.Enum<SalienceMeaning>("salience") : SalienceMeaning.PerTopic;
        KtabScenarioLine? ktab = null;
        if (root.Optional("ktab") is { } ktabNode)
        {
            var k = new MappingReader(path, ktabNode, "the KTAB table's words", ["description", "power"]);
            ktab = new KtabScenarioLine(k.String("description"), k.String("power"));
            k.RejectUnknownKeys();
        }
        var actorNodes = root.List("actors");
        var topicNodes = root.List("topics");
        var positionNodes = root.OptionalList("positions");
        var agreementNodes = root.OptionalList("agreements");
        root.RejectUnknownKeys();

        var actorIds = UniqueIds(path, actorNodes, "an actor", "actor", ActorKeys);
        var topicIds = UniqueIds(path, topicNodes, "a topic", "topic", TopicKeys);
        var actors = actorNodes.Select(n => ReadActor(path, n, actorIds, format)).ToImmutableArray();
        var topics = topicNodes.Select(n => ReadTopic(path, n, topicIds)).ToImmutableArray();

        var speakers = actors.Where(a => a.Speaker is not null).Select(a => a.Speaker!)
            .Append(Provenance.Both).Append(Provenance.Nobody).ToArray();
        var seen = new HashSet<(string, string)>();
        var attention = new Dictionary<string, double>(StringComparer.Ordinal);
        var positions = ImmutableArray.CreateBuilder<Position>(positionNodes.Count);
        foreach (var node in positionNodes)
        {
            var position = ReadPosition(path, node, actorIds, topicIds, speakers, source);
            if (!seen.Add((position.Actor, position.Topic)))
                throw new InputException(YamlDocument.At(path, node), $"{position.Actor} already has a position on '{position.Topic}'; an actor holds one position per topic");
            // Shares of one actor's attention cannot add up to more than the whole of it.
            var shared = attention[position.Actor] = attention.GetValueOrDefault(position.Actor) + position.Salience.Value;
            if (salienceMeaning == SalienceMeaning.Shares && shared > 1 + 1e-9)
                throw new InputException(YamlDocument.At(path, new MappingReader(path, node, "a position", PositionKeys).Required("salience")),
                    $"{position.Actor}'s saliences sum to {shared.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} with this one; with 'salience: shares' they are shares of the actor's attention and may sum to at most 1");
            positions.Add(position);
        }

        var agreementIds = new HashSet<string>(StringComparer.Ordinal);
        var agreements = ImmutableArray.CreateBuilder<Agreement>(agreementNodes.Count);
        foreach (var node in agreementNodes)
            agreements.Add(ReadAgreement(path, node, actorIds, topicIds, source, agreementIds, format));
        if (format < FileFormat.Current)
            FormatNotes.Say(FileFormat.Note(path, FileFormat.WorldChanges));

        return new World(id, title, about, sourceName ?? "", actors, topics, positions.DrainToImmutable(), agreements.DrainToImmutable(), salienceMeaning, ktab);
    }

    private static IdSet UniqueIds(string path, IReadOnlyList<YamlNode> nodes, string described, string what, string[] keys)
    {
        var ids = new IdSet();
        foreach (var node in nodes)
        {
            var reader = new MappingReader(path, node, described, keys);
            var id = Identifier(reader, "id");
            if (!ids.TryAdd(id))
                throw reader.Fail(reader.Required("id"), $"the {what} id '{id}' is used twice; {what} ids must be unique");
        }
        return ids;
    }

    private static Actor ReadActor(string path, YamlNode node, IdSet actorIds, int format)
    {
        var r = new MappingReader(path, node, "an actor", ActorKeys);
        var id = r.String("id");
        var name = r.String("name");
        var leader = r.OptionalString("leader") ?? "";
        var speaker = r.OptionalString("speaker");
        var capability = r.Number("capability", 0, 1);
        var strategy = r.Has("strategy") ? StrategyOf(r, r.Required("strategy"), "strategy", format) : Strategy.Linear;
        var acceptance = r.Has("acceptance") ? r.Enum<AcceptanceCondition>("acceptance") : AcceptanceCondition.Next;
        var curvature = Curvature(r, format) ?? 1.0;
        var affinity = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (r.Has("affinity"))
        {
            foreach (var (key, value) in r.Pairs("affinity"))
            {
                var other = KnownId(r, key, key.Value ?? "", actorIds, "actor");
                if (other == id)
                    throw r.Fail(key, $"an actor has no affinity toward itself; name {MappingReader.OneOf(actorIds.Where(a => a != id))}");
                affinity[other] = r.Number(value, "affinity", -1, 1);
            }
        }
        var why = r.OptionalString("why") ?? "";
        string? ktabPower = null;
        if (r.Optional("ktab") is { } ktabNode)
        {
            var k = new MappingReader(path, ktabNode, "an actor's KTAB numbers", ["power"]);
            ktabPower = TableNumber(k, "power");
            k.RejectUnknownKeys();
        }
        r.RejectUnknownKeys();
        return new Actor(id, name, leader, speaker, capability, strategy, curvature, affinity.ToImmutable(), why, acceptance, ktabPower);
    }

    /// <summary>A number as a KTAB table wrote it (75.920), kept as text so that an export writes it back unchanged.</summary>
    private static string TableNumber(MappingReader k, string key)
    {
        var text = k.String(key);
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 0)
            throw k.Fail(k.Required(key), $"the KTAB {key} '{text}' is not a number of 0 or more; expected the table's number as written, such as 75.920");
        return text;
    }

    private static Topic ReadTopic(string path, YamlNode node, IdSet topicIds)
    {
        var r = new MappingReader(path, node, "a topic", TopicKeys);
        var id = r.String("id");
        var title = r.String("title");
        var scale = new MappingReader(path, r.Required("scale"), "a topic's scale", ScaleKeys);
        var anchors = new ScaleAnchors(scale.String("low"), scale.String("middle"), scale.String("high"));
        scale.RejectUnknownKeys();
        var related = r.OptionalList("related")
            .Select(n => KnownItem(r, n, "related", topicIds, "topic"))
            .ToImmutableArray();
        KtabColumns? ktab = null;
        if (r.Optional("ktab") is { } ktabNode)
        {
            var k = new MappingReader(path, ktabNode, "a topic's KTAB columns", ["position", "salience"]);
            ktab = new KtabColumns(k.String("position"), k.String("salience"));
            k.RejectUnknownKeys();
        }
        r.RejectUnknownKeys();
        return new Topic(id, title, anchors, related, ktab);
    }

    private static Position ReadPosition(string path, YamlNode node, IdSet actorIds, IdSet topicIds, string[] speakers, SourceText? source)
    {
        var r = new MappingReader(path, node, "a position", PositionKeys);
        var actor = KnownId(r, "actor", actorIds, "actor");
        var topic = KnownId(r, "topic", topicIds, "topic");
        var value = r.Number("value", ScaleValue.Min, ScaleValue.Max);
        var range = r.Has("range") ? Containing(r, "range", value, ScaleValue.Min, ScaleValue.Max) : Interval.Point(value);
        var salience = r.Number("salience", 0, 1);
        var salienceRange = r.Has("salience-range") ? Containing(r, "salience-range", salience, 0, 1) : Interval.Point(salience);
        var speaker = r.OptionalString("speaker") ?? Provenance.Nobody;
        if (!speakers.Contains(speaker))
            throw r.Fail(r.Required("speaker"), $"unknown speaker '{speaker}'; expected {MappingReader.OneOf(speakers)}");
        var kind = r.Has("kind") ? r.Enum<PositionKind>("kind") : PositionKind.Inferred;
        var quotes = Quotes(r, source, r.OptionalList("quotes"));
        var reference = r.OptionalString("reference");
        Fidelity.CheckPosition(r, node, kind, speaker, quotes, reference, source,
            [.. speakers.Where(s => s is not (Provenance.Both or Provenance.Nobody))]);
        var why = r.OptionalString("why") ?? "";
        var (reservation, strategy, acceptance) = Bargaining(r);
        KtabNumbers? ktab = null;
        if (r.Optional("ktab") is { } ktabNode)
        {
            var k = new MappingReader(path, ktabNode, "a position's KTAB numbers", ["position", "salience"]);
            ktab = new KtabNumbers(TableNumber(k, "position"), TableNumber(k, "salience"));
            k.RejectUnknownKeys();
        }
        r.RejectUnknownKeys();
        return new Position(actor, topic, new ScaleValue(value), range, new Salience(salience), salienceRange,
            new Provenance(kind, speaker, quotes, why, reference), reservation, strategy, acceptance, ktab);
    }

    private static Agreement ReadAgreement(string path, YamlNode node, IdSet actorIds, IdSet topicIds, SourceText? source, HashSet<string> earlierIds, int format)
    {
        var r = new MappingReader(path, node, "an agreement", AgreementKeys);
        var id = Identifier(r, "id");
        if (!earlierIds.Add(id))
            throw r.Fail(r.Required("id"), $"the agreement id '{id}' is used twice; agreement ids must be unique");
        var terms = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (r.Has("terms"))
        {
            foreach (var (key, value) in r.Pairs("terms"))
            {
                var topic = KnownId(r, key, key.Value ?? "", topicIds, "topic");
                if (terms.ContainsKey(topic))
                    throw r.Fail(key, $"the topic '{topic}' appears twice in the terms");
                terms[topic] = r.Number(value, topic, ScaleValue.Min, ScaleValue.Max);
            }
        }
        else
        {
            var topic = KnownId(r, "topic", topicIds, "topic");
            terms[topic] = r.Number("value", ScaleValue.Min, ScaleValue.Max);
        }
        var partyNodes = r.List("parties");
        var parties = partyNodes.Select(n => KnownItem(r, n, "parties", actorIds, "actor")).ToImmutableArray();
        if (parties.Length < 2)
            throw r.Fail(r.Required("parties"), "an agreement needs at least two parties");
        if (parties.Distinct().Count() != parties.Length)
            throw r.Fail(r.Required("parties"), "a party is named twice in 'parties'");
        var rule = r.Has("rule") ? Rule(r, r.Required("rule"), parties.Length) : AgreementRule.Unanimity;
        Quote? quote = null;
        if (r.Optional("quote") is { } quoteNode)
            quote = Locate(r, source, quoteNode);
        var verb = Fidelity.Verb(r, quote, source, format);
        var why = r.OptionalString("why") ?? "";
        r.RejectUnknownKeys();
        return new Agreement(id, terms.ToImmutable(), parties, rule, AgreementStatus.Holding, "seed", quote, why, verb);
    }

    /// <summary>
    /// The curvature ρ of an actor's utility curve, 0.1..10, under 'curvature' or, in a format-1 file, its
    /// older name 'risk' (it was called a risk attitude, but the model evaluates no lottery with it); null
    /// when neither is given.
    /// </summary>
    /// <exception cref="InputException">A format-2 file says 'risk' (format 2 knows only 'curvature'), or a file gives both names.</exception>
    public static double? Curvature(MappingReader r, int format)
    {
        if (format >= FileFormat.Current && r.Has("risk"))
            throw r.Fail(r.Required("risk"), $"'risk' is the format-1 name of 'curvature', which a format-{format} file must use instead (0.1 to 10); 'summits migrate' rewrites a format-1 file");
        if (r.Has("curvature") && r.Has("risk"))
            throw r.Fail(r.Required("risk"), "'risk' is the older name of 'curvature'; give only 'curvature'");
        return r.OptionalNumber("curvature", 0.1, 10) ?? r.OptionalNumber("risk", 0.1, 10);
    }

    /// <summary>The format-1 name of <see cref="Strategy.RelativeTitForTat"/>, which format 1 called plain tit-for-tat.</summary>
    public const string TitForTat = "tit-for-tat";

    /// <summary>
    /// The strategy named at <paramref name="node"/> under <paramref name="key"/>. A format-1 file may say
    /// 'tit-for-tat', which format 2 reads as 'relative-tit-for-tat' (the note of <see cref="FileFormat.WorldChanges"/> says so).
    /// </summary>
    /// <exception cref="InputException">The name is not a strategy (in format 2, 'tit-for-tat' is not one).</exception>
    public static Strategy StrategyOf(MappingReader r, YamlNode node, string key, int format)
    {
        if (format < FileFormat.Current && r.Scalar(node, key, MappingReader.OneOf(KebabCase.Names<Strategy>().Append(TitForTat))) == TitForTat)
            return Strategy.RelativeTitForTat;
        return r.Enum<Strategy>(node, key);
    }

    /// <summary>How an actor bargains on one topic when it differs from the actor's own: 'reservation' (0..100), 'strategy' and 'acceptance'.</summary>
    public static (double? Reservation, Strategy? Strategy, AcceptanceCondition? Acceptance) Bargaining(MappingReader r) =>
        (r.OptionalNumber("reservation", ScaleValue.Min, ScaleValue.Max),
         r.Has("strategy") ? r.Enum<Strategy>("strategy") : null,
         r.Has("acceptance") ? r.Enum<AcceptanceCondition>("acceptance") : null);

    public static AgreementRule Rule(MappingReader r, YamlNode node, int parties)
    {
        var text = r.Scalar(node, "rule", RuleChoices);
        if (text == "unanimity")
            return AgreementRule.Unanimity;
        if (text == "weighted-majority")
            return new AgreementRule(AgreementRuleKind.WeightedMajority);
        var match = KOfN().Match(text);
        if (match.Success)
        {
            var k = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (k < 1 || k > parties)
                throw r.Fail(node, $"'{text}' asks for {k} of {parties} parties; k must be from 1 to {parties}");
            return new AgreementRule(AgreementRuleKind.KOfN, k);
        }
        throw r.Fail(node, $"'rule' must be {RuleChoices}, not '{text}'");
    }

    /// <summary>What an agreement rule may be, as errors say it.</summary>
    private static readonly string RuleChoices = Listed.OneOf(["unanimity", "weighted-majority", "K-of-n (for example 2-of-n)"]);

    private static ImmutableArray<Quote> Quotes(MappingReader r, SourceText? source, IReadOnlyList<YamlNode> nodes) =>
        nodes.Select(n => Locate(r, source, n)).ToImmutableArray();

    private static Quote Locate(MappingReader r, SourceText? source, YamlNode node)
    {
        var text = r.Scalar(node, "quote");
        if (source is null)
            throw r.Fail(node, "a quote needs the world to name its 'source' text");
        var location = source.Find(text)
            ?? throw r.Fail(node, $"this quote does not appear verbatim in {InputPath.Said(source.Path)}: {source.Hint(text)}");
        return new Quote(text, location);
    }

    private static Interval Containing(MappingReader r, string key, double value, double min, double max)
    {
        var (low, high) = r.Range(key, min, max);
        if (value < low || value > high)
            throw r.Fail(r.Required(key), $"'{key}' [{MappingReader.Format(low)}, {MappingReader.Format(high)}] must contain the value {MappingReader.Format(value)}");
        return new Interval(low, high);
    }

    /// <summary>The id under <paramref name="key"/>, which must be one of <paramref name="known"/>, the ids of a <paramref name="what"/> ("actor", "topic").</summary>
    /// <exception cref="InputException">The key is missing, holds a list or a mapping, or names no known id.</exception>
    public static string KnownId(MappingReader r, string key, IReadOnlyCollection<string> known, string what) =>
        KnownId(r, r.Required(key), r.String(key, IdExpected(known, what)), known, what);

    /// <summary>An item of the list under <paramref name="key"/>, which must be one of <paramref name="known"/>, the ids of a <paramref name="what"/>.</summary>
    /// <exception cref="InputException">The item is a list or a mapping, or names no known id.</exception>
    public static string KnownItem(MappingReader r, YamlNode item, string key, IReadOnlyCollection<string> known, string what) =>
        KnownId(r, item, r.Item(item, key, IdExpected(known, what)), known, what);

    /// <summary>What a key naming a <paramref name="what"/> expects: "an actor id, one of JP or US".</summary>
    private static string IdExpected(IReadOnlyCollection<string> known, string what) =>
        $"{(what.Length > 0 && "aeiou".Contains(what[0]) ? "an" : "a")} {what} id, {MappingReader.OneOf(known)}";

    /// <summary>The id <paramref name="id"/> written at <paramref name="node"/>, which must be one of <paramref name="known"/>.</summary>
    /// <exception cref="InputException">It names no known id: the closest is suggested and the known ones listed.</exception>
    public static string KnownId(MappingReader r, YamlNode node, string id, IReadOnlyCollection<string> known, string what) =>
        known.Contains(id) ? id : throw r.Fail(node, $"unknown {what} '{id}'{Closest.DidYouMean(id, known)}; known {what}s: {MappingReader.Known(known)}");

    public static string Identifier(MappingReader r, string key)
    {
        var id = r.String(key, Summits.Grains.WorldKey.IdRule);
        if (!Summits.Grains.WorldKey.IsId(id))
            throw r.Fail(r.Required(key), $"'{key}' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        return id;
    }

    [GeneratedRegex("^([0-9]+)-of-n$")]
    private static partial Regex KOfN();
}
