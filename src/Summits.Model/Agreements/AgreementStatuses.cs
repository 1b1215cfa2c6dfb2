namespace Summits.Model;

/// <summary>What each <see cref="AgreementStatus"/> means for the parties.</summary>
public static class AgreementStatuses
{
    /// <summary>Whether an agreement with this status still binds its parties (on the topics no newer agreement took over).</summary>
    public static bool IsLive(this AgreementStatus status) =>
        status is AgreementStatus.Holding or AgreementStatus.Strained or AgreementStatus.PartlySuperseded;

    /// <summary>
    /// Whether a change of status may happen: breached and superseded are final; a strained agreement can
    /// recover to holding; a partly superseded one can only be superseded on its remaining topics or breached.
    /// </summary>
    public static bool CanBecome(this AgreementStatus from, AgreementStatus to) => from != to && from switch
    {
        AgreementStatus.Holding or AgreementStatus.Strained => true,
        AgreementStatus.PartlySuperseded => to is AgreementStatus.Superseded or AgreementStatus.Breached,
        _ => false,
    };

    /// <summary>
    /// Whether a change may be applied: a change of status that <see cref="CanBecome"/> allows, or news of a
    /// partly superseded agreement that stays so (parties leaving it on a topic where it still binds).
    /// </summary>
    public static bool Admits(this AgreementStatus from, AgreementStatus to) =>
        from.CanBecome(to) || from == AgreementStatus.PartlySuperseded && to == AgreementStatus.PartlySuperseded;
}
