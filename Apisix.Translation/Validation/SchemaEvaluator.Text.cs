using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>Formats, and the words the evaluator uses for types and values.</summary>
internal sealed partial class SchemaEvaluator
{
    /// <summary>
    /// The formats api7/jsonschema checks, as it checks them; it ignores every other format (uri, date-time, uuid…).
    /// </summary>
    /// <remarks>
    /// ipv4 and ipv6 are glibc's <c>inet_pton</c> (OpenResty's path): four decimal parts without leading zeros;
    /// IPv6 without brackets, zone or prefix. hostname and email are PCRE patterns anchored with <c>^…$</c>, whose
    /// <c>$</c> also matches before a final newline.
    /// </remarks>
    internal static bool FormatHolds(string text, string format) => format switch
    {
        "ipv4" => IsInetPton4(text),
        "ipv6" => text.AsSpan().IndexOfAny(NotInIpv6) < 0 && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "hostname" => WithoutFinalNewline(text) is { Length: > 0 } host && !host.ContainsAnyExcept(HostnameCharacters),
        "email" => IsEmail(WithoutFinalNewline(text)),
        _ => true,
    };

    private static readonly System.Buffers.SearchValues<char> HostnameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    private static readonly System.Buffers.SearchValues<char> EmailCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._");

    /// <summary>What .NET reads in an IPv6 address and inet_pton does not: brackets, a zone, a prefix, spaces.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInIpv6 = System.Buffers.SearchValues.Create("[]%/ \t\r\n");

    private static ReadOnlySpan<char> WithoutFinalNewline(string text) => text.EndsWith('\n') ? text.AsSpan(0, text.Length - 1) : text;

    /// <summary>Four dot-separated decimal parts of 0 to 255, none with a leading zero.</summary>
    private static bool IsInetPton4(string text)
    {
        var parts = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            var part = text.AsSpan(start, i - start);
            if (part.Length is 0 or > 3 || part.ContainsAnyExceptInRange('0', '9') || (part.Length > 1 && part[0] == '0') ||
                int.Parse(part, CultureInfo.InvariantCulture) > 255 || ++parts > 4)
            {
                return false;
            }

            start = i + 1;
        }

        return parts == 4;
    }

    /// <summary>
    /// <c>name@domain.tld</c>: name and domain of letters, digits, <c>_ - .</c>; the part after the last dot 2 to 4 letters.
    /// </summary>
    private static bool IsEmail(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        var domain = text[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var top = dot < 0 ? [] : domain[(dot + 1)..];
        return !text[..at].ContainsAnyExcept(EmailCharacters) && dot > 0 && !domain[..dot].ContainsAnyExcept(EmailCharacters) &&
            top.Length is >= 2 and <= 4 && IsLetters(top);
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Article(string type) => type is "object" or "array" or "integer" ? $"an {type}" : $"a {type}";

    private static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
    };

    /// <summary>A value for a message; under an <c>x-secret</c> field only its kind, so no credential reaches a message or a log.</summary>
    private string Show(JsonNode? value) => _secret > 0 ? $"({TypeOf(value)}, not shown)" : value?.ToJsonString() ?? "null";

    private string Show(double number) => _secret > 0 ? "(a number, not shown)" : Number(number);

    /// <summary>A number of the schema (a bound), for a message.</summary>
    private static string Number(double number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string value for a message, quoted; under an <c>x-secret</c> field not shown.</summary>
    private string Quote(string text) => _secret > 0 ? "the value (not shown)" : $"'{text}'";
}
