using System.Globalization;

namespace Apisix.Translation.Simulation;

/// <summary>A request to simulate: what APISIX's router and plugins look at.</summary>
public sealed record SimulatedRequest
{
    /// <summary>The method, upper case.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>http or https.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The Host (without port).</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The port the client connects to; default by scheme.</summary>
    public int? Port { get; init; }

    /// <summary>The TLS server name; default the host for https.</summary>
    public string? Sni { get; init; }

    /// <summary>The path, without the query: nginx's <c>$uri</c>, decoded and normalised (see <see cref="NormalisePath"/>).</summary>
    public string Path { get; init; } = "/";

    /// <summary>The query string without <c>?</c> (empty when none).</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Request headers; names compare case-insensitively, repeated names keep every value.</summary>
    public EquatableArray<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The client address.</summary>
    public string RemoteAddress { get; init; } = "127.0.0.1";

    /// <summary>Extra nginx variables by name (e.g. <c>server_port</c>), for expressions that read them.</summary>
    public EquatableMap<string> Variables { get; init; }

    /// <summary>The effective port.</summary>
    public int EffectivePort => Port ?? (Scheme == "https" ? 443 : 80);

    /// <summary>
    /// The host as nginx's <c>$host</c> holds it, what the router matches: lower case, without a port or one trailing dot.
    /// </summary>
    public string HostName
    {
        get
        {
            var host = Host;
            var colon = host.LastIndexOf(':');
            if (colon >= 0 && host.IndexOf(']', StringComparison.Ordinal) < colon && (host.StartsWith('[') || host.IndexOf(':', StringComparison.Ordinal) == colon))
            {
                host = host[..colon];
            }

            return (host.EndsWith('.') ? host[..^1] : host).ToLowerInvariant();
        }
    }

    /// <summary>The path and query as sent (nginx <c>$request_uri</c>).</summary>
    public string RequestUri => Query.Length == 0 ? Path : $"{Path}?{Query}";

    /// <summary>The values of a header, in order.</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>
    /// Parses <c>"GET https://api.example.com:8443/v1/users?x=1"</c> (the method is optional, default GET;
    /// a bare path means host <c>localhost</c>). Returns null with <paramref name="error"/> when it cannot.
    /// </summary>
    public static SimulatedRequest? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            error = "the request is empty; write e.g. \"GET https://api.example.com/v1/users\"";
            return null;
        }

        var method = parts.Length == 2 ? parts[0].ToUpperInvariant() : "GET";
        var target = parts.Length == 2 ? parts[1] : parts[0];
        if (target.StartsWith('/'))
        {
            target = "http://localhost" + target;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = $"'{target}' is not an http(s) URL";
            return null;
        }

        return new SimulatedRequest
        {
            Method = method,
            Scheme = uri.Scheme,
            Host = uri.Host,
            Port = uri.IsDefaultPort ? null : uri.Port,
            Path = NormalisePath(uri.AbsolutePath),
            Query = uri.Query.TrimStart('?'),
        };
    }

    /// <summary>
    /// The path as nginx's <c>$uri</c> holds it, what the router matches: percent-decoded, repeated slashes merged
    /// (<c>merge_slashes on</c>), <c>.</c> and <c>..</c> segments resolved (never above the root).
    /// </summary>
    public static string NormalisePath(string path)
    {
        var segments = Uri.UnescapeDataString(path).Split('/');
        var kept = new List<string>();
        var trailingSlash = false;
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            trailingSlash = segment is "" or "." or "..";
            if (segment == ".." && kept.Count > 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }
            else if (!trailingSlash)
            {
                kept.Add(segment);
            }
        }

        return "/" + string.Join('/', kept) + (trailingSlash && kept.Count > 0 ? "/" : string.Empty);
    }

    /// <summary>The first value of a query argument (APISIX <c>arg_name</c>, case-sensitive), or null.</summary>
    public string? Argument(string name)
    {
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            // APISIX reads arguments from get_uri_args(), a case-sensitive table.
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>A cookie's value, or null.</summary>
    public string? Cookie(string name)
    {
        foreach (var header in HeaderValues("Cookie"))
        {
            foreach (var cookie in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = cookie.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && cookie[..equals] == name)
                {
                    return cookie[(equals + 1)..];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The value of an nginx variable as APISIX sees it: <c>uri</c>, <c>host</c>, <c>request_method</c>,
    /// <c>arg_*</c>, <c>http_*</c> (several values joined with ", "), <c>cookie_*</c>, and the rest.
    /// </summary>
    public string? Variable(string name)
    {
        if (Variables.TryGetValue(name, out var given))
        {
            return given;
        }

        switch (name)
        {
            case "uri":
                return Path;
            case "request_uri":
                return RequestUri;
            case "host":
                return HostName;
            case "request_method":
                return Method;
            case "scheme":
                return Scheme;
            case "remote_addr":
                return RemoteAddress;
            case "server_port":
                return EffectivePort.ToString(CultureInfo.InvariantCulture);
            case "args" or "query_string":
                return Query;
        }

        if (name.StartsWith("arg_", StringComparison.Ordinal))
        {
            return Argument(name[4..]);
        }

        if (name.StartsWith("http_", StringComparison.Ordinal))
        {
            var header = name[5..].Replace('_', '-');
            // nginx (1.23+, so every current APISIX) joins repeated headers: cookies with "; ", the rest with ", ".
            var values = HeaderValues(header).ToList();
            return values.Count == 0 ? null : string.Join(string.Equals(header, "cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ", ", values);
        }

        if (name.StartsWith("cookie_", StringComparison.Ordinal))
        {
            return Cookie(name[7..]);
        }

        return null;
    }
}
