namespace Summits.Model;

/// <summary>How much a topic matters to an actor, from 0 (not at all) to 1 (above everything).</summary>
[GenerateSerializer, Immutable, Alias("summits.salience")]
public readonly record struct Salience
{
    public Salience(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ArgumentOutOfRangeException(nameof(value), value, "a salience lies between 0 and 1");
        Value = value;
    }

    [Id(0)] public double Value { get; }

    public static implicit operator double(Salience salience) => salience.Value;

    public override string ToString() => Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
