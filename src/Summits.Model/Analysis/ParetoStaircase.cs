namespace Summits.Model;

/// <summary>
/// The undominated set of points (x, y) seen so far, kept as a staircase: no point is at least as large as
/// another in both coordinates, so sorted by x ascending their y descend, and whether some point is at least
/// (x, y) in both is one bisection. The Pareto frontier of three parties is swept with it, x and y being the
/// second and third parties' utilities.
/// </summary>
internal sealed class ParetoStaircase
{
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];

    /// <summary>The staircase's points in order of x ascending (and so of y descending).</summary>
    public IEnumerable<(double X, double Y)> Points => _x.Zip(_y);

    /// <summary>True when a point of the staircase is at least <paramref name="x"/> and at least <paramref name="y"/>.</summary>
    public bool Covers(double x, double y)
    {
        // The first point with x′ ≥ x has the largest y′ of all such points.
        var at = FirstAtLeast(x);
        return at < _x.Count && _y[at] >= y;
    }

    /// <summary>
    /// Adds (x, y), which the caller has found no point covers, and drops the points it covers (x′ ≤ x and y′ ≤ y,
    /// an equal point included).
    /// </summary>
    public void Add(double x, double y)
    {
        var at = FirstAtLeast(x);
        // The points it covers have x′ ≤ x and y′ ≤ y: they run back from where it goes.
        var from = at < _x.Count && _x[at] == x ? at + 1 : at;
        var first = from;
        while (first > 0 && _y[first - 1] <= y)
            first--;
        _x.RemoveRange(first, from - first);
        _y.RemoveRange(first, from - first);
        _x.Insert(first, x);
        _y.Insert(first, y);
    }

    private int FirstAtLeast(double x)
    {
        var (low, high) = (0, _x.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_x[middle] < x)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
