namespace Summits.Scenarios;

/// <summary>An end of a topic's 0–100 scale, the way a fact of the record says a position moved.</summary>
public enum ScaleEnd
{
    Low = 0,
    High = 1,
}
