using BenchmarkDotNet.Attributes;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Benchmarks;

/// <summary>The model's small formulas: utility, influence, and the reference points of a topic.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private readonly ModelParameters _parameters = ModelParameters.Default;
    private (double Position, double Salience, double Capability, double Risk)[] _thirteen = [];
    private (double Position, double Salience, double Capability, double Risk)[] _twoHundred = [];

    [GlobalSetup]
    public void Setup()
    {
        _thirteen = Actors(13);
        _twoHundred = Actors(200);
    }

    [Benchmark]
    public double UtilityRiskNeutral() => Utility.Of(20, 0.75, 1, 60);

    [Benchmark]
    public double UtilityRiskAverse() => Utility.Of(20, 0.75, 1.5, 60);

    [Benchmark]
    public double Influence() => Negotiator.Influence(20, 0.75, 60, 0.8, 1, 0.5, _parameters);

    [Benchmark]
    public TopicAnalysis TopicAnalysis13Actors() => TopicAnalysis.Of("t", _thirteen, _parameters);

    [Benchmark]
    public TopicAnalysis TopicAnalysis200Actors() => TopicAnalysis.Of("t", _twoHundred, _parameters);

    private static (double, double, double, double)[] Actors(int count)
    {
        var world = WorldGenerator.Generate(count, 1, seed: 11);
        return [.. world.Positions.Select(p => ((double)p.Value, (double)p.Salience, world.Actor(p.Actor).Capability, world.Actor(p.Actor).RiskAttitude))];
    }
}
