using System.Net;
using System.Text;
using System.Text.Json;
using Summits.Reports.Charts;

namespace Summits.Reports.Pages;

/// <summary>
/// A self-contained report page: inline style, tables, and charts drawn by the inlined Apache ECharts.
/// The page loads nothing from outside, so it opens offline from a single file.
/// </summary>
public sealed class HtmlPage(string title)
{
    private readonly StringBuilder _body = new();
    private bool _hasCharts;

    public HtmlPage Heading(string text, int level = 2)
    {
        _body.Append($"<h{level}>{Escape(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A chart with its caption; the chart's option travels as JSON beside the box it is drawn in.</summary>
    public HtmlPage Chart(ChartFigure chart, string caption)
    {
        _hasCharts = true;
        var option = JsonSerializer.Serialize(chart.Option);
        _body.Append($"<figure data-chart=\"{Escape(chart.Id)}\"><div class=\"chart\" style=\"height:{chart.Height}px\"></div>")
            .Append("<script type=\"application/json\">").Append(option).Append("</script>")
            .Append($"<figcaption>{Escape(caption)}</figcaption></figure>\n");
        return this;
    }

    /// <summary>
    /// A table in a box of the page's width that scrolls sideways when the table is wider (a phone held upright),
    /// so the page itself never does; every cell is kept whole.
    /// </summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<div class=\"table-box\"><table><thead><tr>");
        foreach (var h in header)
            _body.Append($"<th>{Escape(h)}</th>");
        _body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
                _body.Append($"<td>{Escape(cell)}</td>");
            _body.Append("</tr>");
        }
        _body.Append("</tbody></table></div>\n");
        return this;
    }

    public string Render()
    {
        var scripts = _hasCharts ? $"<script>{ChartLibrary.EChartsScript}</script>\n<script>{ChartLibrary.ChartsScript}</script>\n" : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Escape(title)}}</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1240px; color: #1a1a1a; padding: 0 16px; }
            h1 { font-size: 1.6em; margin-bottom: 4px; } h2 { margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            figure { margin: 18px 0; } figcaption { color: #555; font-size: 0.9em; max-width: 1000px; }
            .chart { width: 100%; }
            h1, h2, p, figcaption { overflow-wrap: anywhere; }
            .table-box { max-width: 100%; overflow-x: auto; margin: 12px 0; } .table-box table { margin: 0; }
            .note { color: #555; } .warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: 6px 10px; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 0.9em; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
            th { background: #f4f4f4; } td { font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            <h1>{{Escape(title)}}</h1>
            {{_body}}{{scripts}}</body>
            </html>

            """;
    }

    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
