using ScottPlot;
using SkiaSharp;

namespace ReproSpecs.Reports.Figures;

/// <summary>A figure of the report: where it goes, how the report captions it, and how to draw it.</summary>
/// <param name="FileName">File name (<c>.png</c>) under the output's <c>figures/</c> folder; the SVG and PDF take the same stem.</param>
/// <param name="Caption">Caption printed under it (also its alt text).</param>
/// <param name="Draw">Draws the figure onto a new plot.</param>
/// <param name="Width">Pixel width (the vector files' size in points).</param>
/// <param name="Height">Pixel height.</param>
public sealed record FigureSpec(string FileName, string Caption, Action<Plot> Draw, int Width = 720, int Height = 420)
{
    /// <summary>Folder (under the output folder) that holds the figures.</summary>
    public const string Folder = "figures";

    /// <summary>Path relative to the output folder, with forward slashes (what the markdown links to).</summary>
    public string RelativePath => $"{Folder}/{FileName}";

    /// <summary>Path of the SVG copy relative to the output folder.</summary>
    public string SvgPath => Path.ChangeExtension(RelativePath, ".svg");

    /// <summary>Path of the PDF copy relative to the output folder.</summary>
    public string PdfPath => Path.ChangeExtension(RelativePath, ".pdf");

    // ScottPlot's default resolves to a serif face on Debian; a sans face reads better in small figures.
    // Skia falls back to its default face where this one is not installed.
    private const string SansFont = "DejaVu Sans";

    /// <summary>Renders the figure to a PNG file.</summary>
    public void SavePng(string path) => NewPlot().SavePng(path, Width, Height);

    /// <summary>Renders the figure to an SVG file (vector; text as text); returns the path.</summary>
    public string SaveSvg(string path)
    {
        NewPlot().SaveSvg(path, Width, Height);
        return path;
    }

    /// <summary>
    /// Renders the figure to a one-page PDF (vector), drawing the plot through ScottPlot's Skia renderer onto
    /// Skia's PDF canvas; returns the path.
    /// </summary>
    public string SavePdf(string path)
    {
        var plot = NewPlot();
        using (var stream = File.Create(path))
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(Width, Height);
            plot.Render(canvas, Width, Height);
            document.EndPage();
            document.Close();
        }
        return path;
    }

    private Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        Draw(plot);
        return plot;
    }
}
