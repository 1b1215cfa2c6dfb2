using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// Draws worlds from a world's uncertainty: every position whose value or salience carries an
/// interval wider than a point, and every input a scenario's <c>vary</c> block names (which takes
/// the place of the world's own interval for the same number). Each draw is uniform within its
/// interval. Sample <c>i</c> of a study seeded <c>S</c> is drawn from its own generator seeded from
/// (S, i), so any one sample can be drawn again alone.
/// </summary>
public sealed class WorldSampler
{
    private readonly World _world;
    private readonly ImmutableArray<Variation> _vary;
    private readonly List<(SampledInput Input, Variation Target)> _plan;

    public WorldSampler(World world, ImmutableArray<Variation> vary)
    {
        _world = world;
        _vary = vary.IsDefault ? [] : vary;
        _plan = Plan();
        Inputs = [.. _plan.Select(p => p.Input)];
    }

    /// <summary>Every input this sampler draws, in the order a sample's values come in.</summary>
    public ImmutableArray<SampledInput> Inputs { get; }

    /// <summary>The generator seed of sample <paramref name="index"/> of a study seeded <paramref name="study"/>.</summary>
    public static ulong SeedOf(ulong study, int index)
    {
        var z = study ^ ((ulong)(uint)index * 0x9E3779B97F4A7C15UL);
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public WorldSample Sample(ulong study, int index)
    {
        var seed = SeedOf(study, index);
        var random = new WorldRandom(seed);
        var plan = _plan;
        var values = ImmutableArray.CreateBuilder<double>(plan.Count);
        var world = _world;
        var positions = world.Positions.ToDictionary(p => (p.Actor, p.Topic));
        var actors = world.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var (input, target) in plan)
        {
            var value = input.Choices is { Count: > 0 } choices
                ? random.Next(choices.Count)
                : input.Range.Width > 0 ? random.Between(input.Range.Low, input.Range.High) : input.Range.Low;
            values.Add(value);
            switch (target)
            {
                case PositionVariation p:
                    positions[(p.Actor, p.Topic)] = positions[(p.Actor, p.Topic)] with { Value = new ScaleValue(value) };
                    break;
                case SalienceVariation s:
                    positions[(s.Actor, s.Topic)] = positions[(s.Actor, s.Topic)] with { Salience = new Salience(value) };
                    break;
                case CapabilityVariation c:
                    actors[c.Actor] = actors[c.Actor] with { Capability = value };
                    break;
                case StrategyVariation v:
                    actors[v.Actor] = actors[v.Actor] with { Strategy = v.Choices[(int)value] };
                    break;
            }
        }
        world = world with
        {
            Actors = [.. world.Actors.Select(a => actors[a.Id])],
            Positions = [.. world.Positions.Select(p => positions[(p.Actor, p.Topic)])],
        };
        return new WorldSample(index, seed, world, values.MoveToImmutable());
    }

    /// <summary>The draws in a fixed order: the world's uncertain positions in file order, value before salience, then the vary block's own inputs.</summary>
    private List<(SampledInput Input, Variation Target)> Plan()
    {
        var named = _vary.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var plan = new List<(SampledInput, Variation)>();
        foreach (var p in _world.Positions)
        {
            var value = new PositionVariation(p.Actor, p.Topic, p.ValueRange);
            if (p.ValueRange.Width > 0 && !named.Contains(value.Name))
                plan.Add((new SampledInput(value.Name, p.ValueRange), value));
            var salience = new SalienceVariation(p.Actor, p.Topic, p.SalienceRange);
            if (p.SalienceRange.Width > 0 && !named.Contains(salience.Name))
                plan.Add((new SampledInput(salience.Name, p.SalienceRange), salience));
        }
        foreach (var v in _vary)
        {
            var input = v switch
            {
                PositionVariation p => new SampledInput(v.Name, p.Range),
                SalienceVariation s => new SampledInput(v.Name, s.Range),
                CapabilityVariation c => new SampledInput(v.Name, c.Range),
                StrategyVariation s => new SampledInput(v.Name, new Interval(0, s.Choices.Length - 1), s.Choices),
                _ => throw new ArgumentException($"unknown variation {v}"),
            };
            plan.Add((input, v));
        }
        return plan;
    }
}
