namespace Summits.Model;

/// <summary>The utilities an acceptance decision compares, summed over the topics of the terms the actor holds.</summary>
/// <param name="Utility">U(terms): what the proposed terms are worth to the actor.</param>
/// <param name="Walk">U(BATNA): what it holds without them, the worth of its best alternative to a negotiated agreement: on each topic the better of the utility of its reservation value and of an agreement it is held to.</param>
/// <param name="Next">U(own offer): what the offer it would make itself at this time is worth to it.</param>
public readonly record struct Judgement(double Utility, double Walk, double Next)
{
    private const double Tolerance = 1e-12;

    /// <summary>At least as good as no deal: the terms are worth at least the BATNA's worth, <see cref="Walk"/>.</summary>
    public bool BeatsWalkAway => AtLeast(Walk);

    /// <summary>Whether the terms are worth at least <paramref name="other"/> to the actor, round-off (10⁻¹²) forgiven.</summary>
    public bool AtLeast(double other) => Utility >= other - Tolerance;

    /// <summary>
    /// Whether the actor accepts at time τ under the condition (Baarslag, Hindriks and Jonker 2014); never below
    /// no deal. At the deadline (τ = 1: the last round, or a proposal without a deadline) there is no next offer
    /// to wait for, so every condition accepts what beats no deal.
    /// </summary>
    public bool Accepts(AcceptanceCondition condition, double time, ModelParameters parameters) =>
        BeatsWalkAway && condition switch
        {
            _ when time >= 1 => true,
            AcceptanceCondition.Constant => true,
            AcceptanceCondition.Time => time >= parameters.AcceptanceTime || AtLeast(Next),
            _ => AtLeast(Next),
        };
}
