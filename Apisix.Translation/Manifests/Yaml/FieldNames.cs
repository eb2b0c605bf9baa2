using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// The field names the readers know, one string each: a name read from JSON that is one of them is looked up
/// instead of being decoded into a new string, since every manifest repeats them (<c>metadata</c>,
/// <c>serviceName</c>, <c>backends</c>...). Other names (labels, plugin fields, header names) are made as
/// before. A fixed set, so nothing grows with what is read; a test keeps it in step with the readers.
/// </summary>
internal static class FieldNames
{
    private const int MaxLength = 64;

    /// <summary>Every field name a reader asks for, and the object-level names every manifest has.</summary>
    internal static readonly FrozenSet<string> Known = FrozenSet.Create(StringComparer.Ordinal,
    [
        "active", "add", "addresses", "addressType", "admin", "adminKey", "allowedRoutes", "annotations", "apiGroup",
        "apiVersion", "appProtocol", "args", "auth", "authentication", "authParameter", "backend", "backendRef",
        "backendRefs", "backends", "base_dn", "baseURL", "caSecret", "certificateRefs", "client", "clusterIP",
        "concurrency", "conditions", "config", "connect", "controller", "controllerName", "controlPlane", "cookie",
        "cors", "creationTimestamp", "credentials", "data", "defaultBackend", "deletionTimestamp", "denominator",
        "depth", "description", "discovery", "enable", "enabled", "endpoints", "exprs", "extensionRef",
        "externalName", "externalNodes", "filter_func", "filters", "finalizers", "fraction", "from",
        "frontendValidation", "gatewayClassName", "gatewayRef", "generation", "group", "hashOn", "header", "headers",
        "healthCheck", "healthy", "host", "hostname", "hostnames", "hosts", "http", "httpCodes", "httpFailures",
        "httpPath", "infrastructure", "ingress", "ingressClassName", "ingressPort", "interval", "ip", "items",
        "jwtAuth", "key", "keyAuth", "kind", "kinds", "labels", "ldap_uri", "ldapAuth", "listeners", "loadBalancer",
        "loadbalancer", "managedFields", "match", "matches", "matchExpressions", "matchLabels", "metadata", "method",
        "methods", "mode", "monitoring", "name", "namespace", "namespaces", "nodeName", "notReadyAddresses",
        "number", "numerator", "op", "operator", "options", "ownerReferences", "parameters", "parametersRef",
        "parentRefs", "passHost", "passive", "path", "paths", "pathType", "percent", "plugin_config_name",
        "plugin_config_namespace", "pluginMetadata", "plugins", "podIP", "podIPs", "port", "portLevelSettings",
        "ports", "prefer_name", "priority", "prometheus", "protocol", "provider", "publishService", "query",
        "queryParams", "read", "ready", "remoteAddrs", "remove", "replaceFullPath", "replacePrefixMatch",
        "requestHeaderModifier", "requestHeaders", "requestMirror", "requestRedirect", "resolveGranularity",
        "resource", "resourceVersion", "responseHeaderModifier", "retries", "retry", "rules", "sampleRatio",
        "scheme", "scope", "secret", "secretKeyRef", "secretName", "secretRef", "sectionName", "selector", "send",
        "service", "serviceName", "servicePort", "serving", "sessionPersistence", "set", "skip_mtls_uri_regex",
        "skywalking", "spec", "status", "statusAddress", "statusCode", "stream", "strictTLS", "stringData",
        "subject", "subset", "subsets", "successes", "targetPort", "targetRef", "targetRefs", "tcpFailures",
        "terminating", "timeout", "timeouts", "tls", "tlsSecret", "tlsVerify", "to", "type", "uid", "unhealthy",
        "upstreamHost", "upstreams", "urlRewrite", "use_tls", "value", "valueFrom", "values", "vars", "websocket",
        "weight"
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The property name the reader is on.</summary>
    public static string Of(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan;
        Span<char> chars = stackalloc char[MaxLength];
        return !reader.ValueIsEscaped && !reader.HasValueSequence && bytes.Length <= MaxLength &&
            Ascii.ToUtf16(bytes, chars, out var written) == System.Buffers.OperationStatus.Done &&
            ByChars.TryGetValue(chars[..written], out var known)
            ? known
            : reader.GetString()!;
    }
}
