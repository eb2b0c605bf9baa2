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
        Span<byte> stackBuffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= stackBuffer.Length ? stackBuffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);

        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        const uint polynomial = 0xEDB88320u;
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ polynomial : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
