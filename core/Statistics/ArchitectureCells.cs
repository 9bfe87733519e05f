using MathNet.Numerics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>One architecture's cells for H3: its smooth-activation cells and its baseline (ReLU) cell.</summary>
/// <param name="Model">Architecture name.</param>
/// <param name="Smooth">The cells whose pooled effect is compared with the baseline.</param>
/// <param name="Baseline">The baseline cell.</param>
public sealed record ArchitectureCells(string Model, IReadOnlyList<CellSample> Smooth, CellSample Baseline);
