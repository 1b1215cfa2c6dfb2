namespace Summits.Scenarios.Tests;

/// <summary>
/// The scenario schema says what the reader says: a file using every key passes both, and mistakes
/// the schema can see without the world fail both.
/// </summary>
public sealed class ScenarioSchemaTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string EveryKey = """
        about: Every key the format has.
        seed: 18446744073709551615
        model:
          influence-rate: 0.2
          window-min: 4
          window-span: 40
          breach-factor: 3
          convergence: 0.05
          boulware-exponent: 0.3
          conceder-exponent: 4
        actors:
          - id: US
            reason: a harder line
            strategy: hardliner
            risk: 0.5
            capability: 0.85
            leader: Someone else
            name: United States of America
            affinity: { CN: -0.4 }
          - id: KR
            reason: South Korea joins
            name: Republic of Korea
            capability: 0.4
            affinity: { JP: 0.3, US: 0.8 }
        topics:
          - id: tpp-11
            reason: a sharper title
            title: The Trans-Pacific Partnership without the US
          - id: summit-venue
            reason: where to meet next
            title: The next summit's venue
            scale: { low: Pyongyang, middle: Panmunjom, high: Washington }
        positions:
          - actor: KR
            topic: north-korea
            reason: Seoul favours talks
            value: 40
            salience: 0.9
            range: [30, 50]
            salience-range: [0.8, 1]
          - actor: JP
            topic: tpp-11
            reason: Japan cares more
            salience: 0.95
        steps:
          - respond: { actor: US, to: package, answer: counter, terms: { trade-imbalance: 70, defense-procurement: 90 }, because: wants more }
          - id: reply
            respond: { actor: JP, to: talks, answer: accept }
          - respond: { actor: US, to: talks, answer: reject, because: not yet }
          - id: package
            propose:
              from: JP
              to: US
              terms: { trade-imbalance: 40, defense-procurement: 80 }
              rule: unanimity
              deadline: 3
          - id: talks
            propose:
              from: KR
              to: [JP, US]
              terms: { north-korea: 60 }
              rule: 2-of-n
          - id: scare
            shock:
              reason: a missile test
              changes:
                - { position: KP, topic: north-korea, to: 5, with-salience: 0.95 }
                - { position: JP, topic: north-korea, by: 2 }
                - { salience: US, topic: north-korea, to: 1 }
                - { capability: KP, by: -0.05 }
                - { affinity: CN, toward: KP, to: -0.2 }
          - id: bargain
            rounds: 5
            topics: [north-korea, trade-imbalance]
            rule: weighted-majority
          - rounds: 2
          - expect:
              agreement: { topic: north-korea, parties: [JP, US], value: [80, 100], status: holding }
              because: the summit's line holds
          - expect:
              agreement: { topic: summit-venue, absent: true }
          - expect:
              agreement: { topic: summit-venue, exists: no, value: 50 }
          - expect:
              position: { actor: JP, topic: north-korea, range: 94 }
          - expect:
              position: { actor: JP, topic: north-korea, moved: toward, target: KP }
          - expect:
              position: { actor: US, topic: trade-imbalance, moved: away, target: 50, range: [0, 100] }
          - expect:
              position: { actor: CN, topic: china-role, moved: unchanged }
          - expect:
              event: { kind: agreement-made, topic: trade-imbalance, cause: package }
          - expect:
              event: { kind: proposal-expired, actor: JP, happened: false }
              order:
                - { kind: shock, cause: scare }
                - { kind: round }
                - { kind: converged, cause: bargain }
              because: the rounds come after the shock
        """;

    [Fact]
    public void A_file_using_every_key_loads_and_passes_the_schema()
    {
        var scenario = _folder.Write(EveryKey);
        var loaded = ScenarioFile.Load(scenario.File);
        Assert.Equal(17, loaded.Scenario.Steps.Length);
        var results = ScenarioSchema.Check(scenario.Text);
        Assert.True(results.IsValid, ScenarioSchema.Describe(results));
    }

    [Theory]
    [InlineData("steps:\n  - negotiate: { from: JP, to: US }\n")]
    [InlineData("steps:\n  - rounds: 1\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 150 } }\n")]
    [InlineData("steps:\n  - propose: { from: JP, to: US, terms: {} }\n")]
    [InlineData("steps:\n  - propose: { from: JP, terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - propose: { from: JP, to: [US, US], terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 50 }, rule: most }\n")]
    [InlineData("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 50 }, deadline: 0 }\n")]
    [InlineData("steps:\n  - respond: { actor: US, to: offer, answer: maybe }\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - respond: { actor: US, to: offer, answer: counter }\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - respond: { actor: US, to: offer, answer: accept, terms: { tpp-11: 50 } }\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { salience: JP, topic: tpp-11 } ] }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { salience: JP, topic: tpp-11, to: 0.5, by: 0.1 } ] }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { salience: JP, capability: JP, topic: tpp-11, to: 0.5 } ] }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { capability: JP, topic: tpp-11, to: 0.5 } ] }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { affinity: JP, to: 0.5 } ] }\n")]
    [InlineData("steps:\n  - shock: { reason: r, changes: [ { salience: JP, topic: tpp-11, to: 0.5, with-salience: 0.5 } ] }\n")]
    [InlineData("steps:\n  - shock: { changes: [ { capability: JP, to: 0.5 } ] }\n")]
    [InlineData("steps:\n  - rounds: 0\n")]
    [InlineData("steps:\n  - rounds: 2\n    topics: []\n")]
    [InlineData("steps:\n  - expect: { because: nothing }\n")]
    [InlineData("steps:\n  - expect: { agreement: { topic: tpp-11, status: broken } }\n")]
    [InlineData("steps:\n  - expect: { position: { actor: JP, topic: tpp-11 } }\n")]
    [InlineData("steps:\n  - expect: { position: { actor: JP, topic: tpp-11, moved: toward } }\n")]
    [InlineData("steps:\n  - expect: { position: { actor: JP, topic: tpp-11, moved: unchanged, target: 50 } }\n")]
    [InlineData("steps:\n  - expect: { position: { actor: JP, topic: tpp-11, moved: sideways } }\n")]
    [InlineData("steps:\n  - expect: { event: { kind: exploded } }\n")]
    [InlineData("steps:\n  - expect: { event: { kind: round, happened: maybe } }\n")]
    [InlineData("steps:\n  - expect: { order: [ { kind: round } ] }\n")]
    [InlineData("steps:\n  - expect: { order: [ { kind: round }, { kind: shock, happened: true } ] }\n")]
    [InlineData("seed: -1\nsteps:\n  - rounds: 1\n")]
    [InlineData("model: { influence-rate: 2 }\nsteps:\n  - rounds: 1\n")]
    [InlineData("model: { patience: 2 }\nsteps:\n  - rounds: 1\n")]
    [InlineData("actors:\n  - id: JP\n    risk: 2\nsteps:\n  - rounds: 1\n")]
    [InlineData("actors:\n  - id: JP\n    reason: calmer\n    strategy: stubborn\nsteps:\n  - rounds: 1\n")]
    [InlineData("positions:\n  - actor: JP\n    topic: tpp-11\n    reason: ' '\n    value: 50\nsteps:\n  - rounds: 1\n")]
    [InlineData("steps:\n  - rounds: 1\nextra: 1\n")]
    public void A_mistake_the_schema_can_see_fails_both_the_schema_and_the_reader(string body)
    {
        var scenario = _folder.Write(body);
        Assert.Throws<InputException>(() => ScenarioFile.Load(scenario.File));
        Assert.False(ScenarioSchema.Check(scenario.Text).IsValid);
    }
}
