using System.Globalization;
using System.Text.Json.Nodes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Networking;

/// <summary>
/// The <c>k8s.apisix.apache.org/*</c> annotations of one Ingress, parsed once (reference §3.4). Every
/// invalid value is an error naming the annotation key, so the Ingress is never applied half-configured.
/// </summary>
internal sealed partial class IngressAnnotations
{
    public const string Prefix = "k8s.apisix.apache.org/";

    private static readonly HashSet<string> Known =
    [
        "use-regex", "enable-websocket", "plugin-config-name", "svc-namespace", "upstream-scheme", "upstream-retries",
        "upstream-connect-timeout", "upstream-read-timeout", "upstream-send-timeout", "enable-cors", "cors-allow-origin",
        "cors-allow-methods", "cors-allow-headers", "enable-csrf", "csrf-key", "http-to-https", "http-redirect",
        "http-redirect-code", "rewrite-target", "rewrite-target-regex", "rewrite-target-regex-template",
        "enable-response-rewrite", "response-rewrite-status-code", "response-rewrite-body", "response-rewrite-body-base64",
        "response-rewrite-add-header", "response-rewrite-set-header", "response-rewrite-remove-header",
        "http-allow-methods", "http-block-methods", "allowlist-source-range", "blocklist-source-range", "auth-type",
        "auth-uri", "auth-ssl-verify", "auth-request-headers", "auth-upstream-headers", "auth-client-headers",
    ];

    /// <summary>Names the Go project's docs print but its code never read; we accept them with a warning.</summary>
    private static readonly Dictionary<string, string> Deprecated = new(StringComparer.Ordinal)
    {
        ["whitelist-source-range"] = "allowlist-source-range",
        ["allow-http-methods"] = "http-allow-methods",
        ["block-http-methods"] = "http-block-methods",
    };

    private static readonly string[] Schemes = ["http", "https", "grpc", "grpcs"];
    // 1.x passed any string through; the WebDAV methods (RFC 4918) are real request methods a user may block.
    private static readonly string[] HttpMethods =
    [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PURGE",
        "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK",
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ObjectScope _scope;

    private IngressAnnotations(EquatableMap<string> annotations, ObjectScope scope)
    {
        _scope = scope;
        foreach (var (key, value) in annotations)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = key[Prefix.Length..];
            if (Deprecated.TryGetValue(name, out var current))
            {
                scope.Warning(DiagnosticCodes.Suspicious, PathOf(name), $"is deprecated (the Go controller documented it but never read it); use {Prefix}{current}");
                _values.TryAdd(current, value);
            }
            else if (Known.Contains(name))
            {
                _values[name] = value;
            }
            else
            {
                scope.Warning(DiagnosticCodes.UnknownField, PathOf(name), "is not an annotation this controller reads; ignored");
            }
        }
    }

    public bool UseRegex => Flag("use-regex");

    public bool EnableWebsocket => Flag("enable-websocket");

    public string? PluginConfigName => Text("plugin-config-name");

    public string? ServiceNamespace => Text("svc-namespace");

    public string? Scheme { get; private set; }

    public int? Retries { get; private set; }

    public (long? Connect, long? Read, long? Send) Timeouts { get; private set; }

    public EquatableMap<JsonBlob> Plugins { get; private set; }

    /// <summary>Parses every annotation; findings go to <paramref name="scope"/>.</summary>
    public static IngressAnnotations Parse(EquatableMap<string> annotations, ObjectScope scope)
    {
        var parsed = new IngressAnnotations(annotations, scope);
        parsed.ParseUpstream();
        parsed.Plugins = parsed.BuildPlugins();
        return parsed;
    }

    /// <summary>The field path of an annotation.</summary>
    public static string PathOf(string name) => $"metadata.annotations[{Prefix}{name}]";

    private void ParseUpstream()
    {
        if (Text("upstream-scheme") is { } scheme)
        {
            scheme = scheme.ToLowerInvariant();
            if (!Schemes.Contains(scheme))
            {
                Error("upstream-scheme", $"'{scheme}' is not one of {string.Join(", ", Schemes)}");
            }

            Scheme = scheme;
        }

        if (Text("upstream-retries") is { } retries)
        {
            // Go's strconv.Atoi (1.x) takes a leading sign: "+3" is 3.
            if (int.TryParse(retries, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
            {
                Retries = parsed;
            }
            else
            {
                Error("upstream-retries", $"'{retries}' is not a non-negative integer");
            }
        }

        Timeouts = (Seconds("upstream-connect-timeout"), Seconds("upstream-read-timeout"), Seconds("upstream-send-timeout"));
    }

    private long? Seconds(string name)
    {
        if (Text(name) is not { } value)
        {
            return null;
        }

        var digits = value.EndsWith('s') ? value[..^1] : value;
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return seconds;
        }

        Error(name, $"'{value}' is not a positive number of seconds (e.g. 5 or 5s)");
        return null;
    }

    private bool Flag(string name) => _values.TryGetValue(name, out var value) && value == "true";

    private string? Text(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private List<string>? List(string name)
    {
        var items = Text(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return items is { Count: > 0 } ? items : null;
    }

    private void SetText(JsonObject target, string key, string annotation)
    {
        if (Text(annotation) is { } value)
        {
            target[key] = value;
        }
    }

    private void SetList(JsonObject target, string key, string annotation)
    {
        if (List(annotation) is { } values)
        {
            target[key] = ToArray(values);
        }
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private void Error(string name, string message) => _scope.Error(DiagnosticCodes.InvalidValue, PathOf(name), message);
}
