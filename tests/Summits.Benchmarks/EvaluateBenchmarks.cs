using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Benchmarks;

/// <summary>
/// A whole evaluation by one country: the judgement plus the answer's reason, the counter-offer and the
/// moves it causes, as records. It allocates by design; this measures how much.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private Actor _actor = null!;
    private Dictionary<string, Position> _positions = null!;
    private Proposal _single = null!;
    private Proposal _package = null!;
    private readonly List<Commitment> _commitments = [];

    [GlobalSetup]
    public void Setup()
    {
        var world = WorldGenerator.Generate(2, 2, seed: 7);
        _actor = world.Actors[1];
        _positions = world.PositionsOf(_actor.Id).ToDictionary(p => p.Topic, StringComparer.Ordinal);
        var from = world.Actors[0];
        var topics = world.Topics.Select(t => t.Id).ToArray();
        _single = new Proposal("p1", from.Id, [_actor.Id], [new Term(topics[0], 55)], AgreementRule.Unanimity, 0.5, from.Capability, ProposalKind.Scripted, "p1");
        _package = _single with { Id = "p2", Terms = [new Term(topics[0], 55), new Term(topics[1], 40)], Cause = "p2" };
    }

    [Benchmark]
    public Evaluation OneTopic() => Negotiator.Evaluate(_actor, _positions, _single, _commitments, null, ModelParameters.Default);

    [Benchmark]
    public Evaluation TwoTopicPackage() => Negotiator.Evaluate(_actor, _positions, _package, _commitments, null, ModelParameters.Default);
}
