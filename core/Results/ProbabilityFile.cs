using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// Compact binary store of a trial's N×V evaluation probabilities, so every metric can be recomputed
/// without retraining: 8-byte magic <c>RSPROB1\0</c>, int32 N, int32 V, then N·V float32, all little-endian.
/// </summary>
public static class ProbabilityFile
{
    private static readonly byte[] Magic = "RSPROB1\0"u8.ToArray();
    private const int HeaderSize = 16;

    /// <summary>Writes the matrix atomically and returns the file's SHA-256.</summary>
    public static string Write(string path, float[] probabilities, int vocabSize)
    {
        byte[] bytes = Encode(probabilities, vocabSize);
        AtomicFile.WriteAllBytes(path, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The file content for a matrix.</summary>
    public static byte[] Encode(float[] probabilities, int vocabSize)
    {
        if (vocabSize < 1 || probabilities.Length % vocabSize != 0)
            throw new ArgumentException($"{probabilities.Length} values do not form rows of {vocabSize}");
        var bytes = new byte[HeaderSize + 4L * probabilities.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), probabilities.Length / vocabSize);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), vocabSize);
        for (int i = 0; i < probabilities.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HeaderSize + 4 * i), probabilities[i]);
        return bytes;
    }

    /// <summary>Reads a matrix, checking its SHA-256 against <paramref name="expectedSha256"/> and its shape.</summary>
    /// <exception cref="ResultFileException">Missing, truncated, altered or malformed.</exception>
    public static float[] Read(string path, string expectedSha256, int expectedRows, int expectedVocab)
    {
        const string fix = "Fix: delete the trial's files and rerun to retrain it.";
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultFileException(e is FileNotFoundException or DirectoryNotFoundException ? ResultFileError.Missing : ResultFileError.Unreadable,
                $"Cannot read probabilities file {path}: {e.Message}. {fix}", e);
        }
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expectedSha256)
            throw new ResultFileException(ResultFileError.Altered, $"Probabilities file {path} does not match its recorded SHA-256 (truncated or altered). {fix}");
        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new ResultFileException($"Probabilities file {path} is not a ReproSpecs probabilities file. {fix}");
        int rows = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        int vocab = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (rows != expectedRows || vocab != expectedVocab || bytes.Length != HeaderSize + 4L * rows * vocab)
            throw new ResultFileException($"Probabilities file {path} holds {rows}×{vocab}, expected {expectedRows}×{expectedVocab}. {fix}");
        var values = new float[rows * vocab];
        for (int i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(HeaderSize + 4 * i));
        return values;
    }
}
