namespace Summits.Reports.Charts;

/// <summary>Series colours told apart by readers with the common colour-vision deficiencies (Okabe and Ito, 2008).</summary>
public static class Palette
{
    public static readonly string[] Colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F", "#000000"];

    /// <summary>The colour of series <paramref name="index"/>, repeating after eight.</summary>
    public static string Color(int index) => Colors[index % Colors.Length];
}
