namespace Summits.Scenarios;

/// <summary>Where a run's countries and topics live.</summary>
public enum Engine
{
    /// <summary>Orleans grains, with the run driven server-side by the world grain.</summary>
    Grains,
    /// <summary>Plain objects in this process: the pure model, no Orleans.</summary>
    Local,
}
