namespace Summits.Grains;

/// <summary>
/// A world of a cluster as its registry keeps it (<see cref="IWorldRegistryGrain"/>): one whose run its world grain drives
/// itself (<c>summits run --detach</c>), or one an attached client drives (<c>summits run --cluster</c>), listed from its
/// start until the client retires it, so that a world whose client is killed is listed and can be retired.
/// </summary>
/// <param name="World">The world's key: its grain's key, the id <c>summits worlds</c> names it by.</param>
/// <param name="Of">The id of the world file the run was seeded from, which its <c>state.json</c> names.</param>
/// <param name="Scenario">The id of the scenario it runs (<c>SCENARIO#BRANCH</c> for a branch of a fork).</param>
/// <param name="Failure">Why its run cannot be completed, once its driver has given up on it; null while it runs or when it finished.</param>
/// <param name="Client">
/// The attached client that drives its run, as <c>summits run, process 4242 on HOST</c>; null for a world that drives its
/// own run (a detached one, and every world listed before attached runs were).
/// </param>
// The alias is the one registries were first written with, so that a registry in a cluster's Redis server reads back.
[GenerateSerializer, Immutable, Alias("summits.detached-world")]
public sealed record ListedWorld([Id(0)] string World, [Id(1)] string Of, [Id(2)] string Scenario, [Id(3)] DriveFailure? Failure = null, [Id(4)] string? Client = null);

/// <summary>Why a detached run stopped before its end.</summary>
/// <param name="Advance">The advance that failed every try (0 for the first).</param>
/// <param name="Step">The scenario's step that advance ran, counted from 1.</param>
/// <param name="Reason">The last try's error, one line.</param>
[GenerateSerializer, Immutable, Alias("summits.drive-failure")]
public sealed record DriveFailure([Id(0)] int Advance, [Id(1)] int Step, [Id(2)] string Reason);
