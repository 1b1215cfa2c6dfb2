using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summits.Reports.Tests;

/// <summary>What one chart shows once chromium has drawn it: read from the ECharts instance and from the text of its SVG.</summary>
public sealed record RenderedChart(
    string Id,
    string Title,
    string? Subtitle,
    string[] Legend,
    RenderedChart.Series[] Drawn,
    string XName,
    string YName,
    string[]? XCategories,
    string[]? YCategories,
    RenderedChart.Text[] Texts,
    RenderedChart.Box Grid,
    RenderedChart.Icon[] Icons)
{
    /// <summary>
    /// How a legend entry's icon is drawn: the SVG paths chromium painted left of the entry's text, within 40 pixels of
    /// it and level with it (the legend's invisible hit areas, filled with nothing and stroked with nothing, left out).
    /// </summary>
    public sealed record Icon(string Name, IconPart[] Parts)
    {
        /// <summary>A round dot: ECharts draws a circle as a path of arcs ('A').</summary>
        public bool HasDot => Parts.Any(p => p.D.Contains('A', StringComparison.Ordinal));

        /// <summary>The filled shapes of the icon, each a closed subpath ('M' … 'Z') of a filled path.</summary>
        public int FilledShapes => Parts.Where(p => p.Fill is not null and not "none").Sum(p => p.D.Count(c => c == 'M'));

        /// <summary>The height of the whole icon, in pixels.</summary>
        public double Height => Parts.Length == 0 ? 0 : Parts.Max(p => p.Y + p.H) - Parts.Min(p => p.Y);

        /// <summary>The width of the whole icon, in pixels.</summary>
        public double Width => Parts.Length == 0 ? 0 : Parts.Max(p => p.X + p.W) - Parts.Min(p => p.X);
    }

    /// <summary>One SVG path of a legend icon: its path data, fill, fill opacity, stroke, dash pattern and box in the page.</summary>
    public sealed record IconPart(string D, string? Fill, string? FillOpacity, string? Stroke, string? Dash, double X, double Y, double W, double H);

    /// <param name="Inside">For a scatter series, whether every point it draws lies at least 4 pixels inside the plot area, off its axes and edges; true for any other.</param>
    /// <param name="Visible">
    /// For a scatter series, how many of its points can be seen: the topmost element chromium finds at the point's
    /// pixel, or a third of the way from it to the mark's edge, is painted in the series' colour (a point under a
    /// larger mark of another series is not seen); for any other, its data count.
    /// </param>
    /// <param name="Dots">For a line series, whether it draws a dot at its points (its symbol is not 'none' and showSymbol is not false).</param>
    /// <param name="Dashed">For a line series, whether its line is dashed or dotted.</param>
    /// <param name="AreaOnly">The series draws a shaded mark area and no data.</param>
    /// <param name="Render">For a custom series, the name of the charts.js function that draws it ("whisker", "span", "bin").</param>
    public sealed record Series(string Name, string Type, int Data, bool Marked, bool Inside, int Visible,
        bool Dots = true, bool Dashed = false, bool AreaOnly = false, string? Render = null);

    public sealed record Text(string Content, double X, double Y, double W, double H)
    {
        public bool Overlaps(Text other) =>
            X < other.X + other.W - 1 && other.X < X + W - 1 && Y < other.Y + other.H - 1 && other.Y < Y + H - 1;
    }

    public sealed record Box(double X, double Y, double W, double H);

    /// <summary>The series that put something on the chart: data, a mark area or a mark line.</summary>
    public IEnumerable<string> DrawnNames => Drawn.Where(s => s.Data > 0 || s.Marked).Select(s => s.Name).Distinct();

    /// <summary>Pairs of visible texts whose boxes overlap by more than a pixel.</summary>
    public IEnumerable<(Text, Text)> Overlapping() =>
        Texts.SelectMany((a, i) => Texts.Skip(i + 1).Where(a.Overlaps).Select(b => (a, b)));

    /// <summary>
    /// The numbers drawn as tick labels of the x axis (under the plot, within its width) or of the y axis
    /// (left of the plot, within its height), in order; a label such as "40%" reads as 40. Empty for a
    /// category axis, whose labels are not numbers.
    /// </summary>
    public double[] Ticks(bool x) =>
        [.. Texts.Where(t => x
                ? t.Y >= Grid.Y + Grid.H && t.X + t.W / 2 >= Grid.X - 1 && t.X + t.W / 2 <= Grid.X + Grid.W + 1
                : t.X + t.W <= Grid.X && t.Y + t.H / 2 >= Grid.Y - 1 && t.Y + t.H / 2 <= Grid.Y + Grid.H + 1)
            .Select(t => double.TryParse(t.Content.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
            .OfType<double>().Order()];

    /// <summary>Reads every chart of the page.</summary>
    public const string Script = """
        (() => JSON.stringify([...document.querySelectorAll('figure[data-chart]')].map(figure => {
          const id = figure.getAttribute('data-chart');
          const chart = window.summitsCharts[id];
          // In view, so that the topmost element at a point's pixel can be asked for (elementFromPoint sees the viewport only).
          figure.scrollIntoView({ block: 'center' });
          const rgb = c => { const d = document.createElement('div'); d.style.color = c; document.body.appendChild(d); const v = getComputedStyle(d).color; d.remove(); return v; };
          const option = chart.getOption();
          const svg = figure.querySelector('svg');
          const texts = [...svg.querySelectorAll('text')]
            .filter(t => t.textContent.trim() !== '')
            .map(t => ({ t, r: t.getBoundingClientRect(), style: getComputedStyle(t) }))
            .filter(x => x.r.width > 0 && x.r.height > 0 && x.style.visibility !== 'hidden' && x.style.display !== 'none' && Number(x.style.opacity) !== 0 && !x.t.closest('[opacity="0"]'))
            .map(x => ({ content: x.t.textContent, x: x.r.x, y: x.r.y, w: x.r.width, h: x.r.height }));
          const grid = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
          const origin = svg.getBoundingClientRect();
          return {
            id,
            title: option.title[0].text,
            subtitle: option.title[0].subtext || null,
            legend: (option.legend[0].show === false ? [] : option.legend[0].data || []).map(d => typeof d === 'string' ? d : d.name),
            drawn: option.series.map(s => ({
              name: s.name, type: s.type, data: (s.data || []).filter(d => d !== null && d !== undefined).length,
              marked: !!((s.markArea && s.markArea.data && s.markArea.data.length) || (s.markLine && s.markLine.data && s.markLine.data.length)),
              inside: s.type !== 'scatter' || (s.data || []).filter(d => d !== null && d !== undefined).every(d => {
                const [px, py] = chart.convertToPixel({ gridIndex: 0 }, d.value !== undefined ? d.value : d);
                const g = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
                return px >= g.x + 4 && px <= g.x + g.width - 4 && py >= g.y + 4 && py <= g.y + g.height - 4;
              }),
              visible: s.type !== 'scatter' ? (s.data || []).filter(d => d !== null && d !== undefined).length
                : (s.data || []).filter(d => d !== null && d !== undefined).filter(d => {
                    const [px, py] = chart.convertToPixel({ gridIndex: 0 }, d.value !== undefined ? d.value : d);
                    const box = svg.getBoundingClientRect();
                    // The centre and four points a third of the way to the mark's edge: a mark with a smaller one on
                    // top of it still shows around it.
                    const r = Math.max(1, (typeof s.symbolSize === 'number' ? s.symbolSize : 10) / 3);
                    const colour = s.color ? (s.rgb = s.rgb || rgb(s.color)) : null;
                    return [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r]].some(([dx, dy]) => {
                      const top = document.elementFromPoint(box.x + px + dx, box.y + py + dy);
                      return !!top && !!colour && getComputedStyle(top).fill === colour;
                    });
                  }).length,
              dots: s.type !== 'line' || (s.symbol !== 'none' && s.showSymbol !== false),
              dashed: s.type === 'line' && !!s.lineStyle && (s.lineStyle.type === 'dashed' || s.lineStyle.type === 'dotted'),
              areaOnly: (s.data || []).filter(d => d !== null && d !== undefined).length === 0 && !!(s.markArea && s.markArea.data && s.markArea.data.length),
              render: typeof s.renderItem === 'function' ? s.renderItem.name : null
            })),
            // Each legend entry's icon as painted: the paths left of its text and level with it.
            icons: (option.legend[0].show === false ? [] : option.legend[0].data || []).map(d => {
              const name = typeof d === 'string' ? d : d.name;
              const text = [...svg.querySelectorAll('text')].find(t => t.textContent === name);
              if (!text) return { name, parts: [] };
              const r = text.getBoundingClientRect();
              const parts = [...svg.querySelectorAll('path')].map(p => ({ p, b: p.getBoundingClientRect() }))
                .filter(x => (x.b.width > 0 || x.b.height > 0) && x.b.right <= r.left + 1 && x.b.left >= r.left - 40
                  && x.b.top + x.b.height / 2 >= r.top - 2 && x.b.top + x.b.height / 2 <= r.bottom + 2
                  && !((x.p.getAttribute('fill') || 'none') === 'none' && !x.p.getAttribute('stroke')))
                .map(x => ({ d: x.p.getAttribute('d') || '', fill: x.p.getAttribute('fill'), fillOpacity: x.p.getAttribute('fill-opacity'),
                  stroke: x.p.getAttribute('stroke'), dash: x.p.getAttribute('stroke-dasharray'), x: x.b.x, y: x.b.y, w: x.b.width, h: x.b.height }));
              return { name, parts };
            }),
            // A name broken into lines on a narrow page reads as its lines joined by spaces.
            xName: (option.xAxis[0].name || '').replace(/\n/g, ' '),
            yName: option.yAxis[0].name || '',
            xCategories: option.xAxis[0].type === 'category' ? option.xAxis[0].data : null,
            yCategories: option.yAxis[0].type === 'category' ? option.yAxis[0].data : null,
            texts,
            grid: { x: origin.x + grid.x, y: origin.y + grid.y, w: grid.width, h: grid.height }
          };
        })))()
        """;

    public static RenderedChart[] Parse(string json) => JsonSerializer.Deserialize<RenderedChart[]>(json, Options)!;

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };
}
