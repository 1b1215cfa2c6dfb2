namespace Summits.Grains.Bench;

/// <summary>Makes its calls one after another from its own activation, awaiting each answer before the next call.</summary>
[GrainType("call-chain")]
public sealed class CallChainGrain : Grain, ICallChainGrain
{
    public async Task<int> Pings(IPingGrain target, int calls)
    {
        for (var i = 0; i < calls; i++)
            await target.Ping(i);
        return calls;
    }

    public async Task<int> Reads(ICountryGrain country, string topic, AdvanceAttempt attempt, int calls)
    {
        for (var i = 0; i < calls; i++)
            await country.PositionOn(topic, attempt);
        return calls;
    }
}
