using System.Buffers.Binary;
using System.Security.Cryptography;
using ReproSpecs.Harness.Results;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Results;

/// <summary>The compact binary N×V probability files.</summary>
public sealed class ProbabilityFileTests : IDisposable
{
    private const int Rows = 10, Vocab = 65;
    private readonly TempDirectory _temp = new();
    private readonly float[] _values;

    public ProbabilityFileTests()
    {
        var random = new Random(5);
        _values = Enumerable.Range(0, Rows * Vocab).Select(_ => (float)random.NextDouble()).ToArray();
        _values[3] = float.Epsilon;
        _values[4] = 0f;
    }

    public void Dispose() => _temp.Dispose();

    private (string Path, string Sha) Written()
    {
        string path = _temp.File("trial-00.last.f32");
        return (path, ProbabilityFile.Write(path, _values, Vocab));
    }

    [Fact]
    public void A_written_matrix_reads_back_bit_for_bit()
    {
        var (path, sha) = Written();

        sha.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        var read = ProbabilityFile.Read(path, sha, Rows, Vocab);

        read.Select(BitConverter.SingleToInt32Bits).ShouldBe(_values.Select(BitConverter.SingleToInt32Bits));
        _temp.Files().ShouldBe(["trial-00.last.f32"]);
    }

    [Fact]
    public void The_layout_is_magic_then_rows_and_vocab_then_little_endian_floats()
    {
        byte[] bytes = ProbabilityFile.Encode(_values, Vocab);
        bytes.Length.ShouldBe(16 + 4 * Rows * Vocab);
        bytes[..8].ShouldBe("RSPROB1\0"u8.ToArray());
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)).ShouldBe(Rows);
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)).ShouldBe(Vocab);
        BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(16 + 4 * 7)).ShouldBe(_values[7]);
    }

    [Fact]
    public void A_wrong_recorded_sha_is_refused()
    {
        var (path, sha) = Written();
        string other = sha[..^1] + (sha[^1] == '0' ? '1' : '0');
        var e = Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, other, Rows, Vocab));
        e.ShouldBeOneLineMentioning(path, "SHA-256", "Fix:");
    }

    [Fact]
    public void An_altered_file_is_refused()
    {
        var (path, sha) = Written();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[100] ^= 1;
        File.WriteAllBytes(path, bytes);
        Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, sha, Rows, Vocab)).Message.ShouldContain("altered");
    }

    [Fact]
    public void A_wrong_shape_is_refused()
    {
        var (path, sha) = Written();
        Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, sha, Rows + 1, Vocab)).Message.ShouldContain($"{Rows}×{Vocab}, expected {Rows + 1}×{Vocab}");
        Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, sha, Rows, Vocab - 1)).Message.ShouldContain($"expected {Rows}×{Vocab - 1}");
    }

    [Fact]
    public void A_file_that_is_not_a_probability_file_is_refused_even_with_a_matching_sha()
    {
        string path = _temp.File("other.f32");
        byte[] junk = new byte[64];
        File.WriteAllBytes(path, junk);
        string sha = Convert.ToHexStringLower(SHA256.HashData(junk));
        Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, sha, 1, 12)).Message.ShouldContain("not a ReproSpecs probabilities file");
    }

    [Fact]
    public void Values_that_do_not_form_whole_rows_cannot_be_written()
    {
        Should.Throw<ArgumentException>(() => ProbabilityFile.Encode(new float[10], 3));
        Should.Throw<ArgumentException>(() => ProbabilityFile.Encode(new float[10], 0));
    }

    [Fact]
    public void A_missing_file_is_a_results_file_error()
    {
        string path = _temp.File("absent.f32");
        Should.Throw<ResultFileException>(() => ProbabilityFile.Read(path, "", Rows, Vocab)).Message.ShouldContain(path);
    }
}
