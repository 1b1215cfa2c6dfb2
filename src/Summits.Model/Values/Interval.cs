namespace Summits.Model;

/// <summary>A closed interval [Low, High] that expresses how uncertain a seeded number is.</summary>
[GenerateSerializer, Immutable, Alias("summits.interval")]
public readonly record struct Interval
{
    public Interval(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
            throw new ArgumentException($"an interval needs low <= high, not [{low}, {high}]");
        Low = low;
        High = high;
    }

    [Id(0)] public double Low { get; }
    [Id(1)] public double High { get; }

    public double Width => High - Low;

    public bool Contains(double value) => value >= Low && value <= High;

    public static Interval Point(double value) => new(value, value);

    public override string ToString() =>
        $"[{Figures.Text(Low)}, {Figures.Text(High)}]";
}
