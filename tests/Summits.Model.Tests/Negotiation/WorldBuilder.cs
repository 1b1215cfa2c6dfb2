using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>Small worlds for tests, built in code so that every number a test relies on is in view.</summary>
internal static class WorldBuilder
{
    public static Actor Actor(string id, double capability = 0.5, Strategy strategy = Strategy.Linear, double risk = 1, params (string Other, double Affinity)[] affinity) =>
        new(id, id, "", null, capability, strategy, risk,
            affinity.ToImmutableSortedDictionary(a => a.Other, a => a.Affinity, StringComparer.Ordinal), "");

    public static Position Position(string actor, string topic, double value, double salience, double? reservation = null, Strategy? strategy = null, AcceptanceCondition? acceptance = null) =>
        new(actor, topic, new ScaleValue(value), Interval.Point(value), new Salience(salience), Interval.Point(salience),
            new Provenance(PositionKind.Inferred, Provenance.Nobody, [], "test"), reservation, strategy, acceptance);

    public static Topic Topic(string id, params string[] related) => new(id, id, new ScaleAnchors("low", "middle", "high"), [.. related]);

    public static Agreement Package(string id, (string Topic, double Value)[] terms, params string[] parties) =>
        new(id, terms.ToImmutableSortedDictionary(t => t.Topic, t => t.Value, StringComparer.Ordinal),
            [.. parties], AgreementRule.Unanimity, AgreementStatus.Holding, "seed", null, "");

    public static Agreement Agreement(string id, string topic, double value, params string[] parties) =>
        new(id, ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal).Add(topic, value),
            [.. parties], AgreementRule.Unanimity, AgreementStatus.Holding, "seed", null, "");

    public static World World(IEnumerable<Actor> actors, IEnumerable<Topic> topics, IEnumerable<Position> positions, IEnumerable<Agreement>? agreements = null) =>
        new("test", "test", "", "", [.. actors], [.. topics], [.. positions], [.. agreements ?? []]);

    public static Proposal Proposal(string id, string from, string[] to, double capability, params (string Topic, double Value)[] terms) =>
        new(id, from, [.. to], [.. terms.Select(t => new Term(t.Topic, t.Value))], AgreementRule.Unanimity, 0, capability, ProposalKind.Scripted, id);

    public static Scenario Scenario(params Step[] steps) => new("test", "", 1, ModelParameters.Default, [.. steps]);
}
