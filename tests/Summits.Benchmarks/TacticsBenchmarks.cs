using BenchmarkDotNet.Attributes;
using Summits.Model;

namespace Summits.Benchmarks;

/// <summary>The offers the bidding tactics make: one topic's time-dependent offer, and a two-topic trade-off package.</summary>
[MemoryDiagnoser]
public class TacticsBenchmarks
{
    private readonly double[] _positions = [30, 30];
    private readonly double[] _saliences = [0.9, 0.1];
    private readonly double[] _others = [70, 70];
    private readonly double[] _weights = [0.1, 0.9];
    private readonly ModelParameters _parameters = ModelParameters.Default;

    [Benchmark]
    public double BoulwareOffer() => Tactics.Offer(Strategy.Boulware, 20, 61, 0.7, Exchange.None, _parameters);

    [Benchmark]
    public double RelativeTitForTat() => Tactics.Offer(Strategy.RelativeTitForTat, 60, 0, 0.5, new Exchange(55, 5, 8), _parameters);

    [Benchmark]
    public double[] TradeOffPackage() => TradeOff.Package(_positions, _saliences, 1, _others, _weights, 0.95);
}
