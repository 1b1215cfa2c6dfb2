using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A country in one world, keyed <c>{world}/{actor}</c>: it owns its positions and decides its answers.</summary>
/// <remarks>
/// Evaluate, Propose and Shock change the country in memory; <see cref="Commit"/> writes it. The world
/// grain commits every grain an advance touched before it writes its own state, so storage always holds
/// the world as of the end of an advance, and an advance cut short by a fault is run again from there.
/// </remarks>
[Alias("summits.country-grain")]
public interface ICountryGrain : IGrainWithStringKey
{
    [Alias("Seed")]
    Task Seed(Actor actor, ImmutableArray<Position> positions);

    [Alias("Get")]
    Task<CountrySnapshot> Get();

    [Alias("PositionOn")]
    Task<Position?> PositionOn(string topic);

    /// <summary>Every move of this country's positions, in order, with its cause.</summary>
    [Alias("History")]
    Task<ImmutableArray<Move>> History();

    /// <summary>Answers a proposal and moves toward it; a proposal id delivered again changes nothing.</summary>
    [Alias("Evaluate")]
    Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters);

    [Alias("Propose")]
    Task<ImmutableArray<CommitmentChange>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters);

    /// <summary>Clears this country's stored state and deactivates it.</summary>
    [Alias("Retire")]
    Task Retire();

    [Alias("Shock")]
    Task<ShockOutcome> Shock(ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters);

    /// <summary>Writes what the run's last advance changed; the world grain calls it once per advance.</summary>
    [Alias("Commit")]
    Task Commit();
}
