namespace ReproSpecs.Harness.Data;

/// <summary>Where the corpus came from.</summary>
public enum CorpusOrigin
{
    /// <summary>The copy of Tiny Shakespeare that ships inside the harness assembly (the default).</summary>
    Shipped,
    /// <summary>A file the user named (option or <c>REPROSPECS_CORPUS</c>).</summary>
    Explicit,
}
