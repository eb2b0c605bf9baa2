using Apisix.Translation.Config;
using Apisix.Translation.Manifests;
using Apisix.Translation.Simulation;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// For a table of requests and overlapping HTTPRoutes, the route with the highest APISIX priority is the one
/// the Gateway API says must win. The spec's order (HTTPRouteRule): across the applicable routes, an Exact
/// path match, then the PathPrefix with the most characters, then a method match, then the most header
/// matches, then the most query param matches; on a tie the oldest route (creationTimestamp), then the
/// first by "{namespace}/{name}"; within one route the first matching rule. Hostnames come first: an exact
/// hostname before a wildcard.
/// </summary>
public sealed class PrecedenceTests
{
    private const string Manifests = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: apisix}
        spec: {controllerName: apisix.apache.org/apisix-ingress-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: shop}
        spec:
          gatewayClassName: apisix
          listeners:
            - name: http
              port: 80
              protocol: HTTP
              allowedRoutes: {namespaces: {from: All}}
        ---
        # Path kinds on /api: Exact vs PathPrefix on the same path, a longer prefix, headers on a prefix.
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: exact-api, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: Exact, value: /api}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: prefix-api, namespace: shop, creationTimestamp: "2023-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /api}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: prefix-api-header, namespace: shop, creationTimestamp: "2023-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-a, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: prefix-api-v1, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /api/v1}}]
              backendRefs: [{name: web, port: 80}]
        ---
        # Conditions on /orders: the plain route is the oldest; the more specific ones are newer.
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-plain, namespace: shop, creationTimestamp: "2023-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-method, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}, method: POST}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-one-header, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}, headers: [{name: x-tier, value: gold}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-two-headers, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}, headers: [{name: x-tier, value: gold}, {name: x-region, value: eu}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-one-query, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}, queryParams: [{name: debug, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orders-two-queries, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /orders}, queryParams: [{name: debug, value: "1"}, {name: trace, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        # Age on /catalog: identical matches, the older wins; a header match beats age.
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: catalog-new, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /catalog}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: catalog-old, namespace: shop, creationTimestamp: "2023-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /catalog}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: catalog-beta, namespace: shop, creationTimestamp: "2025-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /catalog}, headers: [{name: x-beta, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
        ---
        # Names on /reports (same namespace, same age) and namespaces on /ledger (same age).
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: reports-b, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /reports}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: reports-a, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /reports}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: aaa, namespace: finance-b, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw, namespace: shop}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /ledger}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: zzz, namespace: finance-a, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw, namespace: shop}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /ledger}}]
              backendRefs: [{name: web, port: 80}]
        ---
        # Rule order on /dup: equally specific rules, the first wins.
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: multi, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /dup}, headers: [{name: x-a, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /dup}, headers: [{name: x-b, value: "1"}]}]
              backendRefs: [{name: web, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /dup}}]
              backendRefs: [{name: web, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /dup}}]
              backendRefs: [{name: web, port: 80}]
        ---
        # Hostnames: an exact hostname before a wildcard, whatever the age.
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: host-exact, namespace: shop, creationTimestamp: "2024-06-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          hostnames: ["store.example.com"]
          rules:
            - matches: [{path: {type: PathPrefix, value: /store}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: host-wild, namespace: shop, creationTimestamp: "2023-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw}]
          hostnames: ["*.example.com"]
          rules:
            - matches: [{path: {type: PathPrefix, value: /}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          clusterIP: 10.96.20.1
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-x1, namespace: shop, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: ["10.244.20.1"]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: finance-a}
        spec:
          clusterIP: 10.96.20.2
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-x1, namespace: finance-a, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: ["10.244.20.2"]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: finance-b}
        spec:
          clusterIP: 10.96.20.3
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-x1, namespace: finance-b, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: ["10.244.20.3"]}]
        """;

    private static readonly Lazy<TranslationResult> Translation = new(() =>
    {
        var read = ManifestReader.Read(Manifests, "precedence.yaml");
        Assert.DoesNotContain(read.Diagnostics, d => d.IsError);
        var result = Translator.Translate(TranslationInput.From(read.Objects));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result;
    });

    /// <summary>
    /// Each row: the request, the HTTPRoute rule/match the Gateway API says wins (<c>ns/name:i-j</c>), the APISIX
    /// URI entry it shares with its rivals (empty when the choice is made by host or URI alone), and the rivals:
    /// the other rules whose conditions also hold on that URI entry.
    /// </summary>
    [Theory]

    // Exact vs PathPrefix, prefix length.
    [InlineData("Exact /api beats the older PathPrefix /api on the same path", "GET /api", "", "shop/exact-api:0-0", "/api", "shop/prefix-api:0-0")]
    [InlineData("Exact /api beats a PathPrefix /api with a header match that holds", "GET /api", "x-a: 1", "shop/exact-api:0-0", "/api", "shop/prefix-api:0-0,shop/prefix-api-header:0-0")]
    [InlineData("only the PathPrefix serves a path below /api", "GET /api/x", "", "shop/prefix-api:0-0", "/api/*", "")]
    [InlineData("PathPrefix with a header match beats the bare PathPrefix", "GET /api/x", "x-a: 1", "shop/prefix-api-header:0-0", "/api/*", "shop/prefix-api:0-0")]
    [InlineData("the longer PathPrefix /api/v1 beats /api for a path below it", "GET /api/v1/users", "x-a: 1", "shop/prefix-api-v1:0-0", "/api/v1/*", "")]
    [InlineData("the longer PathPrefix /api/v1 serves /api/v1 itself", "GET /api/v1", "", "shop/prefix-api-v1:0-0", "/api/v1", "")]
    [InlineData("PathPrefix matches whole path elements: /api/v10 is not under /api/v1", "GET /api/v10", "", "shop/prefix-api:0-0", "/api/*", "")]

    // Method, header count, query count.
    [InlineData("only the route without conditions holds", "GET /orders", "", "shop/orders-plain:0-0", "/orders", "")]
    [InlineData("a method match beats no method match", "POST /orders", "", "shop/orders-method:0-0", "/orders", "shop/orders-plain:0-0")]
    [InlineData("a method match beats two header matches", "POST /orders", "x-tier: gold|x-region: eu", "shop/orders-method:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-header:0-0,shop/orders-two-headers:0-0")]
    [InlineData("one header match beats none", "GET /orders", "x-tier: gold", "shop/orders-one-header:0-0", "/orders", "shop/orders-plain:0-0")]
    [InlineData("two header matches beat one", "GET /orders", "x-tier: gold|x-region: eu", "shop/orders-two-headers:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-header:0-0")]
    [InlineData("header names compare case-insensitively", "GET /orders", "X-Tier: gold|X-Region: eu", "shop/orders-two-headers:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-header:0-0")]
    [InlineData("a header value that does not match leaves the plain route", "GET /orders", "x-tier: silver", "shop/orders-plain:0-0", "/orders", "")]
    [InlineData("one query match beats none", "GET /orders?debug=1", "", "shop/orders-one-query:0-0", "/orders", "shop/orders-plain:0-0")]
    [InlineData("two query matches beat one", "GET /orders?debug=1&trace=1", "", "shop/orders-two-queries:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-query:0-0")]
    [InlineData("one header match beats two query matches", "GET /orders?debug=1&trace=1", "x-tier: gold", "shop/orders-one-header:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-query:0-0,shop/orders-two-queries:0-0")]
    [InlineData("a header match beats a query match on a method no route names", "PUT /orders?debug=1", "x-tier: gold", "shop/orders-one-header:0-0", "/orders", "shop/orders-plain:0-0,shop/orders-one-query:0-0")]
    [InlineData("a query match on a path below the prefix", "GET /orders/17?debug=1", "", "shop/orders-one-query:0-0", "/orders/*", "shop/orders-plain:0-0")]

    // creationTimestamp, then {namespace}/{name}.
    [InlineData("identical matches: the older route wins over the newer", "GET /catalog", "", "shop/catalog-old:0-0", "/catalog", "shop/catalog-new:0-0")]
    [InlineData("a header match beats age: the newest route wins", "GET /catalog/shoes", "x-beta: 1", "shop/catalog-beta:0-0", "/catalog/*", "shop/catalog-old:0-0,shop/catalog-new:0-0")]
    [InlineData("same age, same namespace: the first name alphabetically wins", "GET /reports", "", "shop/reports-a:0-0", "/reports", "shop/reports-b:0-0")]
    [InlineData("same age: the first namespace alphabetically wins over a first name", "GET /ledger/2024", "", "finance-a/zzz:0-0", "/ledger/*", "finance-b/aaa:0-0")]

    // Rule order inside one route.
    [InlineData("equally specific rules: the first rule wins", "GET /dup", "x-a: 1|x-b: 1", "shop/multi:0-0", "/dup", "shop/multi:1-0,shop/multi:2-0,shop/multi:3-0")]
    [InlineData("a rule whose header fails is skipped for the next equally specific one", "GET /dup", "x-b: 1", "shop/multi:1-0", "/dup", "shop/multi:2-0,shop/multi:3-0")]
    [InlineData("identical rules without conditions: the first wins", "GET /dup/x", "", "shop/multi:2-0", "/dup/*", "shop/multi:3-0")]

    // Hostnames.
    [InlineData("an exact hostname beats an older wildcard hostname", "GET http://store.example.com/store/x", "", "shop/host-exact:0-0", "", "")]
    [InlineData("a wildcard hostname serves another subdomain", "GET http://www.example.com/store/x", "", "shop/host-wild:0-0", "", "")]
    [InlineData("no rule of the exact-hostname route matches: the wildcard-hostname route serves it", "GET http://store.example.com/orders", "", "shop/host-wild:0-0", "", "")]
    public void TheRouteTheGatewayApiPrefers_HasTheHighestPriorityAndIsChosen(string behaviour, string request, string headers, string winner, string sharedUri, string rivals)
    {
        var parsed = Parse(request, headers);
        var result = new RouteMatcher(Translation.Value).Match(parsed);
        var (winnerOwner, winnerId) = Expect(winner);

        Assert.True(result.Matched, $"{behaviour}: no route matched ({string.Join("; ", result.Reasons)})");
        Assert.Equal(winnerOwner, result.Owner);
        Assert.Equal(winnerId, result.Route!.Id);
        Assert.Null(result.Answer);
        if (sharedUri.Length == 0)
        {
            return;
        }

        var chosen = result.Route;
        Assert.Contains(sharedUri, UriEntries(chosen));
        var expectedRivals = rivals.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Expect(r).Id).ToHashSet(StringComparer.Ordinal);

        // The rivals are exactly the other routes on that URI entry whose conditions hold.
        var holding = Translation.Value.Configuration.Routes
            .Where(r => r.Id != chosen.Id && r.Hosts is null && UriEntries(r).Contains(sharedUri) && Holds(r, parsed))
            .ToList();
        Assert.Equal(expectedRivals.OrderBy(id => id, StringComparer.Ordinal), holding.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal));

        // ...and the winner's priority is above every one of them.
        foreach (var rival in holding)
        {
            Assert.True(chosen.Priority > rival.Priority, $"{behaviour}: {winner} has priority {chosen.Priority}, not above {rival.Id} ({rival.Priority})");
        }
    }

    [Fact]
    public void EveryMatch_HasItsOwnPriority()
    {
        // Equal priorities on one URI would leave the choice to APISIX's insertion order.
        var routes = Translation.Value.Configuration.Routes;
        Assert.All(routes, r => Assert.NotNull(r.Priority));
        Assert.Equal(routes.Count, routes.Select(r => r.Priority).Distinct().Count());
    }

    /// <summary>The URI entries of a route: its <c>uris</c>, or its one <c>uri</c>.</summary>
    private static List<string> UriEntries(Route route) => route.Uris?.ToList() ?? (route.Uri is { } uri ? [uri] : []);

    private static bool Holds(Route route, SimulatedRequest request) =>
        (route.Methods is not { } methods || methods.Contains(request.Method)) &&
        (route.Vars is not { } vars || ExprEvaluator.Evaluate(vars.CloneNode(), request));

    private static (ObjectRef Owner, string Id) Expect(string text)
    {
        // "ns/name:i-j"
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ns = text[..slash];
        var name = text[(slash + 1)..colon];
        return (new ObjectRef("HTTPRoute", ns, name), IdGenerator.GenId($"{ns}_{name}_{text[(colon + 1)..]}"));
    }

    private static SimulatedRequest Parse(string request, string headers)
    {
        var parsed = SimulatedRequest.Parse(request, out var error);
        Assert.True(parsed is not null, error);
        var pairs = headers.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)].Trim(), h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToArray();
        return parsed with { Headers = pairs };
    }
}
