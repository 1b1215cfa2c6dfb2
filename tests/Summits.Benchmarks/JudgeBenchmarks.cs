using BenchmarkDotNet.Attributes;
using Summits.Model;

namespace Summits.Benchmarks;

/// <summary>One proposal judged by one country over spans: the allocation-free path the model promises.</summary>
[MemoryDiagnoser]
public class JudgeBenchmarks
{
    private readonly double[] _positions = [20, 65];
    private readonly double[] _saliences = [0.75, 0.4];
    private readonly double[] _terms = [60, 75];
    private readonly double[] _agreed = [double.NaN, 70];
    private readonly ModelParameters _parameters = ModelParameters.Default;

    [Benchmark]
    public Judgement OneTopic() =>
        Negotiator.Judge(_positions.AsSpan(0, 1), _saliences.AsSpan(0, 1), _terms.AsSpan(0, 1), _agreed.AsSpan(0, 1), 1, _parameters);

    [Benchmark]
    public Judgement TwoTopicPackage() =>
        Negotiator.Judge(_positions, _saliences, _terms, _agreed, 1, _parameters);

    [Benchmark]
    public Judgement TwoTopicPackageRiskAverse() =>
        Negotiator.Judge(_positions, _saliences, _terms, _agreed, 1.5, _parameters);
}
