using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A bargain one actor offers the actor it would most profit from challenging: the positions both
/// would take (0–100 per dimension), interpolated from the initiator's view of its chance to win.
/// </summary>
/// <param name="Initiator">Row index of the challenger.</param>
/// <param name="Receiver">Row index of the challenged actor.</param>
/// <param name="Probability">The initiator's estimate of the probability it wins the challenge, 0..1.</param>
/// <param name="ExpectedGain">The initiator's expected gain in utility over the status quo, above 0.</param>
[GenerateSerializer, Immutable, Alias("summits.smp-bargain")]
public sealed record SmpBargain(
    [Id(0)] [property: Id(0)] int Initiator,
    [Id(1)] [property: Id(1)] int Receiver,
    [Id(2)] [property: Id(2)] double Probability,
    [Id(3)] [property: Id(3)] double ExpectedGain,
    [Id(4)] [property: Id(4)] ImmutableArray<double> InitiatorPosition,
    [Id(5)] [property: Id(5)] ImmutableArray<double> ReceiverPosition);
