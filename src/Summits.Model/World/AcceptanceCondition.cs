namespace Summits.Model;

/// <summary>
/// When an actor accepts terms (the acceptance conditions of Baarslag, Hindriks and Jonker, 2014). None of
/// them accepts terms worth less to the actor than its BATNA: the utility of its reservation value, or of an agreement it holds.
/// </summary>
[Alias("summits.acceptance-condition")]
public enum AcceptanceCondition
{
    /// <summary>AC_next: accepts terms at least as good as the offer it would make itself at this time.</summary>
    Next = 0,
    /// <summary>AC_time: as <see cref="Next"/>, and from time <see cref="ModelParameters.AcceptanceTime"/> on anything at least as good as no deal.</summary>
    Time = 1,
    /// <summary>AC_const with the constant at the BATNA's worth: anything at least as good as no deal, from the first round.</summary>
    Constant = 2,
}
