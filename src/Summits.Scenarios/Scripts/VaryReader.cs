using System.Collections.Immutable;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Reads a scenario's <c>vary</c> block: the inputs a what-if study draws anew for each sample,
/// for example <c>{ salience: JP, topic: trade-imbalance, range: [0.5, 0.9] }</c> or
/// <c>{ strategy: US, choices: [boulware, linear] }</c>.
/// </summary>
/// <param name="format">The scenario file's format: format 1 may name the strategy 'tit-for-tat' (see <see cref="WorldFile.StrategyOf"/>).</param>
public sealed class VaryReader(string file, World world, int format = FileFormat.Current)
{
    private static readonly string[] Kinds = ["position", "salience", "capability", "strategy"];
    private static readonly string[] Keys = [.. Kinds, "topic", "range", "choices"];

    private readonly string[] _actors = [.. world.Actors.Select(a => a.Id)];
    private readonly string[] _topics = [.. world.Topics.Select(t => t.Id)];

    public ImmutableArray<Variation> ReadAll(IReadOnlyList<YamlNode> nodes)
    {
        var variations = ImmutableArray.CreateBuilder<Variation>(nodes.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var variation = Read(node);
            if (!names.Add(variation.Name))
                throw new InputException(YamlDocument.At(file, node), $"'{variation.Name}' is varied twice; name each input once");
            variations.Add(variation);
        }
        return variations.MoveToImmutable();
    }

    private Variation Read(YamlNode node)
    {
        var r = new MappingReader(file, node, "a varied input", Keys);
        var kinds = Kinds.Where(r.Has).ToArray();
        if (kinds.Length != 1)
            throw r.Fail(node, $"a varied input names exactly one of {MappingReader.Choices(Kinds)} with its actor, for example '{{ salience: JP, topic: {_topics.FirstOrDefault() ?? "trade"}, range: [0.5, 0.9] }}'");
        var kind = kinds[0];
        var actor = WorldFile.KnownId(r, kind, _actors, "actor");
        Variation variation = kind switch
        {
            "position" => new PositionVariation(actor, Held(r, actor), Range(r, ScaleValue.Min, ScaleValue.Max)),
            "salience" => new SalienceVariation(actor, Held(r, actor), Range(r, 0, 1)),
            "capability" => new CapabilityVariation(actor, Range(r, 0, 1)),
            _ => new StrategyVariation(actor, Choices(r, format)),
        };
        r.RejectUnknownKeys();
        return variation;
    }

    private string Held(MappingReader r, string actor)
    {
        var topic = WorldFile.KnownId(r, "topic", _topics, "topic");
        if (!world.Positions.Any(p => p.Actor == actor && p.Topic == topic))
        {
            var held = world.PositionsOf(actor).Select(p => p.Topic).ToList();
            // An actor may hold no position at all: then only what is not a position's can be varied.
            throw r.Fail(r.Required("topic"), held.Count == 0
                ? $"{actor} holds no position on '{topic}' to vary; {actor} holds no positions at all, so only its capability or strategy can be varied, for example '{{ capability: {actor}, range: [0.2, 0.4] }}'"
                : $"{actor} holds no position on '{topic}' to vary; {actor} holds positions on {MappingReader.Known(held)}");
        }
        return topic;
    }

    private static Interval Range(MappingReader r, double min, double max)
    {
        var (low, high) = r.Range("range", min, max);
        return new Interval(low, high);
    }

    private static ImmutableArray<Strategy> Choices(MappingReader r, int format)
    {
        var nodes = r.List("choices");
        var choices = new List<Strategy>();
        foreach (var node in nodes)
        {
            var strategy = WorldFile.StrategyOf(r, node, "choices", format);
            if (choices.Contains(strategy))
                throw r.Fail(node, $"'{KebabCase.Of(strategy)}' is named twice in 'choices'");
            choices.Add(strategy);
        }
        return [.. choices];
    }
}
