using BenchmarkDotNet.Attributes;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Benchmarks;

/// <summary>The model's small formulas: utility, influence, and the reference points of a topic.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private readonly ModelParameters _parameters = ModelParameters.Default;

    // Fields, not constants, so that the JIT cannot fold the formulas away.
    private readonly double _position = 20, _salience = 0.75, _value = 60, _riskNeutral = 1, _riskAverse = 1.5;
    private readonly double _recipientCapability = 0.8, _proposerCapability = 1, _affinity = 0.5;
    private (string Actor, double Position, double Salience, double Capability, double Risk, double Reservation)[] _thirteen = [];
    private (string Actor, double Position, double Salience, double Capability, double Risk, double Reservation)[] _twoHundred = [];

    [GlobalSetup]
    public void Setup()
    {
        _thirteen = Actors(13);
        _twoHundred = Actors(200);
    }

    [Benchmark]
    public double UtilityRiskNeutral() => Utility.Of(_position, _salience, _riskNeutral, _value);

    [Benchmark]
    public double UtilityRiskAverse() => Utility.Of(_position, _salience, _riskAverse, _value);

    [Benchmark]
    public double Influence() => Negotiator.Influence(_position, _salience, _value, _recipientCapability, _proposerCapability, _affinity, _parameters);

    [Benchmark]
    public TopicAnalysis TopicAnalysis13Actors() => TopicAnalysis.Of("t", _thirteen);

    [Benchmark]
    public TopicAnalysis TopicAnalysis200Actors() => TopicAnalysis.Of("t", _twoHundred);

    private static (string, double, double, double, double, double)[] Actors(int count)
    {
        var world = WorldGenerator.Generate(count, 1, seed: 11);
        return [.. world.Positions.Select(p => (p.Actor, (double)p.Value, (double)p.Salience, world.Actor(p.Actor).Capability, world.Actor(p.Actor).Curvature,
            WorldBargaining.NoDeal(p, world.Actor(p.Actor), WorldBargaining.OtherSide(world, p), ModelParameters.Default)))];
    }
}
