using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Every command a run sends a country or a topic (a proposal to answer or make, a shock, an agreement to
/// record, status changes, a new participant) carries an id, and its receiver applies it once however often
/// it arrives: a run whose every command is delivered twice writes the same bytes as a clean one.
/// </summary>
public sealed class RedeliveryTests
{
    [Theory]
    [MemberData(nameof(LocalRunTests.Scenarios), MemberType = typeof(LocalRunTests))]
    public async Task A_run_whose_every_command_arrives_twice_writes_the_same_bytes_as_a_clean_one(string entry)
    {
        var loaded = LocalRunTests.Load(entry);
        var clean = await ScenarioRun.LocallyAsync(loaded);

        var world = new LocalWorld(loaded.World);
        var state = RunState.Begin(loaded.Scenario, loaded.World);
        var runner = new ScenarioRunner(new Twice(world), state);
        var timeline = ImmutableArray.CreateBuilder<TimelineEvent>();
        while (!state.Finished)
        {
            world.BeginAdvance();
            timeline.AddRange(await runner.AdvanceAsync());
        }
        var twice = clean with { Final = world.Snapshot(), Timeline = timeline.ToImmutable(), Failures = state.Failures };

        Assert.Equal(RunFiles.Timeline(clean), RunFiles.Timeline(twice));
        Assert.Equal(RunFiles.State(clean), RunFiles.State(twice));
    }

    /// <summary>Delivers every command twice, as a network that resends would, and hands back the second answer.</summary>
    private sealed class Twice(IWorldAccess world) : IWorldAccess
    {
        public ICountryAccess Country(string actor) => new CountryTwice(world.Country(actor));

        public ITopicAccess Topic(string topic) => new TopicTwice(world.Topic(topic));

        private sealed class CountryTwice(ICountryAccess country) : ICountryAccess
        {
            public async Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters)
            {
                await country.Evaluate(proposal, commitments, scripted, exchanges, parameters);
                return await country.Evaluate(proposal, commitments, scripted, exchanges, parameters);
            }

            public async Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters)
            {
                await country.Propose(proposal, commitments, parameters);
                return await country.Propose(proposal, commitments, parameters);
            }

            public async Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters)
            {
                await country.Shock(command, change, cause, commitments, parameters);
                return await country.Shock(command, change, cause, commitments, parameters);
            }

            public Task<Position?> PositionOn(string topic) => country.PositionOn(topic);

            public Task<Actor> Actor() => country.Actor();
        }

        private sealed class TopicTwice(ITopicAccess topic) : ITopicAccess
        {
            public Task<TopicTable> Get() => topic.Get();

            public Task<ImmutableArray<Position>> Positions() => topic.Positions();

            // Recording answers whether this delivery recorded it; the run reads the table, not the answer.
            public async Task<bool> Record(Agreement agreement) => await topic.Record(agreement) | await topic.Record(agreement);

            public async Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes)
            {
                await topic.Apply(command, changes);
                return await topic.Apply(command, changes);
            }

            public async Task Join(string actor)
            {
                await topic.Join(actor);
                await topic.Join(actor);
            }
        }
    }
}
