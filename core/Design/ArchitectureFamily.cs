namespace ReproSpecs.Harness.Design;

/// <summary>Coarse architecture class; H3's directional contrast compares transformers with recurrent models.</summary>
public enum ArchitectureFamily
{
    /// <summary>Self-attention blocks.</summary>
    Transformer,
    /// <summary>LSTM-based.</summary>
    Recurrent,
    /// <summary>Causal convolutions.</summary>
    Convolutional,
}
