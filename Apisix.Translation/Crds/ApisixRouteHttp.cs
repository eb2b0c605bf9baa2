namespace Apisix.Translation.Crds;

/// <summary>One <c>spec.http[]</c> rule of an ApisixRoute.</summary>
public sealed record ApisixRouteHttp
{
    /// <summary>The rule name, unique in the object.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The route priority.</summary>
    public long? Priority { get; init; }

    /// <summary>Upstream timeouts as Go duration strings.</summary>
    public DurationTimeout? Timeout { get; init; }

    /// <summary>What requests the rule matches.</summary>
    public ApisixRouteMatch Match { get; init; } = new();

    /// <summary>Enables websocket proxying.</summary>
    public bool? Websocket { get; init; }

    /// <summary>An ApisixPluginConfig to attach.</summary>
    public string? PluginConfigName { get; init; }

    /// <summary>The namespace of <see cref="PluginConfigName"/>; default the route's.</summary>
    public string? PluginConfigNamespace { get; init; }

    /// <summary>Service backends.</summary>
    public EquatableArray<ApisixRouteBackend> Backends { get; init; }

    /// <summary>ApisixUpstream references (external nodes or discovery).</summary>
    public EquatableArray<ApisixRouteUpstreamRef> Upstreams { get; init; }

    /// <summary>Plugins.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }

    /// <summary>Authentication shorthand.</summary>
    public ApisixRouteAuthentication? Authentication { get; init; }
}
