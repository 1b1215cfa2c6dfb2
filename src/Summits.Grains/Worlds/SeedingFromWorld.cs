namespace Summits.Grains;

/// <summary>
/// How a country or topic grain answers a call of its world's run when it may hold no seeding of that run: a world kept
/// in memory leaves a grain unseeded between a lane's samples when the grain holds the next sample's seeding already
/// (<see cref="IWorldGrain.CountrySeeding"/>, <see cref="IWorldGrain.TopicSeeding"/>), and an activation lost since holds
/// nothing of the run. Such a grain asks its world for the seeding first, then answers as a seeded one does.
/// </summary>
/// <remarks>
/// What the world answers is what the grain would have been seeded with, which is right for any call of the run: a run
/// that had changed the grain in the lost activation fails at the end of the advance (its answers came from two
/// activations, <see cref="GrainWorldAccess.EnsureNothingLost"/>) or at its checkpoint (the calls served are counted,
/// <see cref="CheckpointedState{T}.CommitAsync"/>).
/// </remarks>
internal static class SeedingFromWorld
{
    /// <summary>
    /// <paramref name="call"/> of <paramref name="grain"/> on <paramref name="arguments"/>: at once when
    /// <paramref name="holds"/> (the grain holds a seeding of the run, as almost every call finds it), else once
    /// <paramref name="seed"/> has seeded it from its world.
    /// </summary>
    /// <exception cref="InvalidOperationException">From <paramref name="seed"/>: the world has no seeding to give (a durable world, or none in progress).</exception>
    public static Task<TResult> WhenSeeded<TGrain, TArguments, TResult>(
        TGrain grain, bool holds, Func<TGrain, Task> seed, TArguments arguments, Func<TGrain, TArguments, TResult> call) =>
        holds ? Task.FromResult(call(grain, arguments)) : AfterSeedingAsync(grain, seed, arguments, call);

    /// <summary><see cref="WhenSeeded{TGrain, TArguments, TResult}"/> for a call that answers a task: a seeded grain answers <paramref name="call"/>'s own.</summary>
    public static Task<TResult> WhenSeededAsync<TGrain, TArguments, TResult>(
        TGrain grain, bool holds, Func<TGrain, Task> seed, TArguments arguments, Func<TGrain, TArguments, Task<TResult>> call) =>
        holds ? call(grain, arguments) : AfterSeedingAsync(grain, seed, arguments, call).Unwrap();

    private static async Task<TResult> AfterSeedingAsync<TGrain, TArguments, TResult>(
        TGrain grain, Func<TGrain, Task> seed, TArguments arguments, Func<TGrain, TArguments, TResult> call)
    {
        await seed(grain);
        return call(grain, arguments);
    }
}
