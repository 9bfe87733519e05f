using System.Buffers.Binary;
using System.Text;

namespace ReproSpecs.Harness.Runtime;

/// <summary>
/// A minimal reader of 64-bit little-endian ELF shared objects: just enough to list the symbol
/// versions a library defines (<c>.gnu.version_d</c>) and needs (<c>.gnu.version_r</c>), and which
/// dynamic symbols are bound to each needed version. Used to make TorchSharp load on older libstdc++.
/// </summary>
public sealed class ElfImage
{
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;

    private readonly byte[] _bytes;
    private readonly List<Section> _sections = new();

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, long EntrySize);

    /// <summary>One needed symbol version (a <c>Vernaux</c> entry) of a <c>.gnu.version_r</c> section.</summary>
    /// <param name="File">The library the version is needed from, e.g. <c>libstdc++.so.6</c>.</param>
    /// <param name="Name">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="Index">The version index that <c>.gnu.version</c> uses for symbols bound to it.</param>
    /// <param name="Flags">The <c>vna_flags</c> field (0x2 = weak).</param>
    /// <param name="FlagsOffset">Byte offset of <c>vna_flags</c> in the file.</param>
    public sealed record NeededVersion(string File, string Name, ushort Index, ushort Flags, long FlagsOffset)
    {
        /// <summary>The ELF <c>VER_FLG_WEAK</c> bit: a missing weak version is not a load error.</summary>
        public const ushort WeakFlag = 0x2;

        /// <summary>Whether the loader treats this version as optional.</summary>
        public bool IsWeak => (Flags & WeakFlag) != 0;
    }

    private ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        long shoff = (long)U64(0x28);
        int shentsize = U16(0x3A), shnum = U16(0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > bytes.Length)
            throw new InvalidDataException("ELF section header table is missing or truncated");
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            var s = new Section(U32(h + 4), (long)U64(h + 0x18), (long)U64(h + 0x20), U32(h + 0x28), (long)U64(h + 0x38));
            if (s.Type is ShtDynsym or ShtGnuVerdef or ShtGnuVerneed or ShtGnuVersym && s.Offset + s.Size > bytes.Length)
                throw new InvalidDataException($"ELF section {i} extends past the end of the file");
            _sections.Add(s);
        }
    }

    /// <summary>Reads and parses an ELF file.</summary>
    public static ElfImage Load(string path) => new(File.ReadAllBytes(path));

    /// <summary>Parses ELF bytes already in memory (they are not copied).</summary>
    public static ElfImage Parse(byte[] bytes) => new(bytes);

    /// <summary>The raw bytes, including any edits made through <see cref="SetFlags"/>.</summary>
    public byte[] Bytes => _bytes;

    /// <summary>Version names this object defines (its <c>.gnu.version_d</c>), e.g. every <c>GLIBCXX_*</c> of libstdc++.</summary>
    public IReadOnlySet<string> DefinedVersions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            long strtab = _sections[(int)sec.Link].Offset;
            long at = sec.Offset;
            while (true)
            {
                // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
                uint aux = U32(at + 12), next = U32(at + 16);
                names.Add(CString(strtab + U32(at + aux)));
                if (next == 0) break;
                at += next;
            }
        }
        return names;
    }

    /// <summary>Every needed version (<c>Vernaux</c>) of the <c>.gnu.version_r</c> section.</summary>
    public IReadOnlyList<NeededVersion> NeededVersions()
    {
        var result = new List<NeededVersion>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            long strtab = _sections[(int)sec.Link].Offset;
            long at = sec.Offset;
            while (true)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                int count = U16(at + 2);
                string file = CString(strtab + U32(at + 4));
                long aux = at + U32(at + 8);
                for (int i = 0; i < count; i++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    result.Add(new NeededVersion(file, CString(strtab + U32(aux + 8)), U16(aux + 6), U16(aux + 4), aux + 4));
                    uint nextAux = U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(at + 12);
                if (next == 0) break;
                at += next;
            }
        }
        return result;
    }

    /// <summary>Names of the dynamic symbols whose <c>.gnu.version</c> entry is <paramref name="versionIndex"/>.</summary>
    public IReadOnlyList<string> SymbolsBoundTo(ushort versionIndex)
    {
        var dynsym = _sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym.Size == 0 || versym.Size == 0) return Array.Empty<string>();
        long strtab = _sections[(int)dynsym.Link].Offset;
        long count = dynsym.Size / Math.Max(24, dynsym.EntrySize);
        var names = new List<string>();
        for (long i = 0; i < count && versym.Offset + 2 * i + 2 <= versym.Offset + versym.Size; i++)
        {
            // The top bit of a versym entry marks a hidden symbol; the rest is the version index.
            if ((U16(versym.Offset + 2 * i) & 0x7fff) == versionIndex)
                names.Add(CString(strtab + U32(dynsym.Offset + i * 24)));
        }
        return names;
    }

    /// <summary>Overwrites a needed version's <c>vna_flags</c> in <see cref="Bytes"/>.</summary>
    public void SetFlags(NeededVersion version, ushort flags) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan((int)version.FlagsOffset, 2), flags);

    private ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(checked((int)at), 2));
    private uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(checked((int)at), 4));
    private ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(checked((int)at), 8));

    private string CString(long at)
    {
        int start = checked((int)at);
        int end = Array.IndexOf(_bytes, (byte)0, start);
        if (end < 0) throw new InvalidDataException("unterminated string in ELF string table");
        return Encoding.ASCII.GetString(_bytes, start, end - start);
    }
}
