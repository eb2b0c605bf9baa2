using System.Buffers.Binary;
using System.Text;

namespace Apisix.Translation;

/// <summary>
/// Object ids as the APISIX Ingress Controller makes them: the CRC-32 (IEEE, as zlib) of the UTF-8 bytes
/// of a name, written as lower-case hex without zero padding. Padding would create new objects next to the
/// ones a 1.x controller left behind.
/// </summary>
public static class IdGenerator
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The id for <paramref name="name"/>; the empty string for an empty name.</summary>
    public static string GenId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return string.Empty;
        }

        return Hex(Crc32(name));
    }

    /// <summary>Lower-case hex without leading zeros, as Go's <c>%x</c> (and without culture lookups).</summary>
    private static string Hex(uint value)
    {
        var digits = value == 0 ? 1 : (32 - System.Numerics.BitOperations.LeadingZeroCount(value) + 3) / 4;
        return string.Create(digits, value, static (span, number) =>
        {
            for (var i = span.Length - 1; i >= 0; i--)
            {
                span[i] = "0123456789abcdef"[(int)(number & 0xF)];
                number >>= 4;
            }
        });
    }

    /// <summary>The CRC-32/IEEE checksum of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static uint Crc32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> stackBuffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= stackBuffer.Length ? stackBuffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        return Crc32(bytes);
    }

    /// <summary>
    /// Slicing-by-8: eight bytes per step through eight derived tables, then byte by byte. Ids are made
    /// for every route of a cluster, so this is a measurable part of a translation.
    /// </summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var table = Table.AsSpan();
        var crc = 0xFFFFFFFFu;
        while (bytes.Length >= 8)
        {
            var low = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            var high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            crc = table[(7 * 256) + (int)(low & 0xFF)]
                ^ table[(6 * 256) + (int)((low >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((low >> 16) & 0xFF)]
                ^ table[(4 * 256) + (int)(low >> 24)]
                ^ table[(3 * 256) + (int)(high & 0xFF)]
                ^ table[(2 * 256) + (int)((high >> 8) & 0xFF)]
                ^ table[256 + (int)((high >> 16) & 0xFF)]
                ^ table[(int)(high >> 24)];
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>Table 0 is the classic byte table; table k advances table k-1 by one more zero byte.</summary>
    private static uint[] BuildTable()
    {
        const uint polynomial = 0xEDB88320u;
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ polynomial : value >> 1;
            }

            table[i] = value;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = table[((k - 1) * 256) + i];
                table[(k * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
