namespace Summits.Model;

/// <summary>Which model runs a world's autonomous steps.</summary>
[Alias("summits.forecast-model")]
public enum ForecastModel
{
    /// <summary>The bargaining model: what can these parties agree?</summary>
    Bargaining = 0,

    /// <summary>KTAB's spatial model of politics: where will this group's positions converge?</summary>
    Smp = 1,
}
