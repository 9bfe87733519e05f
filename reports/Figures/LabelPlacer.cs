using ScottPlot;

namespace ReproSpecs.Reports.Figures;

/// <summary>
/// Places point labels of a scatter so they overlap neither each other nor the points: for each label it tries
/// right, left, above and below its point (in that order) in an estimate of the figure's pixel space, and takes the
/// first spot that is inside the data area and clear of everything placed so far. A label with no free spot is left
/// out (the point keeps its colour in the legend) rather than drawn over another.
/// </summary>
/// <param name="xmin">Left x limit of the axes.</param>
/// <param name="xmax">Right x limit.</param>
/// <param name="ymin">Lower y limit.</param>
/// <param name="ymax">Upper y limit.</param>
/// <param name="width">Figure width in pixels.</param>
/// <param name="height">Figure height in pixels.</param>
public sealed class LabelPlacer(double xmin, double xmax, double ymin, double ymax, int width, int height)
{
    // The data area is the figure less its axes, tick labels and title: about this many pixels on each side.
    private const double LeftMargin = 80, RightMargin = 20, TopMargin = 40, BottomMargin = 55;
    private const double PointRadius = 6, Gap = 6;
    private readonly List<(double L, double T, double R, double B)> _taken = [];

    private double PlotWidth => Math.Max(1, width - LeftMargin - RightMargin);
    private double PlotHeight => Math.Max(1, height - TopMargin - BottomMargin);

    private (double X, double Y) Pixel(double x, double y) =>
        ((x - xmin) / (xmax - xmin) * PlotWidth, (ymax - y) / (ymax - ymin) * PlotHeight);

    /// <summary>Marks a point's marker as taken.</summary>
    public void AddPoint(double x, double y)
    {
        var (px, py) = Pixel(x, y);
        _taken.Add((px - PointRadius, py - PointRadius, px + PointRadius, py + PointRadius));
    }

    /// <summary>Keeps labels out of the legend box in the upper-right corner (<paramref name="entries"/> lines, the longest <paramref name="longest"/> characters).</summary>
    public void ReserveUpperRightLegend(int entries, int longest, double fontSize)
    {
        double w = longest * fontSize * 0.62 + 40, h = entries * fontSize * 1.6 + 14;
        _taken.Add((PlotWidth - w, 0, PlotWidth, h));
    }

    /// <summary>Finds a free spot for <paramref name="text"/> beside the point (x, y) and takes it; null when there is none.</summary>
    public LabelSpot? Place(string text, double x, double y, double fontSize)
    {
        var (px, py) = Pixel(x, y);
        double w = text.Length * fontSize * 0.62, h = fontSize * 1.3;
        var candidates = new (LabelSpot Spot, (double L, double T, double R, double B) Box)[]
        {
            (new LabelSpot(Alignment.MiddleLeft, (float)Gap, 0), (px + Gap, py - h / 2, px + Gap + w, py + h / 2)),
            (new LabelSpot(Alignment.MiddleRight, (float)-Gap, 0), (px - Gap - w, py - h / 2, px - Gap, py + h / 2)),
            (new LabelSpot(Alignment.LowerCenter, 0, (float)-Gap), (px - w / 2, py - Gap - h, px + w / 2, py - Gap)),
            (new LabelSpot(Alignment.UpperCenter, 0, (float)Gap), (px - w / 2, py + Gap, px + w / 2, py + Gap + h)),
        };
        foreach (var (spot, box) in candidates)
        {
            bool inside = box.L >= 0 && box.T >= 0 && box.R <= PlotWidth && box.B <= PlotHeight;
            if (!inside || _taken.Any(t => Overlaps(t, box))) continue;
            _taken.Add(box);
            return spot;
        }
        return null;
    }

    /// <summary>Every box taken so far (points and labels), in estimated pixels: left, top, right, bottom.</summary>
    public IReadOnlyList<(double L, double T, double R, double B)> Boxes => _taken;

    /// <summary>Whether two boxes overlap.</summary>
    public static bool Overlaps((double L, double T, double R, double B) a, (double L, double T, double R, double B) b) =>
        a.L < b.R && b.L < a.R && a.T < b.B && b.T < a.B;
}
