namespace Apisix.Translation.GatewayApi;

/// <summary>Gateway API hostname rules: wildcard matching and listener/route intersection.</summary>
public static class Hostnames
{
    /// <summary>
    /// The hostnames a route serves on a listener: null when any host is served, empty when none
    /// intersect. A wildcard <c>*.example.com</c> matches one or more labels before <c>example.com</c>.
    /// </summary>
    public static IReadOnlyList<string>? Intersect(string? listenerHostname, IReadOnlyList<string> routeHostnames)
    {
        if (string.IsNullOrEmpty(listenerHostname))
        {
            return routeHostnames.Count == 0 ? null : routeHostnames;
        }

        if (routeHostnames.Count == 0)
        {
            return [listenerHostname];
        }

        var result = new List<string>();
        foreach (var routeHostname in routeHostnames)
        {
            if (string.Equals(routeHostname, listenerHostname, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(routeHostname);
            }
            else if (Matches(listenerHostname, routeHostname))
            {
                result.Add(routeHostname);
            }
            else if (Matches(routeHostname, listenerHostname))
            {
                result.Add(listenerHostname);
            }
        }

        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>True when the pattern (exact or <c>*.suffix</c>) matches the host (which may itself be a narrower wildcard).</summary>
    public static bool Matches(string pattern, string host)
    {
        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
        }

        var suffix = pattern[1..];
        var candidate = host.StartsWith("*.", StringComparison.Ordinal) ? host[1..] : host;
        return candidate.Length > suffix.Length && candidate.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            && (!host.StartsWith("*.", StringComparison.Ordinal) || candidate.Length > suffix.Length);
    }
}
