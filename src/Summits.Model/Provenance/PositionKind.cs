namespace Summits.Model;

/// <summary>How the source supports a position.</summary>
public enum PositionKind
{
    /// <summary>One leader said it.</summary>
    Stated,
    /// <summary>Both leaders confirmed or agreed it.</summary>
    Joint,
    /// <summary>The source implies it; the position says from what.</summary>
    Inferred,
    /// <summary>The source says the topic was not discussed; the value comes from outside context.</summary>
    NotDiscussed,
    /// <summary>Taken from a stakeholder table; the position names the file and row.</summary>
    Imported,
    /// <summary>Drawn by a seeded generator; nobody stated it.</summary>
    Synthetic,
}
