namespace Apisix.Translation;

/// <summary>Choices that change what the translation produces. The defaults match a standard install.</summary>
public sealed record TranslationOptions
{
    /// <summary>The default options.</summary>
    public static TranslationOptions Default { get; } = new();

    /// <summary>
    /// The ingress class this controller serves (default <c>apisix</c>). CRD objects with an empty
    /// <c>ingressClassName</c> or this one are translated; the 1.x value <c>apisix-and-all</c> takes every object.
    /// </summary>
    public string IngressClass { get; init; } = "apisix";

    /// <summary>
    /// Allow every reference to a Secret in another namespace. Off by default: such a reference needs a
    /// ReferenceGrant in the Secret's namespace, because otherwise anyone who can write a route could read
    /// any TLS key in the cluster.
    /// </summary>
    public bool AllowCrossNamespaceSecrets { get; init; }

    /// <summary>
    /// The controller name that IngressClass <c>spec.controller</c> must carry for its Ingresses to be ours
    /// (default <c>apisix.apache.org/apisix-ingress-controller</c>).
    /// </summary>
    public string ControllerName { get; init; } = "apisix.apache.org/apisix-ingress-controller";

    /// <summary>
    /// Let an Ingress's <c>svc-namespace</c> annotation point at any namespace. Off by default: it needs a
    /// ReferenceGrant in the Service's namespace (from networking.k8s.io Ingress to Service).
    /// </summary>
    public bool AllowCrossNamespaceServices { get; init; }

    /// <summary>
    /// The addresses written to Ingress <c>status.loadBalancer.ingress</c> (1.x <c>ingress_status_address</c>);
    /// preferred over <see cref="PublishService"/>.
    /// </summary>
    public EquatableArray<string> StatusAddresses { get; init; }

    /// <summary>
    /// A LoadBalancer Service (<c>namespace/name</c>) whose status addresses are written to Ingress status
    /// (1.x <c>ingress_publish_service</c>).
    /// </summary>
    public string? PublishService { get; init; }

    /// <summary>
    /// The APISIX cluster name (1.x <c>default_cluster_name</c>, default <c>default</c>): only the
    /// ApisixClusterConfig of this name is used, and only plugin-metadata entries for this cluster.
    /// </summary>
    public string ClusterName { get; init; } = "default";

    /// <summary>The name of the ConfigMap that holds plugin metadata (1.x <c>plugin_metadata_cm</c>).</summary>
    public string PluginMetadataConfigMap { get; init; } = "plugin-metadata-config-map";

    /// <summary>
    /// The controller's namespace, where the plugin-metadata ConfigMap lives. Null (the default, for offline
    /// use) accepts that ConfigMap in any namespace.
    /// </summary>
    public string? ControllerNamespace { get; init; }

    /// <summary>
    /// Translate a backend whose Service is not in the input as if it existed, listening on the port number
    /// the backend names, with no endpoints yet; the missing Service is a warning instead of an error. For
    /// checks on a partial snapshot (the admission webhook sees one object at a time): the rest of the object
    /// is translated, and checked, as it will be once the Service exists. A port named rather than numbered
    /// cannot be assumed and stays an error. Off by default.
    /// </summary>
    public bool AssumeUnseenServices { get; init; }

    /// <summary>The 1.x value of <see cref="IngressClass"/> that selects every CRD object.</summary>
    public const string AllIngressClasses = "apisix-and-all";

    /// <summary>True when a CRD object with <paramref name="ingressClassName"/> is ours.</summary>
    public bool SelectsCrd(string? ingressClassName) =>
        IngressClass == AllIngressClasses || string.IsNullOrEmpty(ingressClassName) || ingressClassName == IngressClass;
}
