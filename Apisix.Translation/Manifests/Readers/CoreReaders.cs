using System.Text;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>
/// Readers for the core kinds. These objects usually come from the cluster with many fields we do not
/// use, so their readers are lenient: unknown fields are ignored, but the fields we use are type-checked.
/// </summary>
internal static class CoreReaders
{
    public static Service ReadService(FieldReader root, ObjectMeta metadata)
    {
        var service = root.Object("spec", spec => new Service
        {
            Metadata = metadata,
            Type = spec.String("type") ?? "ClusterIP",
            ClusterIP = spec.String("clusterIP"),
            ExternalName = spec.String("externalName"),
            Selector = spec.StringMap("selector"),
            Ports = spec.List("ports", ReadServicePort),
        }) ?? new Service { Metadata = metadata };
        var addresses = root.Object("status", status => status.Object("loadBalancer", balancer =>
            new Addresses(balancer.List("ingress", entry => entry.String("ip") ?? entry.String("hostname") ?? string.Empty))) ?? new Addresses(default));
        return addresses is null || addresses.Items.IsEmpty ? service : service with { LoadBalancerIngress = addresses.Items };
    }

    /// <summary>A class wrapper, since object readers return reference types.</summary>
    private sealed record Addresses(EquatableArray<string> Items);

    private static ServicePort ReadServicePort(FieldReader port) => new()
    {
        Name = port.String("name") ?? string.Empty,
        Port = port.Int("port") ?? 0,
        TargetPort = port.IntOrString("targetPort"),
        Protocol = port.String("protocol") ?? "TCP",
        AppProtocol = port.String("appProtocol"),
    };

    public static EndpointSlice ReadEndpointSlice(FieldReader root, ObjectMeta metadata) => new()
    {
        Metadata = metadata,
        AddressType = root.String("addressType") ?? "IPv4",
        Endpoints = root.List("endpoints", endpoint =>
        {
            var conditions = endpoint.Object("conditions", c => new { Ready = c.Bool("ready"), Serving = c.Bool("serving"), Terminating = c.Bool("terminating") });
            var target = endpoint.Object("targetRef", t => new { Kind = t.String("kind"), Name = t.String("name") });
            return new SliceEndpoint
            {
                Addresses = endpoint.StringList("addresses"),
                Ready = conditions?.Ready,
                Serving = conditions?.Serving,
                Terminating = conditions?.Terminating,
                TargetPodName = target is { Kind: "Pod" } ? target.Name : null,
                NodeName = endpoint.String("nodeName"),
            };
        }),
        Ports = root.List("ports", ReadEndpointPort),
    };

    private static EndpointPort ReadEndpointPort(FieldReader port) => new()
    {
        Name = port.String("name") ?? string.Empty,
        Port = port.Int("port") ?? 0,
        Protocol = port.String("protocol") ?? "TCP",
        AppProtocol = port.String("appProtocol"),
    };

    public static Endpoints ReadEndpoints(FieldReader root, ObjectMeta metadata) => new()
    {
        Metadata = metadata,
        Subsets = root.List("subsets", subset => new EndpointSubset
        {
            Addresses = subset.List("addresses", a => a.String("ip") ?? string.Empty),
            NotReadyAddresses = subset.List("notReadyAddresses", a => a.String("ip") ?? string.Empty),
            Ports = subset.List("ports", ReadEndpointPort),
        }),
    };

    public static Pod ReadPod(FieldReader root, ObjectMeta metadata)
    {
        var ips = root.Object("status", status =>
        {
            var all = new List<string>();
            if (status.String("podIP") is { Length: > 0 } podIp)
            {
                all.Add(podIp);
            }

            foreach (var ip in status.List("podIPs", p => p.String("ip") ?? string.Empty))
            {
                if (ip.Length > 0 && !all.Contains(ip))
                {
                    all.Add(ip);
                }
            }

            return all;
        });
        return new Pod { Metadata = metadata, PodIPs = EquatableArray<string>.From(ips ?? []) };
    }

    public static ConfigMap ReadConfigMap(FieldReader root, ObjectMeta metadata) => new()
    {
        Metadata = metadata,
        Data = root.StringMap("data"),
    };

    public static Secret ReadSecret(FieldReader root, ObjectMeta metadata)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, encoded) in root.StringMap("data"))
        {
            var decoded = DecodeBase64(encoded);
            if (decoded is null)
            {
                // The value itself is never echoed: it is a secret even when malformed.
                root.Context.Error(DiagnosticCodes.InvalidValue, $"data[{key}]", "is not valid base64", root.LineOf("data"));
                continue;
            }

            data[key] = decoded;
        }

        foreach (var (key, value) in root.StringMap("stringData"))
        {
            data[key] = value;
        }

        return new Secret
        {
            Metadata = metadata,
            Type = root.String("type") ?? "Opaque",
            Data = EquatableMap<string>.From(data),
        };
    }

    private static string? DecodeBase64(string encoded)
    {
        var trimmed = encoded.AsSpan().Trim();
        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(trimmed, buffer, out var written))
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, written);
    }
}
