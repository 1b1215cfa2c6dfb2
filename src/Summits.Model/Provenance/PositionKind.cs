namespace Summits.Model;

/// <summary>How the source supports a position.</summary>
[Alias("summits.position-kind")]
public enum PositionKind
{
    /// <summary>One leader said it: every quote stands on that leader's own line, never on a joint one (a joint line is quoted by an agreement or a position of both leaders).</summary>
    Stated = 0,
    /// <summary>Both leaders confirmed or agreed it: every quote stands on a joint line.</summary>
    Joint = 1,
    /// <summary>The source implies it; the position says from what.</summary>
    Inferred = 2,
    /// <summary>The source says the topic was not discussed; the value comes from outside context.</summary>
    NotDiscussed = 3,
    /// <summary>Taken from a stakeholder table; the position names the file and row.</summary>
    Imported = 4,
    /// <summary>Drawn by a seeded generator; nobody stated it.</summary>
    Synthetic = 5,
    /// <summary>Taken from outside the source text, from the reference the position names (another document, a public record).</summary>
    External = 6,
}
