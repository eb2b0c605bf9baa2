using System.Net;
using System.Text.RegularExpressions;
using Apisix.Translation.Config;
using Apisix.Translation.GatewayApi;

namespace Apisix.Translation.Simulation;

/// <summary>
/// Chooses the route APISIX would select for a request, following <c>radixtree_host_uri</c>: routes whose
/// host matches come first (exact host, then wildcards, longest first), then routes without a host; within
/// each, an exact URI before prefixes, the longest prefix first, and among routes on the same URI the
/// highest <c>priority</c> whose methods, remote_addrs and vars all hold. Then the plugins run (see
/// <see cref="PluginSimulator"/>).
/// </summary>
public sealed class RouteMatcher
{
    private readonly TranslationResult _result;
    private readonly List<Route> _routes;

    /// <summary>Simulates against a translation result.</summary>
    public RouteMatcher(TranslationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _result = result;
        _routes = [.. result.Configuration.Routes];
    }

    /// <summary>The translation this matcher simulates.</summary>
    public TranslationResult Translation => _result;

    /// <summary>What APISIX does with <paramref name="request"/>, optionally on one Gateway's listeners.</summary>
    public MatchResult Match(SimulatedRequest request, ListenerSelector? listener = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reasons = new List<string>();
        var candidates = _routes;
        if (listener is not null)
        {
            candidates = ListenerRoutes(request, listener, reasons);
            if (candidates.Count == 0)
            {
                return NoRoute(reasons);
            }
        }

        var host = request.HostName;
        foreach (var bucket in HostBuckets(candidates, host))
        {
            var (route, undetermined) = MatchUri(bucket.Routes, request, reasons);
            if (undetermined is not null)
            {
                return new MatchResult { Undetermined = true, Reasons = reasons.ToArray(), Notes = new[] { undetermined } };
            }

            if (route is not null)
            {
                reasons.Insert(0, bucket.Description);
                return PluginSimulator.Run(route, request, _result, reasons);
            }
        }

        reasons.Add($"no route matches host '{request.Host}' and path '{request.Path}'");
        return NoRoute(reasons);
    }

    /// <summary>
    /// The stream route a raw TCP/TLS connection reaches on a listener port: by SNI (exact, then routes
    /// without one). Null when none does.
    /// </summary>
    public (StreamRoute Route, UpstreamShare Upstream)? MatchStream(int port, string? sni, ListenerSelector? listener = null)
    {
        var routes = _result.Configuration.StreamRoutes.Where(r => r.ServerPort is null || r.ServerPort == port);
        if (listener is not null)
        {
            var ids = _result.GatewayApi.Attachments.Where(a => a.Gateway == listener.Gateway && a.Port == port).Select(a => a.ApisixId).ToHashSet(StringComparer.Ordinal);
            routes = routes.Where(r => ids.Contains(r.Id));
        }

        var candidates = routes.ToList();
        var route = candidates.FirstOrDefault(r => r.Sni is not null && sni is not null && HostMatches(r.Sni, sni) && !r.Sni.StartsWith('*'))
            ?? candidates.Where(r => r.Sni is not null && sni is not null && HostMatches(r.Sni, sni)).OrderByDescending(r => r.Sni!.Length).FirstOrDefault()
            ?? candidates.FirstOrDefault(r => r.Sni is null);
        if (route is null)
        {
            return null;
        }

        var source = route.UpstreamId is not null && _result.UpstreamSources.TryGetValue(route.UpstreamId, out var found) ? found : null;
        return (route, new UpstreamShare(route.UpstreamId, 1, 1, source));
    }

    private static MatchResult NoRoute(List<string> reasons) =>
        new() { Reasons = reasons.ToArray(), Answer = new GatewayAnswer(404, null, null, "{\"error_msg\":\"404 Route Not Found\"}") };

    /// <summary>The routes attached to the listener that the port, SNI and Host select (the most specific hostname wins).</summary>
    private List<Route> ListenerRoutes(SimulatedRequest request, ListenerSelector selector, List<string> reasons)
    {
        var name = (request.Scheme == "https" ? request.Sni ?? request.Host : request.Host).ToLowerInvariant();
        var best = _result.GatewayApi.Listeners
            .Where(l => l.Gateway == selector.Gateway && l.Port == selector.Port)
            .Where(l => l.Hostname is null || Hostnames.Matches(l.Hostname, name))
            .OrderByDescending(l => l.Hostname is null ? 0 : l.Hostname.StartsWith('*') ? 1 + l.Hostname.Length : 1000 + l.Hostname.Length)
            .FirstOrDefault();
        if (best is null)
        {
            reasons.Add($"no listener of {selector.Gateway} on port {selector.Port} accepts host '{name}'");
            return [];
        }

        reasons.Add($"listener '{best.Name}' of {selector.Gateway} (port {selector.Port}{(best.Hostname is null ? string.Empty : $", hostname {best.Hostname}")})");
        var ids = _result.GatewayApi.Attachments
            .Where(a => a.Gateway == selector.Gateway && a.Listener == best.Name)
            .Select(a => a.ApisixId)
            .ToHashSet(StringComparer.Ordinal);
        return _routes.Where(r => ids.Contains(r.Id)).ToList();
    }

    /// <summary>The host buckets in the order radixtree_host_uri tries them.</summary>
    private static IEnumerable<(string Description, List<Route> Routes)> HostBuckets(List<Route> routes, string host)
    {
        var withHost = new Dictionary<string, List<Route>>(StringComparer.OrdinalIgnoreCase);
        var withoutHost = new List<Route>();
        foreach (var route in routes)
        {
            var hosts = route.Hosts?.ToList() ?? (route.Host is null ? [] : [route.Host]);
            if (hosts.Count == 0)
            {
                withoutHost.Add(route);
                continue;
            }

            foreach (var pattern in hosts.Where(p => HostMatches(p, host)))
            {
                if (!withHost.TryGetValue(pattern, out var list))
                {
                    withHost[pattern] = list = [];
                }

                list.Add(route);
            }
        }

        foreach (var (pattern, list) in withHost.OrderByDescending(p => p.Key.StartsWith('*') ? p.Key.Length : int.MaxValue))
        {
            yield return ($"host '{host}' matches '{pattern}'", list);
        }

        yield return ("routes without a host", withoutHost);
    }

    /// <summary>
    /// A route host against the request's: a leading <c>*</c> makes the rest a suffix (radixtree_host_uri keys hosts
    /// reversed, so <c>*.example.com</c> is a prefix of the reversed host, and <c>*</c> alone any host); otherwise equal.
    /// APISIX lower-cases route hosts, so case never matters.
    /// </summary>
    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith('*')
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Exact URIs first, then prefixes longest first; on one URI, priority decides among routes whose conditions hold
    /// (on equal priority the longer path as written first). Undetermined (a note) when the first route that could match
    /// turns on something the simulator cannot run.
    /// </summary>
    private static (Route? Route, string? Undetermined) MatchUri(List<Route> routes, SimulatedRequest request, List<string> reasons)
    {
        var entries = new List<(string Node, bool Prefix, string Path, Route Route)>();
        foreach (var route in routes)
        {
            foreach (var uri in route.Uris?.ToList() ?? (route.Uri is null ? ["/*"] : [route.Uri]))
            {
                // lua-resty-radixtree files a path under what precedes its first '*' (a prefix); without one, exact.
                var star = uri.IndexOf('*', StringComparison.Ordinal);
                entries.Add(star < 0 ? (uri, false, uri, route) : (uri[..star], true, uri, route));
            }
        }

        var ordered = entries
            .Where(e => e.Prefix ? request.Path.StartsWith(e.Node, StringComparison.Ordinal) && SegmentsMatch(e.Path, request.Path) : request.Path == e.Node)
            .OrderBy(e => e.Prefix)
            .ThenByDescending(e => e.Node.Length)
            .ThenByDescending(e => e.Route.Priority ?? 0)
            .ThenByDescending(e => e.Path.Length)
            .ThenBy(e => e.Route.Id, StringComparer.Ordinal);
        var unrunnable = new List<string>();
        foreach (var (_, prefix, path, route) in ordered)
        {
            unrunnable.Clear();
            var failed = FailedCondition(route, request, unrunnable);
            if (failed is null)
            {
                if (unrunnable.Count > 0)
                {
                    reasons.Add($"route {route.Id} on '{path}' depends on a regex in its vars");
                    return (null, $"a candidate route's vars turn on {SimulatedRegex.CannotRun(unrunnable[0])}");
                }

                if (route.FilterFunc is not null)
                {
                    reasons.Add($"route {route.Id} on '{path}' depends on its filter_func");
                    return (null, "a candidate route has a filter_func (Lua), which the simulator cannot run");
                }

                reasons.Add($"route {route.Id} matches {(prefix ? "prefix" : "exact")} '{path}' (priority {route.Priority ?? 0})");
                return (route, null);
            }

            reasons.Add($"route {route.Id} on '{path}' skipped: {failed}");
        }

        return (null, null);
    }

    /// <summary>
    /// lua-resty-radixtree's check of a prefix path against the whole request path: split on '/', a segment starting
    /// with '*' takes anything (slashes too), one starting with ':' one or more characters without '/', the rest
    /// itself. A path ending in its only '*' (<c>/v1/*</c>, <c>/v1*</c>) takes everything below its prefix, and so does
    /// one without such segments (<c>/a*b</c>).
    /// </summary>
    private static bool SegmentsMatch(string routePath, string path)
    {
        var segments = routePath.Split('/');
        if (routePath.IndexOf('*', StringComparison.Ordinal) == routePath.Length - 1 || !segments.Any(s => s.StartsWith('*') || s.StartsWith(':')))
        {
            return true;
        }

        var pattern = string.Join("/", segments.Select(segment => segment.StartsWith('*') ? "[\\s\\S]*" : segment.StartsWith(':') ? "[^/]+" : Regex.Escape(segment)));
        return Regex.IsMatch(path, $"\\A{pattern}\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Why the route does not take the request; null when it does, or when that turns on a regex the simulator cannot run (added to unrunnable).</summary>
    private static string? FailedCondition(Route route, SimulatedRequest request, List<string> unrunnable)
    {
        if (route.Methods is { } methods && !methods.Contains(request.Method))
        {
            return $"method {request.Method} is not in [{string.Join(", ", methods)}]";
        }

        if (route.RemoteAddrs is { } addresses && !(IPAddress.TryParse(request.RemoteAddress, out var address) && addresses.Any(a => IpRange.Contains(a, address))))
        {
            return $"remote address {request.RemoteAddress} is not in [{string.Join(", ", addresses)}]";
        }

        if (route.Vars is { } vars && ExprEvaluator.Holds(vars.CloneNode(), request, unrunnable) == false)
        {
            return $"vars {vars} do not hold";
        }

        return null;
    }
}
