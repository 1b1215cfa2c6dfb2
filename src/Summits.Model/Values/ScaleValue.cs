namespace Summits.Model;

/// <summary>A point on a topic's 0–100 scale.</summary>
[GenerateSerializer, Immutable, Alias("summits.scale-value")]
public readonly record struct ScaleValue
{
    public const double Min = 0;
    public const double Max = 100;

    public ScaleValue(double value)
    {
        if (double.IsNaN(value) || value < Min || value > Max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"a scale value lies between {Min} and {Max}");
        Value = value;
    }

    [Id(0)] public double Value { get; }

    public static implicit operator double(ScaleValue value) => value.Value;

    public override string ToString() => Figures.Text(Value);
}
