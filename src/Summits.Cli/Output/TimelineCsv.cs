using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>The timeline as CSV: one row an event, every field whole, numbers in full precision.</summary>
public static class TimelineCsv
{
    public const string Header = "seq,step,round,actor,event,topic,before,after,terms,cause,why";

    public static void WriteHeader(TextWriter output) => output.Write(Header + "\n");

    public static void Write(TextWriter output, TimelineEvent e)
    {
        string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        var terms = e.Terms is { IsDefaultOrEmpty: false } t
            ? string.Join(' ', t.Select(term => $"{term.Topic}={term.Value.ToString("R", CultureInfo.InvariantCulture)}"))
            : "";
        string[] fields =
        [
            e.Seq.ToString(CultureInfo.InvariantCulture), e.Step, e.Round?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor ?? "",
            KebabCase.Of(e.Kind), e.Topic ?? "", Number(e.Before), Number(e.After), terms, e.Cause, e.Why ?? "",
        ];
        output.Write(string.Join(',', fields.Select(Field)) + "\n");
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
