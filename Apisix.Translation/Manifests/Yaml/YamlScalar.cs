using System.Globalization;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// A scalar. Plain (unquoted) scalars are typed by the YAML 1.2 core schema, the way Kubernetes turns YAML
/// into JSON: <c>80</c> is a number, <c>"80"</c> a string, <c>true</c> a boolean, <c>~</c> null.
/// </summary>
internal sealed partial class YamlScalar(int line, string value, bool quoted) : YamlNode(line)
{
    /// <summary>The scalar's text.</summary>
    public string Value { get; } = value;

    /// <summary>True when the scalar was quoted or a block scalar: always a string.</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The boolean value of a plain <c>true</c>/<c>false</c>.</summary>
    public bool? AsBool => Quoted ? null : Value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    /// <summary>The integer value of a plain decimal, octal (0o) or hex (0x) integer.</summary>
    public long? AsInteger
    {
        get
        {
            if (Quoted)
            {
                return null;
            }

            if (DecimalInteger().IsMatch(Value) && long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (Value.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(Value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return hex;
            }

            if (Value.StartsWith("0o", StringComparison.Ordinal) && Value.Length > 2 && Value.AsSpan(2).ContainsAnyExceptInRange('0', '7') is false)
            {
                try
                {
                    return Convert.ToInt64(Value[2..], 8);
                }
                catch (OverflowException)
                {
                    return null;
                }
            }

            return null;
        }
    }

    /// <summary>The value of a plain number (integer or float).</summary>
    public double? AsNumber
    {
        get
        {
            if (AsInteger is { } integer)
            {
                return integer;
            }

            if (!Quoted && FloatNumber().IsMatch(Value) && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            return null;
        }
    }

    /// <inheritdoc />
    public override string TypeName => Quoted ? "string"
        : IsNull ? "null"
        : AsBool is not null ? "boolean"
        : AsNumber is not null ? "number"
        : "string";

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
