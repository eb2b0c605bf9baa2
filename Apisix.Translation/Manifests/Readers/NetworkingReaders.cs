using Apisix.Translation.Kubernetes;
using Apisix.Translation.Networking;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Readers for Ingress and IngressClass. Strict: these are written by users, and a misspelt field is a silent bug.</summary>
internal static class NetworkingReaders
{
    public static Ingress ReadIngress(FieldReader root, ObjectMeta metadata)
    {
        return root.Spec(spec => new Ingress
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            DefaultBackend = spec.Object("defaultBackend", ReadBackend),
            Rules = spec.List("rules", rule => new IngressRule
            {
                Host = rule.String("host"),
                Paths = rule.Object("http", http => new PathList(http.List("paths", ReadPath)))?.Paths,
            }),
            Tls = spec.List("tls", tls => new IngressTls { Hosts = tls.StringList("hosts"), SecretName = tls.String("secretName") }),
        }) ?? new Ingress { Metadata = metadata };
    }

    public static IngressClass ReadIngressClass(FieldReader root, ObjectMeta metadata) =>
        root.Object("spec", spec =>
        {
            spec.Take("parameters");
            return new IngressClass { Metadata = metadata, Controller = spec.String("controller") };
        }) ?? new IngressClass { Metadata = metadata };

    private static IngressPath ReadPath(FieldReader path) => new()
    {
        Path = path.String("path"),
        PathType = path.String("pathType"),
        Backend = path.Object("backend", ReadBackend) ?? new IngressBackend(),
    };

    private static IngressBackend ReadBackend(FieldReader backend)
    {
        var service = backend.Object("service", s => new IngressBackend
        {
            ServiceName = s.RequiredString("name"),
            ServicePort = s.Object("port", ReadPort)?.Port,
        });
        var resource = backend.Object("resource", r =>
        {
            r.Take("apiGroup");
            return new IngressBackend { ResourceKind = r.RequiredString("kind"), ResourceName = r.RequiredString("name") };
        });
        return service ?? resource ?? new IngressBackend();
    }

    private static PortBox ReadPort(FieldReader port)
    {
        var number = port.Int("number");
        var name = port.String("name");
        if ((number is null) == (name is null))
        {
            port.Context.Error(DiagnosticCodes.InvalidValue, port.Path, "exactly one of number and name is required", port.Line);
        }

        return new PortBox(number is { } n ? IntOrString.FromInt(n) : name is { } text ? IntOrString.FromString(text) : null);
    }

    private sealed record PortBox(IntOrString? Port);

    private sealed record PathList(EquatableArray<IngressPath> Paths);
}
