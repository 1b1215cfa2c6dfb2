namespace Summits.Model;

/// <summary>
/// The bidding tactics: the offer an actor makes on one topic, from its position x toward its reservation
/// value r. Time-dependent tactics follow Faratin, Sierra and Jennings (1998): x(τ) = x + f(τ)·(r − x) with
/// f(τ) = κ + (1 − κ)·τ^(1/e). The imitative ones (tit-for-tat) mirror what the other side actually conceded.
/// </summary>
public static class Tactics
{
    /// <summary>
    /// f(τ) of a time-dependent tactic at time τ (clamped to 0..1): the share of the way from position to
    /// reservation value conceded. The hard-liner's is 0 throughout. The trade-off tactic concedes in
    /// utility at the linear rate. Tit-for-tat has no f; asking for it throws <see cref="ArgumentException"/>.
    /// </summary>
    public static double Share(Strategy strategy, double time, ModelParameters parameters)
    {
        var t = Math.Clamp(time, 0, 1);
        var kappa = parameters.InitialConcession;
        return strategy switch
        {
            Strategy.Hardliner => 0,
            Strategy.Boulware => kappa + (1 - kappa) * Math.Pow(t, 1 / parameters.BoulwareExponent),
            Strategy.Linear or Strategy.TradeOff => kappa + (1 - kappa) * t,
            Strategy.Conceder => kappa + (1 - kappa) * Math.Pow(t, 1 / parameters.ConcederExponent),
            _ => throw new ArgumentException($"{strategy} is not a time-dependent tactic", nameof(strategy)),
        };
    }

    /// <summary>
    /// The reservation value of an actor at <paramref name="position"/>: the one it states, or by default the
    /// edge of its window on the side of <paramref name="toward"/> (the other party), clipped to the 0–100 scale,
    /// since no value past the scale can be offered: an actor at 90 with a window of 27.5 facing a party above it
    /// has its reservation at 100, not 117.5. When the other party sits at the actor's own position, the default
    /// lies on the side with more room. This is the one reservation value of the model: acceptance, the tactics'
    /// concession targets and the bargaining analysis's disagreement point all take it (see <see cref="Utility.NoDeal"/>).
    /// </summary>
    public static double Reservation(double position, double salience, double? stated, double toward, ModelParameters parameters)
    {
        if (stated is { } r)
            return r;
        var direction = toward > position ? 1 : toward < position ? -1 : position <= 50 ? 1 : -1;
        return Math.Clamp(position + direction * parameters.Window(salience), ScaleValue.Min, ScaleValue.Max);
    }

    /// <summary>
    /// The other side as one value, as an actor bargaining on a topic sees it: the other holders' positions
    /// (0–100) weighted by capability times salience, their plain mean when every weight is 0, and null when
    /// there is no other holder.
    /// </summary>
    public static double? OtherSide(IEnumerable<(double Position, double Weight)> others)
    {
        double weight = 0, weighted = 0, sum = 0;
        var count = 0;
        foreach (var (position, w) in others)
        {
            weight += w;
            weighted += w * position;
            sum += position;
            count++;
        }
        return count == 0 ? null : weight > 0 ? weighted / weight : sum / count;
    }

    /// <summary>
    /// The reservation value <paramref name="reservation"/> of an actor at <paramref name="position"/>, held
    /// no further from the position than <paramref name="agreed"/>, an agreement the actor is held to (null for
    /// none): an actor does not concede more than it already has secured.
    /// </summary>
    public static double Bounded(double position, double reservation, double? agreed) =>
        agreed is { } a
            ? Math.Clamp(reservation, position - Math.Abs(a - position), position + Math.Abs(a - position))
            : reservation;

    /// <summary>
    /// An offer from <paramref name="position"/> held back at <paramref name="limit"/> (the other side's
    /// position, or terms already on the table) when it would reach or pass it: an actor does not offer the
    /// other side more than it asks for. When the other side asks for the actor's own position, that is the offer.
    /// </summary>
    public static double NotPast(double position, double offer, double limit) =>
        (offer - limit) * (limit - position) >= 0 ? limit : offer;

    /// <summary>
    /// The value an actor offers on one topic at time τ, from its position x toward its reservation value r;
    /// never beyond r. <paramref name="exchange"/> is what tit-for-tat mirrors; the others ignore it.
    /// </summary>
    public static double Offer(Strategy strategy, double position, double reservation, double time, Exchange exchange, ModelParameters parameters) =>
        strategy switch
        {
            Strategy.RelativeTitForTat => Mirror(position, reservation, exchange, relative: true, parameters),
            Strategy.AbsoluteTitForTat => Mirror(position, reservation, exchange, relative: false, parameters),
            _ => position + Share(strategy, time, parameters) * (reservation - position),
        };

    /// <summary>
    /// Tit-for-tat (Faratin, Sierra and Jennings 1998, imitative tactics). Starting from its own last offer
    /// (its position if it has made none), the actor concedes toward r what the other side has conceded since
    /// the offer of its that the actor last answered (<see cref="Exchange.OpponentBefore"/>): the same number of
    /// points (absolute) or the same share of the gap that was between them (relative), never beyond r. A move
    /// away from the actor is no concession and is answered with none. An actor that has made no offer yet and
    /// has no concession to answer (the other side has not offered, or offered its own position) opens with
    /// <see cref="ModelParameters.OpeningConcession"/> of the way to r, so that two tit-for-tat actors do move
    /// and a tit-for-tat actor facing a hard-liner still makes its one opening step.
    /// </summary>
    public static double Mirror(double position, double reservation, Exchange exchange, bool relative, ModelParameters parameters)
    {
        var own = exchange.OwnLast ?? position;
        var toward = Math.Sign(reservation - own);
        var opening = own + parameters.OpeningConcession * (reservation - own);
        if (exchange is not { OpponentBefore: { } before, OpponentLast: { } last })
            return exchange.OwnLast is null ? opening : own;
        var gap = Math.Abs(own - before);
        var conceded = (last - before) * Math.Sign(own - before);
        // An opponent that stood still, moved away, or had already met the actor's offer (no gap) conceded nothing.
        if (conceded <= 0)
            return exchange.OwnLast is null ? opening : own;
        var step = relative ? conceded / gap * Math.Abs(own - last) : conceded;
        return own + toward * Math.Min(step, Math.Abs(reservation - own));
    }
}
