using System.Globalization;
using System.Text.Json.Nodes;
using Apisix.Translation;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Bench;

/// <summary>A large, deterministic cluster: routes spread over services, each service with its endpoints.</summary>
internal static class SyntheticCluster
{
    public static List<KubernetesObject> Build(int routes, int services, int endpoints)
    {
        var objects = new List<KubernetesObject>(routes + (services * 2));
        var perService = endpoints / services;
        for (var s = 0; s < services; s++)
        {
            var ns = $"team-{s % 20}";
            var name = $"svc-{s}";
            objects.Add(new Service
            {
                Metadata = new ObjectMeta { Name = name, Namespace = ns },
                ClusterIP = $"10.96.{s / 250}.{s % 250}",
                Ports = new[] { new ServicePort { Name = "http", Port = 80, TargetPort = IntOrString.FromInt(8080) } },
            });
            var slice = new List<SliceEndpoint>(perService);
            for (var e = 0; e < perService; e++)
            {
                var ip = (s * perService) + e;
                slice.Add(new SliceEndpoint { Addresses = new[] { $"10.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}" }, Ready = e % 10 != 9 });
            }

            objects.Add(new EndpointSlice
            {
                Metadata = new ObjectMeta
                {
                    Name = $"{name}-abcde",
                    Namespace = ns,
                    Labels = EquatableMap<string>.Empty.SetItem(EndpointSlice.ServiceNameLabel, name),
                },
                Ports = new[] { new EndpointPort { Name = "http", Port = 8080 } },
                Endpoints = slice.ToArray(),
            });
        }

        var plugin = new ApisixPlugin { Name = "limit-count", Config = new JsonBlob(new JsonObject { ["count"] = 100, ["time_window"] = 60 }) };
        for (var r = 0; r < routes; r++)
        {
            var s = r % services;
            var ns = $"team-{s % 20}";
            var rules = new ApisixRouteHttp[2];
            for (var k = 0; k < rules.Length; k++)
            {
                rules[k] = new ApisixRouteHttp
                {
                    Name = $"rule-{k}",
                    Match = new ApisixRouteMatch
                    {
                        Hosts = new[] { $"app{r}.example.com" },
                        Paths = new[] { $"/api/v{k}/*" },
                        Methods = new[] { "GET", "POST" },
                        Exprs = new[] { new ApisixRouteExpr { Scope = "Header", Name = "X-Tenant", Op = "Equal", Value = r.ToString(CultureInfo.InvariantCulture) } },
                    },
                    Backends = new[] { new ApisixRouteBackend { ServiceName = $"svc-{s}", ServicePort = IntOrString.FromInt(80) } },
                    Plugins = new[] { plugin },
                };
            }

            objects.Add(new ApisixRoute { Metadata = new ObjectMeta { Name = $"route-{r}", Namespace = ns }, Http = rules });
        }

        return objects;
    }
}
