using System.Globalization;
using System.Net;
using System.Text;

namespace Summits.Cli.Reports;

/// <summary>
/// One chart drawn as inline SVG: a title, a legend row, a plot area with linear axes (or rows of
/// categories), and marks placed in data coordinates. No script and no outside resource is needed
/// to show it.
/// </summary>
public sealed class SvgChart
{
    public static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F", "#000000"];

    private readonly StringBuilder _marks = new();
    private readonly StringBuilder _frame = new();
    private readonly List<(string Label, string Swatch)> _legend = [];
    private readonly string _id;
    private readonly string _title;
    private readonly int _width;
    private readonly int _height;
    private (double Min, double Max) _x = (0, 1);
    private (double Min, double Max) _y = (0, 1);

    public SvgChart(string id, string title, int width, int height, int left = 70, int right = 30, int top = 64, int bottom = 56)
    {
        _id = id;
        _title = title;
        _width = width;
        _height = height;
        Left = left;
        Right = width - right;
        Top = top;
        Bottom = height - bottom;
    }

    public int Left { get; }
    public int Right { get; }
    public int Top { get; }
    public int Bottom { get; }

    public void Domain(double xMin, double xMax, double yMin, double yMax)
    {
        _x = (xMin, xMax > xMin ? xMax : xMin + 1);
        _y = (yMin, yMax > yMin ? yMax : yMin + 1);
    }

    public double X(double value) => Left + (value - _x.Min) / (_x.Max - _x.Min) * (Right - Left);

    public double Y(double value) => Bottom - (value - _y.Min) / (_y.Max - _y.Min) * (Bottom - Top);

    /// <summary>The vertical middle of row <paramref name="index"/> of <paramref name="rows"/> category rows.</summary>
    public double Row(int index, int rows) => Top + (index + 0.5) * (Bottom - Top) / Math.Max(1, rows);

    public double RowHeight(int rows) => (double)(Bottom - Top) / Math.Max(1, rows);

    public void XAxis(string label, Func<double, string>? format = null)
    {
        format ??= Number;
        foreach (var tick in Ticks(_x.Min, _x.Max))
        {
            var x = X(tick);
            _frame.Append(Fmt($"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Bottom}\" class=\"grid\"/>"));
            _frame.Append(Fmt($"<text x=\"{x:0.#}\" y=\"{Bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{Escape(format(tick))}</text>"));
        }
        _frame.Append(Fmt($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Right}\" y2=\"{Bottom}\" class=\"axis\"/>"));
        _frame.Append(Fmt($"<text x=\"{(Left + Right) / 2.0:0.#}\" y=\"{Bottom + 38}\" text-anchor=\"middle\" class=\"label\">{Escape(label)}</text>"));
    }

    public void YAxis(string label, Func<double, string>? format = null)
    {
        format ??= Number;
        foreach (var tick in Ticks(_y.Min, _y.Max))
        {
            var y = Y(tick);
            _frame.Append(Fmt($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Right}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            _frame.Append(Fmt($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{Escape(format(tick))}</text>"));
        }
        AxisLine(label);
    }

    /// <summary>A vertical axis of named rows instead of numbers.</summary>
    public void YCategories(string label, IReadOnlyList<string> rows)
    {
        for (var i = 0; i < rows.Count; i++)
            _frame.Append(Fmt($"<text x=\"{Left - 8}\" y=\"{Row(i, rows.Count) + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{Escape(rows[i])}</text>"));
        AxisLine(label);
    }

    private void AxisLine(string label)
    {
        _frame.Append(Fmt($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\" class=\"axis\"/>"));
        var y = (Top + Bottom) / 2.0;
        _frame.Append(Fmt($"<text x=\"14\" y=\"{y:0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {y:0.#})\" class=\"label\">{Escape(label)}</text>"));
    }

    public void LegendLine(string label, string color, bool dashed = false) =>
        _legend.Add((label, $"<line x1=\"0\" y1=\"0\" x2=\"18\" y2=\"0\" stroke=\"{color}\" stroke-width=\"2.5\"{(dashed ? " stroke-dasharray=\"5 3\"" : "")}/>"));

    public void LegendBox(string label, string color, double opacity = 1) =>
        _legend.Add((label, Fmt($"<rect x=\"2\" y=\"-6\" width=\"14\" height=\"12\" fill=\"{color}\" fill-opacity=\"{opacity:0.##}\"/>")));

    public void LegendMark(string label, string mark) => _legend.Add((label, mark));

    public void Add(string element) => _marks.Append(element);

    public void Polyline(IEnumerable<(double X, double Y)> points, string color, double width = 2, bool dashed = false, string? title = null)
    {
        var path = string.Join(' ', points.Select(p => Fmt($"{X(p.X):0.##},{Y(p.Y):0.##}")));
        _marks.Append($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{Number(width)}\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}>");
        if (title is not null)
            _marks.Append($"<title>{Escape(title)}</title>");
        _marks.Append("</polyline>");
    }

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append(Fmt($"<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{Escape(_id)}\" role=\"img\" aria-label=\"{Escape(_title)}\" viewBox=\"0 0 {_width} {_height}\" width=\"{_width}\" height=\"{_height}\">"));
        svg.Append($"<title>{Escape(_title)}</title>");
        svg.Append(Fmt($"<rect x=\"0\" y=\"0\" width=\"{_width}\" height=\"{_height}\" class=\"bg\"/>"));
        svg.Append(Fmt($"<text x=\"{_width / 2.0:0.#}\" y=\"22\" text-anchor=\"middle\" class=\"title\">{Escape(_title)}</text>"));
        double lx = Left, ly = 44;
        foreach (var (label, swatch) in _legend)
        {
            var width = 40 + label.Length * 7.2;
            if (lx + width > _width - 10 && lx > Left)
            {
                lx = Left;
                ly += 16;
            }
            svg.Append(Fmt($"<g class=\"legend\" transform=\"translate({lx:0.#} {ly:0.#})\">{swatch}<text x=\"24\" y=\"4\">{Escape(label)}</text></g>"));
            lx += width;
        }
        svg.Append(_frame).Append("<g class=\"marks\">").Append(_marks).Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>Round steps (1, 2 or 5 times a power of ten) giving about six ticks.</summary>
    public static IEnumerable<double> Ticks(double min, double max)
    {
        var span = max - min;
        if (span <= 0)
            return [min];
        var raw = span / 6;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var first = Math.Ceiling(min / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var t = first; t <= max + step * 1e-9; t += step)
            ticks.Add(Math.Round(t / step) * step);
        return ticks;
    }

    public static string Number(double value) => (Math.Abs(value) < 1e-9 ? 0 : value).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Color(int index) => Palette[index % Palette.Length];
}
