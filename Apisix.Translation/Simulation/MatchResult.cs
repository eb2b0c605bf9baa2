using Apisix.Translation.Config;

namespace Apisix.Translation.Simulation;

/// <summary>What APISIX would do with a request: the route, why, the plugins, the upstream, and any answer APISIX gives itself.</summary>
public sealed record MatchResult
{
    /// <summary>The chosen route, or null when none matched.</summary>
    public Route? Route { get; init; }

    /// <summary>The Kubernetes object that produced the route.</summary>
    public ObjectRef? Owner { get; init; }

    /// <summary>True when a route matched.</summary>
    public bool Matched => Route is not null;

    /// <summary>True when the outcome depends on something the simulator cannot run (a filter_func).</summary>
    public bool Undetermined { get; init; }

    /// <summary>How the route was chosen, step by step.</summary>
    public EquatableArray<string> Reasons { get; init; }

    /// <summary>The plugins that run (global rules, plugin_config, route), with where each came from.</summary>
    public EquatableArray<EffectivePlugin> Plugins { get; init; }

    /// <summary>The upstream choice (weights and Kubernetes backends).</summary>
    public EquatableArray<UpstreamShare> Upstreams { get; init; }

    /// <summary>The answer APISIX gives without forwarding (404, redirect, fault injection, 401), or null when it forwards.</summary>
    public GatewayAnswer? Answer { get; init; }

    /// <summary>The path the upstream receives (after proxy-rewrite).</summary>
    public string? UpstreamPath { get; init; }

    /// <summary>The Host the upstream receives (after proxy-rewrite).</summary>
    public string? UpstreamHost { get; init; }

    /// <summary>The request headers the upstream receives.</summary>
    public EquatableArray<KeyValuePair<string, string>> UpstreamHeaders { get; init; }

    /// <summary>Header changes APISIX makes to the response (set, add, remove).</summary>
    public EquatableArray<HeaderChange> ResponseHeaderChanges { get; init; }

    /// <summary>The status APISIX rewrites the upstream response to (response-rewrite), if any.</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>Where the request is mirrored, with the share of requests.</summary>
    public EquatableArray<UpstreamShare> Mirrors { get; init; }

    /// <summary>The consumer an auth plugin identified.</summary>
    public string? Consumer { get; init; }

    /// <summary>What the simulator could not simulate.</summary>
    public EquatableArray<string> Notes { get; init; }
}
