namespace Summits.Model;

/// <summary>Where an agreement stands; one status for the agreement across all the topics of its terms.</summary>
[Alias("summits.agreement-status")]
public enum AgreementStatus
{
    /// <summary>Every party is inside its window around the agreed values.</summary>
    Holding = 0,
    /// <summary>A party is outside its window, or has left for a newer agreement that binds it instead.</summary>
    Strained = 1,
    /// <summary>A party is further than <see cref="ModelParameters.BreachFactor"/> windows from an agreed value.</summary>
    Breached = 2,
    /// <summary>Newer agreements bind all its parties on every topic of its terms.</summary>
    Superseded = 3,
    /// <summary>A newer agreement binds all its parties on some of its topics; it still binds on the others.</summary>
    PartlySuperseded = 4,
}
