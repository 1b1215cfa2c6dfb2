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
[GenerateSerializer, Immutable]
public sealed record SmpBargain(
    [property: Id(0)] int Initiator,
    [property: Id(1)] int Receiver,
    [property: Id(2)] double Probability,
    [property: Id(3)] double ExpectedGain,
    [property: Id(4)] ImmutableArray<double> InitiatorPosition,
    [property: Id(5)] ImmutableArray<double> ReceiverPosition);
