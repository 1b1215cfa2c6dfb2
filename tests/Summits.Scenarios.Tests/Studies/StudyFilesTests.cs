using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// A study's CSV files write a tiny number as they write every other: in plain decimals, without an exponent; the p and q
/// of sensitivity.csv alone keep one.
/// </summary>
public sealed class StudyFilesTests
{
    // One run of a world with one input, one topic and one position, its figures set by hand to values "R" would
    // write with an exponent: ρ 0.000012 (1.2E-05), p 0.0000004 (4E-07), q 0.0000123 (1.23E-05), the input drawn at
    // 0.0000123 and the final position at 0.00005 (5E-05).
    private static readonly StudyResult Study = new("0.1.0", "tiny", "", "tiny", 5, Engine.Local, 1, 1, false,
        [new InputSummary("salience B t", 0, 1, null)],
        [new AgreementOdds("t", Proportion.Of(0, 1), Proportion.Of(0, 1))],
        null,
        [new Distribution("A", "t", 50, 1, 0.00005, 0, 0.00005, 0.00005, 0.00005, 0.00005, 0.00005, [], 1)],
        [new Sensitivity("salience B t", "position A t", -0.000012, 0.0000004, 0.0000123, true)])
    {
        Samples = [new SampleSummary(0, 7, [0.0000123], [false], [false], [0.00005], [true], 0, [])],
    };

    [Fact]
    public void Sensitivity_csv_writes_a_tiny_rho_in_plain_decimals_and_its_p_and_q_as_round_trip_numbers()
    {
        // rank 1; ρ -1.2E-05 → -0.000012; p and q as "R" writes them, an exponent and all, since a p of a strong ρ
        // (5.15E-181) would run to 200 characters written out: 4E-07, 1.23E-05; significant → yes.
        Assert.Equal("rank,input,outcome,rho,p,q,significant\n1,salience B t,position A t,-0.000012,4E-07,1.23E-05,yes\n",
            StudyFiles.SensitivityCsv(Study));
    }

    [Fact]
    public void Positions_csv_writes_a_tiny_final_position_in_plain_decimals()
    {
        // start 50, 1 run, mean 5E-05 → 0.00005, sd 0, then p5, p50, p95, min and max all 0.00005.
        Assert.Equal("actor,topic,start,runs,mean,sd,p5,p50,p95,min,max\nA,t,50,1,0.00005,0,0.00005,0.00005,0.00005,0.00005,0.00005\n",
            StudyFiles.PositionsCsv(Study));
    }

    [Fact]
    public void Samples_csv_writes_a_tiny_draw_and_final_position_in_plain_decimals()
    {
        // run 1, seed 7, the input 1.23E-05 → 0.0000123, no agreement in force or made on t, the final position
        // 5E-05 → 0.00005; no expectations.
        using var text = new StringWriter();
        StudyFiles.WriteSamples(Study, text);
        Assert.Equal("run,seed,salience B t,agreement t,agreement made t,final position A t\n1,7,0.0000123,false,false,0.00005\n", text.ToString());
    }
}
