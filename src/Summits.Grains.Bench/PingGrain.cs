namespace Summits.Grains.Bench;

/// <summary>Answers a ping with its argument: no state, no work, only the cost of the call itself.</summary>
[GrainType("ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
