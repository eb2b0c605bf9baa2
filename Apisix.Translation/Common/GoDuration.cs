using System.Globalization;

namespace Apisix.Translation;

/// <summary>
/// Parses Go duration strings (<c>"300ms"</c>, <c>"1h2m3.5s"</c>, <c>"-1s"</c>, <c>"0"</c>) the way
/// <c>time.ParseDuration</c> does, since the CRDs carry them.
/// </summary>
public static class GoDuration
{
    private const long Nanosecond = 1;
    private const long Microsecond = 1_000;
    private const long Millisecond = 1_000_000;
    private const long Second = 1_000_000_000;

    /// <summary>Parses <paramref name="text"/> into nanoseconds; false when it is not a Go duration.</summary>
    public static bool TryParse(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
        var negative = false;
        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span is "0")
        {
            return true;
        }

        if (span.IsEmpty)
        {
            return false;
        }

        decimal total = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !decimal.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            long? unit = span[..unitLength] switch
            {
                "ns" => Nanosecond,
                "us" or "µs" or "μs" => Microsecond,
                "ms" => Millisecond,
                "s" => Second,
                "m" => 60 * Second,
                "h" => 3600 * Second,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            span = span[unitLength..];
            if (number > (decimal)long.MaxValue / unit.Value)
            {
                return false;
            }

            total += number * unit.Value;
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        nanoseconds = (long)(negative ? -total : total);
        return true;
    }

    /// <summary>Whole seconds of a duration in nanoseconds, truncated toward zero (as Go's <c>int(d.Seconds())</c>).</summary>
    public static long WholeSeconds(long nanoseconds) => nanoseconds / Second;
}
