using System.Globalization;

namespace Apisix.Translation.Simulation;

/// <summary>
/// Fluent checks on a <see cref="MatchResult"/> for any test framework: each returns the result, or throws a
/// <see cref="RouteExpectationException"/> that says what happened and why the router chose it.
/// </summary>
public static class MatchExpectations
{
    /// <summary>The route came from this object (<c>"ApisixRoute default/api"</c>, <c>"HTTPRoute ns/name"</c>).</summary>
    public static MatchResult ShouldHitRoute(this MatchResult result, string owner)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Owner?.ToString() == owner ? result : throw Fail(result, $"expected the route of {owner}");
    }

    /// <summary>The route has this APISIX id or name.</summary>
    public static MatchResult ShouldHitApisixRoute(this MatchResult result, string idOrName)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Route is { } route && (route.Id == idOrName || route.Name == idOrName) ? result : throw Fail(result, $"expected APISIX route {idOrName}");
    }

    /// <summary>No route matches (APISIX answers 404).</summary>
    public static MatchResult ShouldNotMatch(this MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Matched && !result.Undetermined ? result : throw Fail(result, "expected no route to match");
    }

    /// <summary>The request is forwarded to this Service (<c>"namespace/name"</c>), alone or as one of a split.</summary>
    public static MatchResult ShouldReachService(this MatchResult result, string service)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Answer is null && result.Upstreams.Any(u => u.Share > 0 && u.Backend is { } b && $"{b.Namespace}/{b.Service}" == service)
            ? result
            : throw Fail(result, $"expected the request to reach Service {service}");
    }

    /// <summary>This plugin runs for the request.</summary>
    public static MatchResult ShouldRunPlugin(this MatchResult result, string plugin)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Plugins.Any(p => p.Name == plugin) ? result : throw Fail(result, $"expected plugin {plugin} to run");
    }

    /// <summary>APISIX answers with this status itself (redirect, auth failure, fault injection, 404).</summary>
    public static MatchResult ShouldBeAnsweredWith(this MatchResult result, int status)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Answer?.Status == status ? result : throw Fail(result, $"expected APISIX to answer {status.ToString(CultureInfo.InvariantCulture)}");
    }

    private static RouteExpectationException Fail(MatchResult result, string expected)
    {
        var actual = result.Route is null ? "no route matched" : $"route {result.Route.Id} from {result.Owner} matched";
        var answer = result.Answer is null ? string.Empty : $"; APISIX answers {result.Answer.Status}";
        var upstreams = string.Join(", ", result.Upstreams.Select(u => $"{u.Backend?.Namespace}/{u.Backend?.Service} ({u.Share:P0})"));
        return new RouteExpectationException($"{expected}, but {actual}{answer}{(upstreams.Length == 0 ? string.Empty : $"; upstreams: {upstreams}")}. Why: {string.Join(" | ", result.Reasons)}");
    }
}
