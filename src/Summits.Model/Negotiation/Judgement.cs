namespace Summits.Model;

/// <summary>The two utilities an acceptance decision compares.</summary>
public readonly record struct Judgement(double Utility, double Reservation)
{
    /// <summary>An actor accepts terms that leave it no worse off than its reservation.</summary>
    public bool Accepts => Utility >= Reservation - 1e-12;
}
