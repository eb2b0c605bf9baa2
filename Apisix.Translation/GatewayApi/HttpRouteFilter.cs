namespace Apisix.Translation.GatewayApi;

/// <summary>An HTTPRoute (or GRPCRoute) filter. Only the block of its <see cref="Type"/> is set.</summary>
public sealed record HttpRouteFilter
{
    /// <summary>RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite, RequestMirror, ExtensionRef or CORS.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Request or response header changes.</summary>
    public HeaderModifier? Headers { get; init; }

    /// <summary>RequestRedirect.</summary>
    public RedirectFilter? Redirect { get; init; }

    /// <summary>URLRewrite.</summary>
    public RewriteFilter? Rewrite { get; init; }

    /// <summary>RequestMirror: the backend.</summary>
    public ObjectReference? MirrorBackend { get; init; }

    /// <summary>RequestMirror: the share of requests mirrored, 0..100 (percent or fraction).</summary>
    public double? MirrorPercent { get; init; }

    /// <summary>ExtensionRef.</summary>
    public ObjectReference? ExtensionRef { get; init; }

    /// <summary>CORS settings, passed to the cors plugin.</summary>
    public JsonBlob? Cors { get; init; }
}
