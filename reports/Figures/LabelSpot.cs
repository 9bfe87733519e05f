using ScottPlot;

namespace ReproSpecs.Reports.Figures;

/// <summary>A spot for a point's label (<see cref="LabelPlacer"/>): its alignment to the point and its pixel offset.</summary>
/// <param name="Alignment">Which corner or edge of the label sits at the point.</param>
/// <param name="OffsetX">Horizontal offset in pixels.</param>
/// <param name="OffsetY">Vertical offset in pixels (down is positive).</param>
public readonly record struct LabelSpot(Alignment Alignment, float OffsetX, float OffsetY);
