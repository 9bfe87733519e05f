using ScottPlot;

namespace ReproSpecs.Reports.Figures;

/// <summary>A figure of the report: where it goes, how the report captions it, and how to draw it.</summary>
/// <param name="FileName">File name under the output's <c>figures/</c> folder.</param>
/// <param name="Caption">Caption printed under it (also its alt text).</param>
/// <param name="Draw">Draws the figure onto a new plot.</param>
/// <param name="Width">Pixel width.</param>
/// <param name="Height">Pixel height.</param>
public sealed record FigureSpec(string FileName, string Caption, Action<Plot> Draw, int Width = 720, int Height = 420)
{
    /// <summary>Folder (under the output folder) that holds the figures.</summary>
    public const string Folder = "figures";

    /// <summary>Path relative to the output folder, with forward slashes (what the markdown links to).</summary>
    public string RelativePath => $"{Folder}/{FileName}";

    // ScottPlot's default resolves to a serif face on Debian; a sans face reads better in small figures.
    // Skia falls back to its default face where this one is not installed.
    private const string SansFont = "DejaVu Sans";

    /// <summary>Renders the figure to a PNG file.</summary>
    public void SavePng(string path)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        Draw(plot);
        plot.SavePng(path, Width, Height);
    }
}
