using System.Text.Json.Nodes;
using Apisix.Translation.Simulation;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>Runs one conformance <c>request</c> expectation through the route simulator and says what differs.</summary>
internal static class ConformanceRequestChecker
{
    /// <summary>The address the suite uses when it sends the Gateway's own address as Host.</summary>
    private const string GatewayAddress = "192.0.2.10";

    public static string? Check(JsonObject expectation, RouteMatcher matcher)
    {
        var gatewayName = expectation["gateway"]!.GetValue<string>().Split('/');
        var requestJson = expectation["request"]!.AsObject();
        var expect = expectation["expect"]!.AsObject();
        var scheme = requestJson["scheme"]!.GetValue<string>();
        var port = requestJson["port"]!.GetValue<int>();
        var host = requestJson["host"]?.GetValue<string>() ?? GatewayAddress;
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains(']', StringComparison.Ordinal))
        {
            host = host[..colon];
        }

        var selector = new ListenerSelector(new ObjectRef("Gateway", gatewayName[0], gatewayName[1]), port);
        var sni = requestJson["sni"]?.GetValue<string>();
        if (scheme == "tls")
        {
            return CheckStream(matcher, selector, port, sni, expect);
        }

        var path = requestJson["path"]?.GetValue<string>() ?? "/";
        var question = path.IndexOf('?', StringComparison.Ordinal);
        var request = new SimulatedRequest
        {
            Method = requestJson["method"]?.GetValue<string>() ?? "GET",
            Scheme = scheme,
            Host = host,
            Port = port,
            Sni = sni,
            Path = question < 0 ? path : path[..question],
            Query = question < 0 ? string.Empty : path[(question + 1)..],
            Headers = (requestJson["headers"]?.AsObject() ?? []).Select(h => new KeyValuePair<string, string>(h.Key, h.Value!.ToString())).ToArray(),
        };
        var result = matcher.Match(request, selector);
        return CheckHttp(result, request, requestJson, expect);
    }

    private static string? CheckStream(RouteMatcher matcher, ListenerSelector selector, int port, string? sni, JsonObject expect)
    {
        var match = matcher.MatchStream(port, sni, selector);
        var forwarded = match is not null;
        if (expect["connectionRejected"]?.GetValue<bool>() == true || expect["forwarded"]?.GetValue<bool>() == false)
        {
            return forwarded ? $"expected the connection to be rejected, but stream route {match!.Value.Route.Id} takes it" : null;
        }

        if (!forwarded)
        {
            return "no stream route takes the connection";
        }

        return CheckBackend(expect, match!.Value.Upstream.Backend);
    }

    private static string? CheckHttp(MatchResult result, SimulatedRequest request, JsonObject requestJson, JsonObject expect)
    {
        var forwarded = result.Answer is null;
        var status = result.Answer?.Status ?? result.ResponseStatus ?? 200;
        if (expect["forwarded"] is { } expectForwarded && expectForwarded.GetValue<bool>() != forwarded)
        {
            return $"forwarded is {forwarded} (status {status}; {string.Join(" | ", result.Reasons)})";
        }

        if (expect["grpcStatus"] is { } grpc)
        {
            var actual = forwarded ? "OK" : status == 404 ? "Unimplemented" : $"HTTP {status}";
            if (actual != grpc.GetValue<string>())
            {
                return $"gRPC status is {actual}";
            }
        }

        if (expect["status"] is { } expectedStatus && expectedStatus.GetValue<int>() != status)
        {
            return $"status is {status} ({string.Join(" | ", result.Reasons)})";
        }

        if (expect["statusAnyOf"] is JsonArray anyOf && !anyOf.Any(s => s!.GetValue<int>() == status))
        {
            return $"status is {status}";
        }

        if (expect["distribution"] is JsonObject distribution)
        {
            var tolerance = expect["tolerance"]?.GetValue<double>() ?? 0.05;
            foreach (var (service, share) in distribution)
            {
                var actualShare = result.Upstreams.Where(u => u.Backend?.Service == service).Sum(u => u.Share);
                if (Math.Abs(actualShare - share!.GetValue<double>()) > tolerance)
                {
                    return $"{service} gets {actualShare:F2} of requests, expected {share}";
                }
            }
        }
        else if (forwarded && (expect["backend"] is not null || expect["namespace"] is not null))
        {
            if (result.Upstreams.Count != 1 && result.Upstreams.Count(u => u.Share > 0) != 1)
            {
                return $"the request is split over {result.Upstreams.Count} upstreams";
            }

            if (CheckBackend(expect, result.Upstreams.First(u => u.Share > 0 || result.Upstreams.Count == 1).Backend) is { } problem)
            {
                return problem;
            }
        }

        if (expect["backendAnyOf"] is JsonArray backends && forwarded &&
            !result.Upstreams.Where(u => u.Share > 0).All(u => backends.Any(b => b!.GetValue<string>() == u.Backend?.Service)))
        {
            return "a backend outside backendAnyOf gets requests";
        }

        if (expect["rewrite"] is JsonObject rewrite)
        {
            if (rewrite["path"] is { } rewrittenPath && rewrittenPath.GetValue<string>() != result.UpstreamPath?.Split('?')[0])
            {
                return $"the upstream path is {result.UpstreamPath}";
            }

            if (rewrite["host"] is { } rewrittenHost && rewrittenHost.GetValue<string>() != result.UpstreamHost)
            {
                return $"the upstream host is {result.UpstreamHost}";
            }
        }

        var ignoreWhitespace = expect["ignoreWhitespace"]?.GetValue<bool>() == true;
        if (Headers(expect["requestHeaders"], result.UpstreamHeaders, ignoreWhitespace) is { } requestProblem)
        {
            return "request " + requestProblem;
        }

        if (expect["absentRequestHeaders"] is JsonArray absent && absent.FirstOrDefault(h => result.UpstreamHeaders.Any(u => string.Equals(u.Key, h!.GetValue<string>(), StringComparison.OrdinalIgnoreCase))) is { } present)
        {
            return $"the upstream still receives {present}";
        }

        var response = ResponseHeaders(requestJson, result);
        if (Headers(expect["responseHeaders"], response, ignoreWhitespace) is { } responseProblem)
        {
            return "response " + responseProblem;
        }

        if (expect["absentResponseHeaders"] is JsonArray absentResponse && absentResponse.FirstOrDefault(h => response.Any(u => string.Equals(u.Key, h!.GetValue<string>(), StringComparison.OrdinalIgnoreCase))) is { } stillThere)
        {
            return $"the response still has {stillThere}";
        }

        if (expect["redirect"] is JsonObject redirect)
        {
            return CheckRedirect(redirect, result, request);
        }

        if (expect["mirroredTo"] is JsonArray mirrored)
        {
            foreach (var mirror in mirrored.OfType<JsonObject>())
            {
                if (!result.Mirrors.Any(m => m.Backend?.Service == mirror["backend"]!.GetValue<string>() && m.Backend.Namespace == mirror["namespace"]!.GetValue<string>()))
                {
                    return $"the request is not mirrored to {mirror["backend"]}";
                }
            }
        }

        return null;
    }

    private static string? CheckBackend(JsonObject expect, ServiceBackendSource? backend)
    {
        if (expect["backend"] is { } name && name.GetValue<string>() != backend?.Service)
        {
            return $"the backend is {backend?.Namespace}/{backend?.Service}, expected {name}";
        }

        if (expect["namespace"] is { } ns && ns.GetValue<string>() != backend?.Namespace)
        {
            return $"the backend namespace is {backend?.Namespace}, expected {ns}";
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> ResponseHeaders(JsonObject requestJson, MatchResult result)
    {
        var headers = (requestJson["backendResponseHeaders"]?.AsObject() ?? []).Select(h => new KeyValuePair<string, string>(h.Key, h.Value!.ToString())).ToList();
        if (result.Answer is not null)
        {
            headers.Clear();
        }

        foreach (var change in result.ResponseHeaderChanges)
        {
            if (change.Action is "set" or "remove")
            {
                headers.RemoveAll(h => string.Equals(h.Key, change.Name, StringComparison.OrdinalIgnoreCase));
            }

            if (change.Action is "set" or "add")
            {
                headers.Add(new(change.Name, change.Value));
            }
        }

        return headers;
    }

    private static string? Headers(JsonNode? expected, IEnumerable<KeyValuePair<string, string>> actual, bool ignoreWhitespace)
    {
        foreach (var (name, value) in expected?.AsObject() ?? [])
        {
            var values = actual.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
            var joined = string.Join(",", values);
            var want = value!.ToString();
            if (ignoreWhitespace ? joined.Replace(" ", string.Empty, StringComparison.Ordinal) != want.Replace(" ", string.Empty, StringComparison.Ordinal) : joined != want)
            {
                return $"header {name} is '{joined}', expected '{want}'";
            }
        }

        return null;
    }

    private static string? CheckRedirect(JsonObject redirect, MatchResult result, SimulatedRequest request)
    {
        // A relative Location (a path, or //host) resolves against the request, as a client does.
        var origin = new Uri($"{request.Scheme}://{request.Host}:{request.EffectivePort}/");
        if (result.Answer?.Location is not { } location || !Uri.TryCreate(origin, location, out var uri))
        {
            return $"no redirect (answer {result.Answer?.Status}, location '{result.Answer?.Location}')";
        }

        if (redirect["scheme"] is { } scheme && scheme.GetValue<string>() != uri.Scheme)
        {
            return $"redirect scheme is {uri.Scheme} ({location})";
        }

        if (redirect["host"] is { } host && host.GetValue<string>() != uri.Host)
        {
            return $"redirect host is {uri.Host} ({location})";
        }

        var port = redirect["port"]?.GetValue<int>();
        if (port is null ? !uri.IsDefaultPort : uri.Port != port)
        {
            return $"redirect port is {uri.Port} ({location})";
        }

        if (redirect["path"] is { } path && path.GetValue<string>() != uri.AbsolutePath)
        {
            return $"redirect path is {uri.AbsolutePath} ({location})";
        }

        if (redirect["status"] is { } status && status.GetValue<int>() != result.Answer.Status)
        {
            return $"redirect status is {result.Answer.Status}";
        }

        return null;
    }
}
