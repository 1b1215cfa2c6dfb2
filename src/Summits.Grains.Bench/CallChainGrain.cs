namespace Summits.Grains.Bench;

/// <summary>Makes its calls from its own activation, awaiting each call's answer (or each round's) before the next.</summary>
[GrainType("call-chain")]
public sealed class CallChainGrain : Grain, ICallChainGrain
{
    public async Task<int> Pings(IPingGrain target, int calls)
    {
        for (var i = 0; i < calls; i++)
            await target.Ping(i);
        return calls;
    }

    public async Task<int> Fans(IPingGrain[] targets, int rounds)
    {
        var answers = new Task<int>[targets.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < targets.Length; i++)
                answers[i] = targets[i].Ping(round);
            await Task.WhenAll(answers);
        }
        return rounds * targets.Length;
    }

    public async Task<int> Reads(ICountryGrain country, string topic, AdvanceAttempt attempt, int calls)
    {
        using var advance = new CancellationTokenSource();
        for (var i = 0; i < calls; i++)
            await country.PositionOn(topic, attempt, advance.Token);
        return calls;
    }

    public async Task<int> Copies(ICountryGrain country, AdvanceAttempt attempt, int calls)
    {
        using var advance = new CancellationTokenSource();
        for (var i = 0; i < calls; i++)
            await country.StateDuring(attempt, advance.Token);
        return calls;
    }
}
