using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// Reads the fields of one consumer auth method, from the inline <c>value</c> object (typed JSON) or from
/// a Secret (every value a string, parsed as 1.x parses it). Type errors name the field, never a value.
/// </summary>
internal sealed class ConsumerCredentialReader
{
    private readonly JsonObject? _value;
    private readonly Secret? _secret;
    private readonly string _path;
    private readonly ObjectScope _scope;

    private ConsumerCredentialReader(JsonObject? value, Secret? secret, string path, ObjectScope scope)
    {
        _value = value;
        _secret = secret;
        _path = path;
        _scope = scope;
    }

    public bool FromSecret => _secret is not null;

    public static ConsumerCredentialReader ForValue(JsonObject value, string path, ObjectScope scope) => new(value, null, path, scope);

    public static ConsumerCredentialReader ForSecret(Secret secret, string path, ObjectScope scope) => new(null, secret, path, scope);

    /// <summary>True when the field is present (and, in a Secret, non-empty).</summary>
    public bool Has(string key) => _secret is not null
        ? _secret.Data.TryGetValue(key, out var text) && text.Length > 0
        : _value!.TryGetPropertyValue(key, out var node) && node is not null;

    public string? String(string key)
    {
        if (_secret is not null)
        {
            return _secret.Data.TryGetValue(key, out var text) && text.Length > 0 ? text : null;
        }

        if (!_value!.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        WrongType(key, "a string");
        return null;
    }

    /// <summary>A required string; reports which key is missing.</summary>
    public string Required(string key)
    {
        var present = Has(key);
        var value = String(key);
        if (string.IsNullOrEmpty(value) && !(present && !FromSecret && value is null))
        {
            _scope.Error(DiagnosticCodes.RequiredField, Where(key), FromSecret
                ? $"key `{key}` is missing or empty in Secret {_secret!.Namespace}/{_secret.Name}"
                : $"`{key}` is required");
        }

        return value ?? string.Empty;
    }

    /// <summary>
    /// An integer. In a Secret, where 1.x fell back to a default on bad input, a value that does not parse
    /// is a warning and reads as absent; an inline value of the wrong type is an error.
    /// </summary>
    public long? Integer(string key)
    {
        if (_secret is not null)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            _scope.Warning(DiagnosticCodes.InvalidValue, Where(key), $"key `{key}` in Secret {_secret.Namespace}/{_secret.Name} is not an integer; the default is used");
            return null;
        }

        if (!_value!.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var number))
        {
            return number;
        }

        WrongType(key, "an integer");
        return null;
    }

    public bool? Boolean(string key)
    {
        if (_secret is not null)
        {
            var text = String(key);
            return text is null ? null : text == "true";
        }

        if (!_value!.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        WrongType(key, "a boolean");
        return null;
    }

    /// <summary>A list of strings: a JSON array inline, or a comma/whitespace separated Secret value (deviation 2).</summary>
    public List<string>? StringList(string key)
    {
        if (_secret is not null)
        {
            return String(key)?.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        if (!_value!.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonArray array && array.All(item => item?.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(item => item!.GetValue<string>()).ToList();
        }

        WrongType(key, "an array of strings");
        return null;
    }

    private string Where(string key) => FromSecret ? $"{_path}.secretRef" : $"{_path}.value.{key}";

    private void WrongType(string key, string expected) =>
        _scope.Error(DiagnosticCodes.WrongType, Where(key), FromSecret
            ? $"key `{key}` in Secret {_secret!.Namespace}/{_secret.Name} must be {expected}"
            : $"must be {expected}");
}
