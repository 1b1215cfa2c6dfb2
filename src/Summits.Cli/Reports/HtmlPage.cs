using System.Text;

namespace Summits.Cli.Reports;

/// <summary>A self-contained report page: inline style, inline SVG charts, tables; no script and no outside resource.</summary>
public sealed class HtmlPage(string title)
{
    private readonly StringBuilder _body = new();

    public HtmlPage Heading(string text, int level = 2)
    {
        _body.Append($"<h{level}>{SvgChart.Escape(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _body.Append($"<p>{SvgChart.Escape(text)}</p>\n");
        return this;
    }

    public HtmlPage Figure(string svg, string caption)
    {
        _body.Append("<figure>").Append(svg).Append($"<figcaption>{SvgChart.Escape(caption)}</figcaption></figure>\n");
        return this;
    }

    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<table><thead><tr>");
        foreach (var h in header)
            _body.Append($"<th>{SvgChart.Escape(h)}</th>");
        _body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
                _body.Append($"<td>{SvgChart.Escape(cell)}</td>");
            _body.Append("</tr>");
        }
        _body.Append("</tbody></table>\n");
        return this;
    }

    public string Render() => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{SvgChart.Escape(title)}}</title>
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1240px; color: #1a1a1a; padding: 0 16px; }
        h1 { font-size: 1.6em; margin-bottom: 4px; } h2 { margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        figure { margin: 18px 0; } figcaption { color: #555; font-size: 0.9em; max-width: 1000px; }
        svg { max-width: 100%; height: auto; display: block; }
        svg .bg { fill: #fff; } svg .grid { stroke: #eee; } svg .axis { stroke: #444; }
        svg text { font-family: inherit; font-size: 12px; fill: #222; } svg .title { font-size: 15px; font-weight: 600; }
        svg .label { font-size: 12px; fill: #444; } svg .tick { font-size: 11px; fill: #555; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 0.9em; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
        th { background: #f4f4f4; } td { font-variant-numeric: tabular-nums; }
        </style>
        </head>
        <body>
        <h1>{{SvgChart.Escape(title)}}</h1>
        {{_body}}
        </body>
        </html>

        """;
}
