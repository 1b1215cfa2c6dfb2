namespace Summits.Scenarios;

/// <summary>Where a fact of the record comes from: who published it, under what title, when (where the source bears a date), and its address.</summary>
public sealed record Citation(string Publisher, string Title, DateOnly? Date, Uri Url)
{
    /// <summary>The citation on one line: publisher, "title", date, URL.</summary>
    public override string ToString() => $"{Credit}, {Url}";

    /// <summary>The citation without its address: publisher, "title" and, where the source bears one, its date.</summary>
    public string Credit => $"{Publisher}, \"{Title}\"{(Date is { } date ? ", " + RecordFact.Day(date) : "")}";
}
