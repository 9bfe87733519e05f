using System.Net;
using System.Reflection;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReproSpecs.Reports.Html;

/// <summary>
/// Turns the appendix's markdown into one self-contained HTML file: Markdig for the markup, the style
/// sheet inlined, and every local image embedded as a data URI, so the file reads offline on its own.
/// </summary>
public static class HtmlPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The HTML of <paramref name="markdown"/>, with images under <paramref name="baseDirectory"/> embedded.</summary>
    /// <exception cref="FileNotFoundException">An image the markdown references is missing.</exception>
    public static string Render(string markdown, string baseDirectory, string title)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is { } url && IsLocal(url)))
        {
            string path = Path.Combine(baseDirectory, link.Url!);
            if (!File.Exists(path)) throw new FileNotFoundException($"Figure {path} referenced by the report is missing.", path);
            link.Url = $"data:{MimeType(path)};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            {Css}
            </style>
            </head>
            <body>
            <main>
            {writer}
            </main>
            </body>
            </html>

            """.ReplaceLineEndings("\n");
    }

    private static bool IsLocal(string url) => !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    private static string Css { get; } = ReadCss();

    private static string ReadCss()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ReproSpecs.Reports.Html.appendix.css")
            ?? throw new InvalidOperationException("the embedded style sheet appendix.css is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
