using System.Globalization;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// A scalar. Plain (unquoted) scalars are typed the way Kubernetes types them when it turns YAML into JSON
/// (kubectl and the API server read YAML with a YAML 1.1 resolver): <c>80</c>, <c>0x50</c>, <c>0120</c>
/// (octal) and <c>8_0</c> are numbers, <c>"80"</c> a string, <c>true</c>, <c>yes</c>, <c>on</c> and <c>y</c>
/// booleans, <c>~</c> null. In a free-form value (a plugin config) a plain key that reads as a boolean or
/// an integer is named by that value's text, as Kubernetes names it (<see cref="YamlJsonConverter"/>).
/// </summary>
internal sealed partial class YamlScalar(int line, string value, bool quoted) : YamlNode(line)
{
    /// <summary>The scalar's text.</summary>
    public string Value { get; } = value;

    /// <summary>True when the scalar was quoted or a block scalar: always a string.</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// True for a plain YAML 1.1 infinity or not-a-number (<c>.inf</c>, <c>-.Inf</c>, <c>.NaN</c>…): a float that JSON
    /// cannot hold, so kubectl refuses a manifest with one rather than send it.
    /// </summary>
    public bool IsNonFinite => !Quoted && Value is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN";

    /// <summary>The boolean value of a plain YAML 1.1 boolean: true, yes, on, y (and false, no, off, n), in the three cases YAML allows.</summary>
    public bool? AsBool => Quoted ? null : Value switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => false,
        _ => null,
    };

    /// <summary>
    /// The integer value of a plain integer as YAML 1.1 reads it: decimal, binary (<c>0b</c>), octal (<c>0o</c>, or
    /// a leading zero), hex (<c>0x</c>), with an optional sign and underscores anywhere after the first character.
    /// </summary>
    public long? AsInteger
    {
        get
        {
            if (Quoted || NumberText() is not { } text)
            {
                return null;
            }

            var negative = text[0] == '-';
            var digits = text[0] is '-' or '+' ? text.AsSpan(1) : text.AsSpan();
            var radix = 10;
            if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'b' or 'B' or 'o' or 'O' or 'x' or 'X')
            {
                radix = digits[1] is 'b' or 'B' ? 2 : digits[1] is 'o' or 'O' ? 8 : 16;
                digits = digits[2..];
            }
            else if (digits.Length > 1 && digits[0] == '0')
            {
                radix = 8;
                digits = digits[1..];
            }

            ulong magnitude = 0;
            foreach (var c in digits)
            {
                var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : int.MaxValue;
                if (digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                {
                    return null;
                }

                magnitude = (magnitude * (ulong)radix) + (ulong)digit;
            }

            return digits.IsEmpty ? null
                : negative ? (magnitude <= (ulong)long.MaxValue + 1 ? (long)(0 - magnitude) : null)
                : magnitude <= long.MaxValue ? (long)magnitude : null;
        }
    }

    /// <summary>
    /// The text a plain scalar is read as a number from: without underscores, when it starts as a number does
    /// (a digit, a sign or a point); otherwise null.
    /// </summary>
    private string? NumberText() =>
        Value.Length == 0 || !(char.IsAsciiDigit(Value[0]) || Value[0] is '-' or '+' or '.') ? null
        : Value.Contains('_') ? Value.Replace("_", string.Empty, StringComparison.Ordinal)
        : Value;

    /// <summary>The value of a plain number (integer or float).</summary>
    public double? AsNumber => AsInteger ?? AsFloat;

    /// <summary>The value of a plain number written as a float (<c>1.5</c>, <c>.5</c>, <c>1e3</c>, <c>09</c>); null for anything else.</summary>
    public double? AsFloat =>
        !Quoted && NumberText() is { } text && FloatNumber().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <inheritdoc />
    public override string TypeName => Quoted ? "string"
        : IsNull ? "null"
        : AsBool is not null ? "boolean"
        : AsNumber is not null ? "number"
        : IsNonFinite ? $"{Value} (a float JSON cannot hold; quote it for a string)"
        : "string";

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
