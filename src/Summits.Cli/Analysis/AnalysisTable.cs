using System.Globalization;
using Summits.Model;

namespace Summits.Cli.Analysis;

/// <summary>The columns of a tally table, shared by the terminal report and the CSV files so both say the same.</summary>
public static class AnalysisTable
{
    public static readonly string[] Headers =
    [
        "proposals made", "proposals received", "acceptance", "moves", "mean move", "largest move",
        "agreements", "strains", "breaches", "mean ms/proposal", "p95 ms/proposal",
    ];

    /// <summary>The row's cells after the key; <paramref name="percent"/> writes acceptance as "75%" rather than 0.75.</summary>
    public static string[] Cells(Tally tally, bool percent) =>
    [
        Whole(tally.ProposalsMade),
        Whole(tally.ProposalsReceived),
        tally.AcceptanceRate is { } rate ? percent ? (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : Decimal(rate, "0.####") : "",
        Whole(tally.Moves),
        tally.MeanMove is { } mean ? Figures.Text(mean) : "",
        tally.LargestMove is { } largest ? Figures.Text(largest) : "",
        Whole(tally.Agreements),
        Whole(tally.Strains),
        Whole(tally.Breaches),
        Decimal(tally.MeanProposalMs, "0.###"),
        Decimal(tally.P95ProposalMs, "0.###"),
    ];

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
