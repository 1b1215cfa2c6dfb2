namespace Summits.Model;

/// <summary>Where an agreement stands.</summary>
public enum AgreementStatus
{
    Holding,
    Strained,
    Breached,
    Superseded,
}
