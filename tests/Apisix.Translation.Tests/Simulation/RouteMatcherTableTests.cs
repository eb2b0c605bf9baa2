using System.Globalization;
using System.Text.Json.Nodes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Simulation;

using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Simulation;

/// <summary>
/// Table tests for the route simulator: requests against small sets of ApisixRoute, Ingress and HTTPRoute
/// manifests, checking the route APISIX (radixtree_host_uri + lua-resty-expr) selects and what its plugins do.
/// </summary>
public sealed class RouteMatcherTableTests
{
    private const string NoRoute = "404";

    /// <summary>Five Services in namespace demo, each with one ready endpoint.</summary>
    private static readonly string Services = string.Join(
        "\n---\n",
        TestManifests.ServiceWithEndpoint("demo", "web", "10.96.0.10", "10.244.0.10"),
        TestManifests.ServiceWithEndpoint("demo", "api", "10.96.0.11", "10.244.0.11"),
        TestManifests.ServiceWithEndpoint("demo", "canary", "10.96.0.12", "10.244.0.12"),
        TestManifests.ServiceWithEndpoint("demo", "legacy", "10.96.0.13", "10.244.0.13"),
        TestManifests.ServiceWithEndpoint("demo", "admin", "10.96.0.14", "10.244.0.14"));

    /// <summary>Exact and prefix URIs, longest prefix, priority among routes on one URI, and priority against prefix length.</summary>
    private const string UriRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: paths, namespace: demo}
        spec:
          http:
            - name: exact-users
              match: {paths: ["/users"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: prefix-users
              match: {paths: ["/users/*"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: prefix-users-admin
              match: {paths: ["/users/admin/*"]}
              backends: [{serviceName: admin, servicePort: 80}]
            - name: catch-all
              priority: 1000
              match: {paths: ["/*"]}
              backends: [{serviceName: legacy, servicePort: 80}]
            - name: shop
              priority: 100
              match: {paths: ["/shop/*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: shop-cart
              match: {paths: ["/shop/cart/*"], methods: ["POST"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: orders-low
              priority: 1
              match: {paths: ["/orders/*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: orders-mid
              priority: 5
              match:
                paths: ["/orders/*"]
                exprs: [{subject: {scope: Header, name: X-Tier}, op: Equal, value: gold}]
              backends: [{serviceName: canary, servicePort: 80}]
            - name: orders-high
              priority: 10
              match: {paths: ["/orders/*"], methods: ["POST", "PUT"]}
              backends: [{serviceName: api, servicePort: 80}]
        """;

    /// <summary>Exact host, wildcard host and routes without host.</summary>
    private const string HostRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: hosts, namespace: demo}
        spec:
          http:
            - name: exact-host
              match: {hosts: ["api.example.com"], paths: ["/v1/*"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: exact-host-post
              match: {hosts: ["pay.example.com"], paths: ["/v1/*"], methods: ["POST"]}
              backends: [{serviceName: admin, servicePort: 80}]
            - name: wildcard-host
              match: {hosts: ["*.example.com"], paths: ["/v1/*", "/v3/*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: deep-wildcard-host
              match: {hosts: ["*.eu.example.com"], paths: ["/v1/*"]}
              backends: [{serviceName: canary, servicePort: 80}]
            - name: no-host
              match: {paths: ["/v1/*", "/v2/*"]}
              backends: [{serviceName: legacy, servicePort: 80}]
        """;

    /// <summary>Methods and remote_addrs (IPv4 and IPv6 CIDRs).</summary>
    private const string ConditionRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: conds, namespace: demo}
        spec:
          http:
            - name: internal-v4
              match: {paths: ["/internal/*"], remoteAddrs: ["10.0.0.0/8", "192.168.1.7"]}
              backends: [{serviceName: admin, servicePort: 80}]
            - name: internal-v6
              match: {paths: ["/internal/*"], remoteAddrs: ["2001:db8::/32"]}
              backends: [{serviceName: admin, servicePort: 80}]
            - name: writes
              match: {paths: ["/items/*"], methods: ["POST", "PUT", "DELETE"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: reads
              match: {paths: ["/items/*"], methods: ["GET", "HEAD"]}
              backends: [{serviceName: web, servicePort: 80}]
        """;

    /// <summary>One rule per exprs scope and operator, each on its own path.</summary>
    private const string ExprRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: exprs, namespace: demo}
        spec:
          http:
            - name: header-eq
              match:
                paths: ["/e/eq"]
                exprs: [{subject: {scope: Header, name: X-Env}, op: Equal, value: prod}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: header-ne
              match:
                paths: ["/e/ne"]
                exprs: [{subject: {scope: Header, name: X-Env}, op: NotEqual, value: prod}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: query-gt
              match:
                paths: ["/e/gt"]
                exprs: [{subject: {scope: Query, name: "n"}, op: GreaterThan, value: "10"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: query-ge
              match:
                paths: ["/e/ge"]
                exprs: [{subject: {scope: Query, name: "n"}, op: GreaterThanEqual, value: "10"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: query-lt
              match:
                paths: ["/e/lt"]
                exprs: [{subject: {scope: Query, name: "n"}, op: LessThan, value: "5"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: query-le
              match:
                paths: ["/e/le"]
                exprs: [{subject: {scope: Query, name: "n"}, op: LessThanEqual, value: "5"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: cookie-in
              match:
                paths: ["/e/in"]
                exprs: [{subject: {scope: Cookie, name: plan}, op: In, set: ["gold", "silver"]}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: cookie-not-in
              match:
                paths: ["/e/notin"]
                exprs: [{subject: {scope: Cookie, name: plan}, op: NotIn, set: ["banned"]}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: path-regex
              match:
                paths: ["/e/re/*"]
                exprs: [{subject: {scope: Path}, op: RegexMatch, value: "^/e/re/[0-9]+$"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: path-not-regex
              match:
                paths: ["/e/nre/*"]
                exprs: [{subject: {scope: Path}, op: RegexNotMatch, value: "\\.php$"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: header-regex-ci
              match:
                paths: ["/e/rei"]
                exprs: [{subject: {scope: Header, name: User-Agent}, op: RegexMatchCaseInsensitive, value: "^curl/"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: header-not-regex-ci
              match:
                paths: ["/e/nrei"]
                exprs: [{subject: {scope: Header, name: User-Agent}, op: RegexNotMatchCaseInsensitive, value: "bot"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: variable-port
              match:
                paths: ["/e/var"]
                exprs: [{subject: {scope: Variable, name: server_port}, op: Equal, value: "8443"}]
              backends: [{serviceName: web, servicePort: 80}]
            - name: variable-scheme-and-header
              match:
                paths: ["/e/both"]
                exprs:
                  - {subject: {scope: Variable, name: scheme}, op: Equal, value: https}
                  - {subject: {scope: Header, name: X-Beta}, op: In, set: ["1", "true"]}
              backends: [{serviceName: web, servicePort: 80}]
        """;

    /// <summary>
    /// radixtree corners: an exact path whose method fails falls to a prefix, '*' in mid-path, ':' kept literal by
    /// radixtree_host_uri, a host route against a higher-priority hostless one, a mixed-case host, a '*' host without dot.
    /// </summary>
    private const string EdgeRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: edges, namespace: demo}
        spec:
          http:
            - name: login-post
              match: {paths: ["/login"], methods: ["POST"]}
              backends: [{serviceName: admin, servicePort: 80}]
            - name: login-prefix
              match: {paths: ["/login*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: files-raw
              match: {paths: ["/files/*/raw"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: files-star
              match: {paths: ["/files/*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: user-param
              match: {paths: ["/users/:id"]}
              backends: [{serviceName: api, servicePort: 80}]
            - name: mixed-case-host
              match: {hosts: ["Mixed.Example.COM"], paths: ["/m"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: suffix-host
              match: {hosts: ["*example.org"], paths: ["/s"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: hosted
              match: {hosts: ["pri.example.com"], paths: ["/p/*"]}
              backends: [{serviceName: web, servicePort: 80}]
            - name: hostless-important
              priority: 1000
              match: {paths: ["/p/deep/*"]}
              backends: [{serviceName: admin, servicePort: 80}]
        """;

    /// <summary>Traffic-split from several backends (1.x: the first backend is the default, listed last).</summary>
    private const string SplitRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: split, namespace: demo}
        spec:
          http:
            - name: ninety-ten
              match: {paths: ["/split/*"]}
              backends:
                - {serviceName: web, servicePort: 80, weight: 90}
                - {serviceName: canary, servicePort: 80, weight: 10}
            - name: three-way
              match: {paths: ["/three/*"]}
              backends:
                - {serviceName: web, servicePort: 80, weight: 60}
                - {serviceName: canary, servicePort: 80, weight: 30}
                - {serviceName: legacy, servicePort: 80, weight: 10}
            - name: default-weight
              match: {paths: ["/even/*"]}
              backends:
                - {serviceName: web, servicePort: 80}
                - {serviceName: canary, servicePort: 80, weight: 300}
            - name: single
              match: {paths: ["/single/*"]}
              backends: [{serviceName: api, servicePort: 80}]
        """;

    /// <summary>Plugins: plugin_config + route plugins, a global rule, key-auth and basic-auth with consumers.</summary>
    private const string PluginRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixPluginConfig
        metadata: {name: base, namespace: demo}
        spec:
          plugins:
            - name: proxy-rewrite
              enable: true
              config: {headers: {set: {X-From: plugin-config, X-Base: "1"}}}
            - name: response-rewrite
              enable: true
              config: {headers: {set: {X-Served-By: apisix}}}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixGlobalRule
        metadata: {name: observability, namespace: demo}
        spec:
          plugins:
            - name: prometheus
              enable: true
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixConsumer
        metadata: {name: mobile-app, namespace: demo}
        spec:
          authParameter:
            keyAuth:
              value: {key: k-123}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixConsumer
        metadata: {name: ops, namespace: demo}
        spec:
          authParameter:
            basicAuth:
              value: {username: ops, password: s3cret}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: plugins, namespace: demo}
        spec:
          http:
            - name: decorated
              plugin_config_name: base
              match: {paths: ["/decorated/*"]}
              backends: [{serviceName: web, servicePort: 80}]
              plugins:
                - name: proxy-rewrite
                  enable: true
                  config: {headers: {set: {X-From: route}}}
            - name: keyed
              match: {paths: ["/keyed/*"]}
              backends: [{serviceName: api, servicePort: 80}]
              authentication: {enable: true, type: keyAuth, keyAuth: {header: X-API-Key}}
            - name: basic
              match: {paths: ["/basic/*"]}
              backends: [{serviceName: admin, servicePort: 80}]
              authentication: {enable: true, type: basicAuth}
            - name: plain
              match: {paths: ["/plain/*"]}
              backends: [{serviceName: legacy, servicePort: 80}]
        """;

    /// <summary>A route whose filter_func decides (Lua the simulator cannot run), next to a plain one.</summary>
    private const string LuaRoutes = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: lua, namespace: demo}
        spec:
          http:
            - name: lua-post
              match:
                paths: ["/lua/*"]
                methods: ["POST"]
                filter_func: "function(vars) return vars.arg_beta == '1' end"
              backends: [{serviceName: canary, servicePort: 80}]
            - name: lua-get
              match: {paths: ["/lua/*"], methods: ["GET"]}
              backends: [{serviceName: web, servicePort: 80}]
        """;

    /// <summary>Ingresses with k8s.apisix.apache.org annotations.</summary>
    private const string IngressRoutes = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: secure
          namespace: demo
          annotations:
            k8s.apisix.apache.org/http-to-https: "true"
        spec:
          ingressClassName: apisix
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /checkout, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: rewrite
          namespace: demo
          annotations:
            k8s.apisix.apache.org/rewrite-target: /internal/api
        spec:
          ingressClassName: apisix
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: office
          namespace: demo
          annotations:
            k8s.apisix.apache.org/allowlist-source-range: "10.0.0.0/8,2001:db8::/32"
        spec:
          ingressClassName: apisix
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /office, pathType: Prefix, backend: {service: {name: admin, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: status, namespace: demo}
        spec:
          ingressClassName: apisix
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /status, pathType: Exact, backend: {service: {name: legacy, port: {number: 80}}}}
        """;

    /// <summary>An HTTPRoute with filters and weighted backends on one Gateway.</summary>
    private const string GatewayRoutes = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: apisix}
        spec: {controllerName: apisix.apache.org/apisix-ingress-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: demo}
        spec:
          gatewayClassName: apisix
          listeners:
            - {name: http, port: 80, protocol: HTTP}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: filters, namespace: demo}
        spec:
          parentRefs: [{name: gw}]
          hostnames: ["gw.example.com"]
          rules:
            - matches: [{path: {type: PathPrefix, value: /old}}]
              filters: [{type: RequestRedirect, requestRedirect: {scheme: https, hostname: new.example.com, statusCode: 301}}]
            - matches: [{path: {type: PathPrefix, value: /v1}}]
              filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}]
              backendRefs: [{name: api, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /headers}}]
              filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set: [{name: X-Env, value: prod}]
                    add: [{name: X-Tag, value: blue}]
                    remove: [X-Debug]
              backendRefs: [{name: web, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /host}}]
              filters: [{type: URLRewrite, urlRewrite: {hostname: internal.example.com}}]
              backendRefs: [{name: web, port: 80}]
            - matches: [{path: {type: PathPrefix, value: /split}}]
              backendRefs: [{name: web, port: 80, weight: 3}, {name: canary, port: 80, weight: 1}]
            - matches: [{path: {type: PathPrefix, value: /broken}}]
              backendRefs: [{name: missing, port: 80}]
        """;

    private static readonly Dictionary<string, Lazy<RouteMatcher>> Scenarios = new(StringComparer.Ordinal)
    {
        ["uris"] = Scenario(UriRoutes),
        ["hosts"] = Scenario(HostRoutes),
        ["conditions"] = Scenario(ConditionRoutes),
        ["exprs"] = Scenario(ExprRoutes),
        ["split"] = Scenario(SplitRoutes),
        ["plugins"] = Scenario(PluginRoutes),
        ["lua"] = Scenario(LuaRoutes),
        ["ingress"] = Scenario(IngressRoutes),
        ["gateway"] = Scenario(GatewayRoutes),
        ["edges"] = Scenario(EdgeRoutes),
    };

    [Theory]

    // Exact vs prefix, longest prefix, priority.
    [InlineData("exact URI /users beats the /users/* prefix and the priority-1000 catch-all", "uris", "GET /users", "", "", "demo_paths_exact-users")]
    [InlineData("a path below /users/ takes the /users/* prefix", "uris", "GET /users/42", "", "", "demo_paths_prefix-users")]
    [InlineData("the longest prefix /users/admin/* wins over /users/*", "uris", "GET /users/admin/settings", "", "", "demo_paths_prefix-users-admin")]
    [InlineData("/users/admin is not under the /users/admin/* prefix, so /users/* serves it", "uris", "GET /users/admin", "", "", "demo_paths_prefix-users")]
    [InlineData("an unknown path falls to the catch-all /*", "uris", "GET /elsewhere/deep", "", "", "demo_paths_catch-all")]
    [InlineData("the root path is under the catch-all /*", "uris", "GET /", "", "", "demo_paths_catch-all")]
    [InlineData("URI matching is case-sensitive: /Users is not /users", "uris", "GET /Users", "", "", "demo_paths_catch-all")]
    [InlineData("a longer prefix beats a higher priority on a shorter prefix", "uris", "POST /shop/cart/1", "", "", "demo_paths_shop-cart")]
    [InlineData("the longer prefix's method fails, so the shorter prefix serves it", "uris", "GET /shop/cart/1", "", "", "demo_paths_shop")]
    [InlineData("a priority-100 route on /shop/* serves paths only it covers", "uris", "GET /shop/items", "", "", "demo_paths_shop")]
    [InlineData("same URI: the highest priority whose methods hold (10) wins", "uris", "POST /orders/1", "X-Tier: gold", "", "demo_paths_orders-high")]
    [InlineData("same URI: priority 10 fails on GET, priority 5 vars hold", "uris", "GET /orders/1", "X-Tier: gold", "", "demo_paths_orders-mid")]
    [InlineData("same URI: only the priority-1 route without conditions holds", "uris", "GET /orders/1", "X-Tier: silver", "", "demo_paths_orders-low")]
    [InlineData("same URI: PUT is in the priority-10 route's methods", "uris", "PUT /orders/9", "", "", "demo_paths_orders-high")]

    // Hosts.
    [InlineData("an exact host beats the wildcard and the hostless routes", "hosts", "GET http://api.example.com/v1/a", "", "", "demo_hosts_exact-host")]
    [InlineData("a wildcard host serves another subdomain", "hosts", "GET http://www.example.com/v1/a", "", "", "demo_hosts_wildcard-host")]
    [InlineData("a wildcard host matches several labels deep", "hosts", "GET http://a.b.example.com/v1/a", "", "", "demo_hosts_wildcard-host")]
    [InlineData("the longer wildcard *.eu.example.com beats *.example.com", "hosts", "GET http://shop.eu.example.com/v1/a", "", "", "demo_hosts_deep-wildcard-host")]
    [InlineData("*.example.com does not match the bare domain, so the hostless route serves it", "hosts", "GET http://example.com/v1/a", "", "", "demo_hosts_no-host")]
    [InlineData("an unknown host goes to the routes without host", "hosts", "GET http://other.org/v1/a", "", "", "demo_hosts_no-host")]
    [InlineData("no URI match in the exact and wildcard host buckets falls back to the hostless routes", "hosts", "GET http://api.example.com/v2/a", "", "", "demo_hosts_no-host")]
    [InlineData("no URI match in the exact host bucket falls back to the wildcard host", "hosts", "GET http://api.example.com/v3/a", "", "", "demo_hosts_wildcard-host")]
    [InlineData("a path no bucket serves for an unrelated host is 404", "hosts", "GET http://other.org/v3/a", "", "", NoRoute)]
    [InlineData("the host compares case-insensitively", "hosts", "GET http://API.Example.COM/v1/a", "", "", "demo_hosts_exact-host")]
    [InlineData("the port is not part of the host", "hosts", "GET http://api.example.com:8080/v1/a", "", "", "demo_hosts_exact-host")]
    [InlineData("the exact host route's method fails, so the wildcard host bucket is tried next", "hosts", "GET http://pay.example.com/v1/a", "", "", "demo_hosts_wildcard-host")]
    [InlineData("the exact host route serves its method", "hosts", "POST http://pay.example.com/v1/a", "", "", "demo_hosts_exact-host-post")]

    // radixtree corners and nginx's $uri and $host.
    [InlineData("the exact path serves its method", "edges", "POST /login", "", "", "demo_edges_login-post")]
    [InlineData("the exact path's method fails, so the prefix /login* (which covers /login itself) serves it", "edges", "GET /login", "", "", "demo_edges_login-prefix")]
    [InlineData("a prefix without a slash before '*' covers longer names", "edges", "GET /loginform", "", "", "demo_edges_login-prefix")]
    [InlineData("'*' in mid-path takes anything, slashes too, up to the rest of the path", "edges", "GET /files/a/b/raw", "", "", "demo_edges_files-raw")]
    [InlineData("'*' in mid-path: the rest of the path must end the request path", "edges", "GET /files/a/raw/x", "", "", "demo_edges_files-star")]
    [InlineData("'*' in mid-path: on one prefix and priority, the longer path is tried first", "edges", "GET /files/x/raw", "", "", "demo_edges_files-raw")]
    [InlineData("radixtree_host_uri reads ':id' literally, not as a parameter", "edges", "GET /users/7", "", "", NoRoute)]
    [InlineData("radixtree_host_uri: the literal path '/users/:id' matches itself", "edges", "GET /users/:id", "", "", "demo_edges_user-param")]
    [InlineData("a route host in mixed case matches (APISIX lower-cases route hosts)", "edges", "GET http://mixed.example.com/m", "", "", "demo_edges_mixed-case-host")]
    [InlineData("nginx's $host drops one trailing dot", "edges", "GET http://mixed.example.com./m", "", "", "demo_edges_mixed-case-host")]
    [InlineData("a leading '*' without a dot is a plain suffix: the bare domain matches", "edges", "GET http://example.org/s", "", "", "demo_edges_suffix-host")]
    [InlineData("a leading '*' without a dot is a plain suffix: any name ending so matches", "edges", "GET http://myexample.org/s", "", "", "demo_edges_suffix-host")]
    [InlineData("a host route beats a hostless route with a longer prefix and a higher priority", "edges", "GET http://pri.example.com/p/deep/x", "", "", "demo_edges_hosted")]
    [InlineData("the hostless route serves other hosts", "edges", "GET http://other.example.com/p/deep/x", "", "", "demo_edges_hostless-important")]
    [InlineData("repeated slashes are merged before matching (merge_slashes)", "edges", "POST //login", "", "", "demo_edges_login-post")]
    [InlineData("percent-encoded characters are decoded before matching", "edges", "POST /lo%67in", "", "", "demo_edges_login-post")]
    [InlineData("encoded dot segments are resolved before matching", "edges", "POST /x/%2E%2E/login", "", "", "demo_edges_login-post")]
    [InlineData("a trailing '/.' leaves a trailing slash", "edges", "GET /files/.", "", "", "demo_edges_files-star")]

    // Methods and remote_addrs.
    [InlineData("a client inside the IPv4 CIDR 10.0.0.0/8", "conditions", "GET /internal/x", "", "10.1.2.3", "demo_conds_internal-v4")]
    [InlineData("a client equal to the single IPv4 entry", "conditions", "GET /internal/x", "", "192.168.1.7", "demo_conds_internal-v4")]
    [InlineData("an IPv4 client outside every range is 404", "conditions", "GET /internal/x", "", "192.168.1.8", NoRoute)]
    [InlineData("a client inside the IPv6 CIDR 2001:db8::/32", "conditions", "GET /internal/x", "", "2001:db8:1::5", "demo_conds_internal-v6")]
    [InlineData("an IPv6 client outside the CIDR is 404", "conditions", "GET /internal/x", "", "2001:db9::5", NoRoute)]
    [InlineData("DELETE is one of the writes route's methods", "conditions", "DELETE /items/1", "", "", "demo_conds_writes")]
    [InlineData("HEAD is one of the reads route's methods", "conditions", "HEAD /items/1", "", "", "demo_conds_reads")]
    [InlineData("PATCH is in no route's methods: 404", "conditions", "PATCH /items/1", "", "", NoRoute)]

    // exprs: every scope and operator.
    [InlineData("Header Equal holds", "exprs", "GET /e/eq", "X-Env: prod", "", "demo_exprs_header-eq")]
    [InlineData("Header Equal: the header name is case-insensitive", "exprs", "GET /e/eq", "x-env: prod", "", "demo_exprs_header-eq")]
    [InlineData("Header Equal fails on another value", "exprs", "GET /e/eq", "X-Env: dev", "", NoRoute)]
    [InlineData("Header Equal fails when the header is absent", "exprs", "GET /e/eq", "", "", NoRoute)]
    [InlineData("Header NotEqual holds when the header is absent", "exprs", "GET /e/ne", "", "", "demo_exprs_header-ne")]
    [InlineData("Header NotEqual holds on another value", "exprs", "GET /e/ne", "X-Env: dev", "", "demo_exprs_header-ne")]
    [InlineData("Header NotEqual fails on the value", "exprs", "GET /e/ne", "X-Env: prod", "", NoRoute)]
    [InlineData("Query GreaterThan holds above", "exprs", "GET /e/gt?n=11", "", "", "demo_exprs_query-gt")]
    [InlineData("Query GreaterThan fails at equal", "exprs", "GET /e/gt?n=10", "", "", NoRoute)]
    [InlineData("Query GreaterThan fails on a non-number", "exprs", "GET /e/gt?n=abc", "", "", NoRoute)]
    [InlineData("Query GreaterThan fails when the argument is absent", "exprs", "GET /e/gt", "", "", NoRoute)]
    [InlineData("Query GreaterThanEqual holds at equal", "exprs", "GET /e/ge?n=10", "", "", "demo_exprs_query-ge")]
    [InlineData("Query GreaterThanEqual fails below", "exprs", "GET /e/ge?n=9.5", "", "", NoRoute)]
    [InlineData("Query LessThan holds below (decimal)", "exprs", "GET /e/lt?n=4.5", "", "", "demo_exprs_query-lt")]
    [InlineData("Query LessThan fails at equal", "exprs", "GET /e/lt?n=5", "", "", NoRoute)]
    [InlineData("Query LessThanEqual holds at equal", "exprs", "GET /e/le?n=5", "", "", "demo_exprs_query-le")]
    [InlineData("Query LessThanEqual fails above", "exprs", "GET /e/le?n=6", "", "", NoRoute)]
    [InlineData("Query: the first of repeated arguments counts", "exprs", "GET /e/gt?n=20&n=1", "", "", "demo_exprs_query-gt")]
    [InlineData("Cookie In holds for a listed value among other cookies", "exprs", "GET /e/in", "Cookie: theme=dark; plan=gold", "", "demo_exprs_cookie-in")]
    [InlineData("Cookie In fails on an unlisted value", "exprs", "GET /e/in", "Cookie: plan=bronze", "", NoRoute)]
    [InlineData("Cookie In fails when the cookie is absent", "exprs", "GET /e/in", "Cookie: theme=dark", "", NoRoute)]
    [InlineData("Cookie NotIn holds on an unlisted value", "exprs", "GET /e/notin", "Cookie: plan=gold", "", "demo_exprs_cookie-not-in")]
    [InlineData("Cookie NotIn holds when the cookie is absent", "exprs", "GET /e/notin", "", "", "demo_exprs_cookie-not-in")]
    [InlineData("Cookie NotIn fails on a listed value", "exprs", "GET /e/notin", "Cookie: plan=banned", "", NoRoute)]
    [InlineData("Path RegexMatch holds", "exprs", "GET /e/re/42", "", "", "demo_exprs_path-regex")]
    [InlineData("Path RegexMatch fails", "exprs", "GET /e/re/abc", "", "", NoRoute)]
    [InlineData("Path RegexNotMatch holds", "exprs", "GET /e/nre/page.html", "", "", "demo_exprs_path-not-regex")]
    [InlineData("Path RegexNotMatch fails", "exprs", "GET /e/nre/index.php", "", "", NoRoute)]
    [InlineData("Header RegexMatchCaseInsensitive holds on other case", "exprs", "GET /e/rei", "User-Agent: CURL/8.4.0", "", "demo_exprs_header-regex-ci")]
    [InlineData("Header RegexMatchCaseInsensitive fails", "exprs", "GET /e/rei", "User-Agent: Wget/1.21", "", NoRoute)]
    [InlineData("Header RegexNotMatchCaseInsensitive holds", "exprs", "GET /e/nrei", "User-Agent: Mozilla/5.0", "", "demo_exprs_header-not-regex-ci")]
    [InlineData("Header RegexNotMatchCaseInsensitive fails on other case", "exprs", "GET /e/nrei", "User-Agent: GoogleBot/2.1", "", NoRoute)]
    [InlineData("Variable server_port Equal holds on that port", "exprs", "GET https://h.example.com:8443/e/var", "", "", "demo_exprs_variable-port")]
    [InlineData("Variable server_port Equal fails on the default port", "exprs", "GET https://h.example.com/e/var", "", "", NoRoute)]
    [InlineData("several exprs: all hold", "exprs", "GET https://h.example.com/e/both", "X-Beta: true", "", "demo_exprs_variable-scheme-and-header")]
    [InlineData("several exprs: one fails (scheme)", "exprs", "GET http://h.example.com/e/both", "X-Beta: true", "", NoRoute)]
    public void Router_SelectsTheRouteApisixWould(string behaviour, string scenario, string request, string headers, string remote, string expected)
    {
        var result = Run(scenario, request, headers, remote);
        Assert.False(result.Undetermined, behaviour);
        if (expected == NoRoute)
        {
            Assert.False(result.Matched, $"{behaviour}: expected no route, got {result.Route?.Name}");
            Assert.Equal(404, result.Answer?.Status);
            return;
        }

        Assert.True(result.Matched, $"{behaviour}: no route matched ({string.Join("; ", result.Reasons)})");
        Assert.Equal(expected, result.Route!.Name);
        Assert.Equal(new ObjectRef("ApisixRoute", "demo", scenario switch
        {
            "uris" => "paths",
            "conditions" => "conds",
            _ => scenario,
        }), result.Owner);
        Assert.Null(result.Answer);
    }

    [Theory]
    [InlineData("90/10 between two backends (the first is the default entry)", "split", "GET /split/a", "canary=10@0.1;web=90@0.9")]
    [InlineData("60/30/10 between three backends", "split", "GET /three/a", "canary=30@0.3;legacy=10@0.1;web=60@0.6")]
    [InlineData("a backend without weight counts 100", "split", "GET /even/a", "canary=300@0.75;web=100@0.25")]
    [InlineData("a single backend takes every request", "split", "GET /single/a", "api=1@1")]
    [InlineData("HTTPRoute backendRefs weights 3 and 1", "gateway", "GET http://gw.example.com/split/x", "canary=1@0.25;web=3@0.75")]
    public void TrafficSplit_SharesFollowTheWeights(string behaviour, string scenario, string request, string expected)
    {
        var result = Run(scenario, request);
        Assert.True(result.Matched, behaviour);
        Assert.Null(result.Answer);
        Assert.All(result.Upstreams, u => Assert.Equal("demo", u.Backend?.Namespace));
        Assert.All(result.Upstreams, u => Assert.Equal(80, u.Backend?.Port));
        var shares = result.Upstreams
            .OrderBy(u => u.Backend?.Service, StringComparer.Ordinal)
            .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Backend?.Service}={u.Weight}@{Math.Round(u.Share, 4)}"));
        Assert.Equal(expected, string.Join(";", shares));
    }

    [Fact]
    public void Plugins_RoutePluginWinsOverPluginConfig_AndGlobalRulesAreListed()
    {
        var result = Run("plugins", "GET /decorated/page", "X-From: client");
        Assert.Equal("demo_plugins_decorated", result.Route?.Name);
        var globalRule = IdGenerator.GenId("demo_observability");
        var pluginConfig = IdGenerator.GenId("demo_base");
        var plugins = result.Plugins.Select(p => $"{p.Name}<{p.Source}").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { $"prometheus<global_rule/{globalRule}", "proxy-rewrite<route", $"response-rewrite<plugin_config/{pluginConfig}" }, plugins);

        // The route's proxy-rewrite replaces the plugin_config's whole: X-From from the route, no X-Base.
        Assert.Equal(["route"], result.UpstreamHeaders.Where(h => h.Key == "X-From").Select(h => h.Value));
        Assert.DoesNotContain(result.UpstreamHeaders, h => h.Key == "X-Base");
        Assert.Contains(new HeaderChange("set", "X-Served-By", "apisix"), result.ResponseHeaderChanges);
        Assert.Equal(new ServiceBackendSource("demo", "web", 80), Assert.Single(result.Upstreams).Backend);
    }

    [Theory]
    [InlineData("the key-auth route", "GET /keyed/x", "X-API-Key: k-123")]
    [InlineData("the basic-auth route", "GET /basic/x", "Authorization: Basic b3BzOnMzY3JldA==")]
    [InlineData("a route without plugins of its own", "GET /plain/x", "")]
    public void Plugins_GlobalRuleRunsOnEveryRoute(string behaviour, string request, string headers)
    {
        var result = Run("plugins", request, headers);
        Assert.True(result.Matched, behaviour);
        Assert.Contains(new EffectivePlugin("prometheus", $"global_rule/{IdGenerator.GenId("demo_observability")}", JsonBlob.EmptyObject), result.Plugins);
    }

    [Theory]
    [InlineData("a valid key in the configured header identifies the consumer", "GET /keyed/x", "X-API-Key: k-123", 0, "demo_mobile_app")]
    [InlineData("a valid key in the apikey query argument identifies the consumer", "GET /keyed/x?apikey=k-123", "", 0, "demo_mobile_app")]
    [InlineData("a missing key is 401", "GET /keyed/x", "", 401, null)]
    [InlineData("an unknown key is 401", "GET /keyed/x", "X-API-Key: k-999", 401, null)]
    [InlineData("a key in another header is missing: 401", "GET /keyed/x", "apikey: k-123", 401, null)]
    [InlineData("basic-auth with the right password identifies the consumer", "GET /basic/x", "Authorization: Basic b3BzOnMzY3JldA==", 0, "demo_ops")]
    [InlineData("basic-auth with a wrong password is 401", "GET /basic/x", "Authorization: Basic b3BzOndyb25n", 401, null)]
    [InlineData("basic-auth without Authorization is 401", "GET /basic/x", "", 401, null)]
    [InlineData("a key-auth key does not pass basic-auth: 401", "GET /basic/x", "X-API-Key: k-123", 401, null)]
    public void Authentication_ConsumersDecide(string behaviour, string request, string headers, int status, string? consumer)
    {
        var result = Run("plugins", request, headers);
        Assert.True(result.Matched, behaviour);
        if (status == 0)
        {
            Assert.Null(result.Answer);
            Assert.Equal(consumer, result.Consumer);
            Assert.Single(result.Upstreams);
            return;
        }

        Assert.Equal(status, result.Answer?.Status);
        Assert.EndsWith("-auth", result.Answer?.Plugin, StringComparison.Ordinal);
        Assert.Null(result.Consumer);
        Assert.Empty(result.Upstreams);
    }

    [Theory]
    [InlineData("Ingress http-to-https redirects plain HTTP with 301 and keeps path and query", "ingress", "GET http://shop.example.com/checkout/cart?step=2", "", 301, "redirect", "https://shop.example.com/checkout/cart?step=2", "Ingress demo/secure")]
    [InlineData("Ingress allowlist-source-range refuses an address outside with 403", "ingress", "GET http://shop.example.com/office/desk", "192.0.2.1", 403, "ip-restriction", null, "Ingress demo/office")]
    [InlineData("Ingress allowlist-source-range refuses an IPv6 address outside with 403", "ingress", "GET http://shop.example.com/office", "2001:db9::1", 403, "ip-restriction", null, "Ingress demo/office")]
    [InlineData("an Ingress Exact path does not serve a path below it: 404", "ingress", "GET http://shop.example.com/status/x", "", 404, null, null, null)]
    [InlineData("an Ingress host does not serve another host: 404", "ingress", "GET http://www.example.com/checkout", "", 404, null, null, null)]
    [InlineData("HTTPRoute RequestRedirect answers 301 with the new scheme and host", "gateway", "GET http://gw.example.com/old/page?x=1", "", 301, "redirect", "https://new.example.com/old/page?x=1", "HTTPRoute demo/filters")]
    [InlineData("HTTPRoute rule with an unresolvable backendRef answers 500", "gateway", "GET http://gw.example.com/broken", "", 500, "fault-injection", null, "HTTPRoute demo/filters")]
    [InlineData("an HTTPRoute with hostnames does not serve another host: 404", "gateway", "GET http://other.example.com/v1", "", 404, null, null, null)]
    public void Answers_ApisixAnswersItself(string behaviour, string scenario, string request, string remote, int status, string? plugin, string? location, string? owner)
    {
        var result = Run(scenario, request, remote: remote);
        Assert.Equal(status, result.Answer?.Status);
        Assert.Equal(plugin, result.Answer?.Plugin);
        Assert.Equal(location, result.Answer?.Location);
        Assert.Equal(owner, result.Owner?.ToString());
        Assert.Equal(owner is not null, result.Matched);
        Assert.True(result.Upstreams.IsEmpty, behaviour);
    }

    [Theory]
    [InlineData("Ingress http-to-https does not redirect HTTPS", "ingress", "GET https://shop.example.com/checkout", "", "Ingress demo/secure", "web", "/checkout", "shop.example.com")]
    [InlineData("Ingress rewrite-target replaces the upstream path", "ingress", "GET http://shop.example.com/api/orders/7", "", "Ingress demo/rewrite", "api", "/internal/api", "shop.example.com")]
    [InlineData("Ingress allowlist-source-range lets an IPv4 address inside through", "ingress", "GET http://shop.example.com/office/desk", "10.2.3.4", "Ingress demo/office", "admin", "/office/desk", "shop.example.com")]
    [InlineData("Ingress allowlist-source-range lets an IPv6 address inside through", "ingress", "GET http://shop.example.com/office", "2001:db8::9", "Ingress demo/office", "admin", "/office", "shop.example.com")]
    [InlineData("Ingress Exact path serves that path", "ingress", "GET http://shop.example.com/status", "", "Ingress demo/status", "legacy", "/status", "shop.example.com")]
    [InlineData("HTTPRoute URLRewrite ReplacePrefixMatch swaps the prefix and keeps the query", "gateway", "GET http://gw.example.com/v1/users?id=7", "", "HTTPRoute demo/filters", "api", "/v2/users?id=7", "gw.example.com")]
    [InlineData("HTTPRoute URLRewrite ReplacePrefixMatch on the prefix itself", "gateway", "GET http://gw.example.com/v1", "", "HTTPRoute demo/filters", "api", "/v2", "gw.example.com")]
    [InlineData("HTTPRoute URLRewrite hostname rewrites the upstream Host", "gateway", "GET http://gw.example.com/host/a", "", "HTTPRoute demo/filters", "web", "/host/a", "internal.example.com")]
    public void Forwarding_PathHostAndBackend(string behaviour, string scenario, string request, string remote, string owner, string service, string upstreamPath, string upstreamHost)
    {
        var result = Run(scenario, request, remote: remote);
        Assert.True(result.Matched, behaviour);
        Assert.Null(result.Answer);
        Assert.Equal(owner, result.Owner?.ToString());
        Assert.Equal(new ServiceBackendSource("demo", service, 80), Assert.Single(result.Upstreams).Backend);
        Assert.Equal(upstreamPath, result.UpstreamPath);
        Assert.Equal(upstreamHost, result.UpstreamHost);
    }

    [Fact]
    public void HttpRoute_RequestHeaderModifier_SetsAddsAndRemoves()
    {
        var result = Run("gateway", "GET http://gw.example.com/headers", "X-Env: dev|X-Debug: 1|Accept: text/plain");
        Assert.Equal(IdGenerator.GenId("demo_filters_2-0"), result.Route?.Id);
        var headers = result.UpstreamHeaders.Select(h => $"{h.Key}: {h.Value}").ToList();
        Assert.Contains("X-Env: prod", headers);
        Assert.DoesNotContain("X-Env: dev", headers);
        Assert.Contains("X-Tag: blue", headers);
        Assert.Contains("Accept: text/plain", headers);
        Assert.DoesNotContain(result.UpstreamHeaders, h => string.Equals(h.Key, "X-Debug", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("a GET skips the filter_func route on its method and is determined", "GET /lua/x?beta=1", false, "demo_lua_lua-get")]
    [InlineData("a POST reaches the filter_func route, which the simulator cannot run", "POST /lua/x?beta=1", true, null)]
    public void FilterFunc_MakesTheOutcomeUndetermined(string behaviour, string request, bool undetermined, string? route)
    {
        var result = Run("lua", request);
        Assert.True(undetermined == result.Undetermined, behaviour);
        Assert.Equal(route, result.Route?.Name);
        Assert.Null(result.Answer);
        Assert.Equal(undetermined, result.Notes.Any(n => n.Contains("filter_func", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("OR holds when one member holds", """["OR",["arg_a","==","1"],["arg_b","==","2"]]""", "GET /x?b=2", "", "", true)]
    [InlineData("OR fails when no member holds", """["OR",["arg_a","==","1"],["arg_b","==","2"]]""", "GET /x?a=2&b=3", "", "", false)]
    [InlineData("AND holds when every member holds", """["AND",["arg_a","==","1"],["arg_b","==","2"]]""", "GET /x?a=1&b=2", "", "", true)]
    [InlineData("AND fails when one member fails", """["AND",["arg_a","==","1"],["arg_b","==","2"]]""", "GET /x?a=1", "", "", false)]
    [InlineData("a list with a nested OR: all hold", """[["request_method","==","POST"],["OR",["http_x_a","==","1"],["http_x_b","==","1"]]]""", "POST /x", "X-B: 1", "", true)]
    [InlineData("a list with a nested OR: the method fails", """[["request_method","==","POST"],["OR",["http_x_a","==","1"],["http_x_b","==","1"]]]""", "GET /x", "X-B: 1", "", false)]
    [InlineData("!OR holds when no member holds", """["!OR",["arg_a","==","1"],["arg_b","==","1"]]""", "GET /x?c=1", "", "", true)]
    [InlineData("!OR fails when a member holds", """["!OR",["arg_a","==","1"],["arg_b","==","1"]]""", "GET /x?a=1", "", "", false)]
    [InlineData("!AND fails when every member holds", """["!AND",["arg_a","==","1"],["arg_b","==","1"]]""", "GET /x?a=1&b=1", "", "", false)]
    [InlineData("!AND holds when a member fails", """["!AND",["arg_a","==","1"],["arg_b","==","1"]]""", "GET /x?a=1", "", "", true)]
    [InlineData("ipmatch on a list: IPv4 inside", """[["remote_addr","ipmatch",["10.0.0.0/8","2001:db8::/32"]]]""", "GET /x", "", "10.9.8.7", true)]
    [InlineData("ipmatch on a list: IPv4 outside", """[["remote_addr","ipmatch",["10.0.0.0/8","2001:db8::/32"]]]""", "GET /x", "", "11.0.0.1", false)]
    [InlineData("ipmatch on a list: IPv6 inside", """[["remote_addr","ipmatch",["10.0.0.0/8","2001:db8::/32"]]]""", "GET /x", "", "2001:db8::1", true)]
    [InlineData("ipmatch on a single CIDR string", """[["remote_addr","ipmatch","192.168.0.0/16"]]""", "GET /x", "", "192.168.4.4", true)]
    [InlineData("ipmatch negated with !", """[["remote_addr","!","ipmatch","192.168.0.0/16"]]""", "GET /x", "", "192.168.4.4", false)]
    [InlineData("has on an absent variable fails", """[["http_x_roles","has","admin"]]""", "GET /x", "", "", false)]
    [InlineData("an empty expression holds", """[]""", "GET /x", "", "", true)]
    [InlineData("the two-element form means ==", """[["arg_a","1"]]""", "GET /x?a=1", "", "", true)]
    [InlineData("== with a number on the right compares numbers", """[["arg_v","==",2]]""", "GET /x?v=2.0", "", "", true)]
    [InlineData("~= with a number on the right holds for a non-number", """[["arg_v","~=",2]]""", "GET /x?v=abc", "", "", true)]
    [InlineData("! in holds for a method outside the set", """[["request_method","!","in",["GET","HEAD"]]]""", "POST /x", "", "", true)]
    [InlineData("~* ignores case", """[["uri","~*","^/API"]]""", "GET /api/x", "", "", true)]
    [InlineData("~~ respects case", """[["uri","~~","^/API"]]""", "GET /api/x", "", "", false)]
    [InlineData("~~ is a search, not anchored", """[["uri","~~","users"]]""", "GET /v1/users/7", "", "", true)]
    [InlineData("comparison operators are case-insensitive (IN is in)", """[["request_method","IN",["GET","HEAD"]]]""", "GET /x", "", "", true)]
    [InlineData("logical operators are case-insensitive (or is OR)", """["or",["arg_a","==","1"],["arg_b","==","2"]]""", "GET /x?b=2", "", "", true)]
    [InlineData("the two-element form lower-cases its value", """[["arg_a","ABC"]]""", "GET /x?a=ABC", "", "", false)]
    [InlineData("the two-element form lower-cases its value (lower case matches)", """[["arg_a","ABC"]]""", "GET /x?a=abc", "", "", true)]
    [InlineData("== null holds when the variable is absent", """[["http_x_a","==",null]]""", "GET /x", "", "", true)]
    [InlineData("== null fails when the variable is present", """[["http_x_a","==",null]]""", "GET /x", "X-A: 1", "", false)]
    [InlineData("~= null holds when the variable is present", """[["http_x_a","~=",null]]""", "GET /x", "X-A: 1", "", true)]
    [InlineData("== a boolean never equals a (string) variable", """[["arg_a","==",true]]""", "GET /x?a=true", "", "", false)]
    [InlineData("~= a boolean always holds for a (string) variable", """[["arg_a","~=",true]]""", "GET /x?a=true", "", "", true)]
    [InlineData("numbers are read as Lua's tonumber: hexadecimal", """[["arg_n",">",15]]""", "GET /x?n=0x10", "", "", true)]
    [InlineData("numbers are read as Lua's tonumber: surrounding spaces", """[["arg_n","==",16]]""", "GET /x?n=%2016%20", "", "", true)]
    [InlineData("$host is lower case without the port", """[["host","==","api.example.com"]]""", "GET http://API.example.com:8080/x", "", "", true)]
    public void ExprEvaluator_LuaRestyExprSemantics(string behaviour, string expression, string request, string headers, string remote, bool expected)
    {
        var parsed = Request(request, headers, remote);
        Assert.True(expected == ExprEvaluator.Evaluate(JsonNode.Parse(expression), parsed), behaviour);
    }

    [Theory]
    [InlineData("GET https://api.example.com:8443/v1/users?x=1", "GET", "https", "api.example.com", 8443, 8443, "/v1/users", "x=1")]
    [InlineData("post http://a.example.com/", "POST", "http", "a.example.com", null, 80, "/", "")]
    [InlineData("https://h.example.com/caf%C3%A9", "GET", "https", "h.example.com", null, 443, "/café", "")]
    [InlineData("/health", "GET", "http", "localhost", null, 80, "/health", "")]
    [InlineData("DELETE /items/1?force=true", "DELETE", "http", "localhost", null, 80, "/items/1", "force=true")]
    [InlineData("  HEAD   HTTP://API.Example.COM:80/x  ", "HEAD", "http", "api.example.com", null, 80, "/x", "")]
    [InlineData("GET http://h//a///b//?q=1", "GET", "http", "h", null, 80, "/a/b/", "q=1")]
    [InlineData("GET http://h/a/./b/../c", "GET", "http", "h", null, 80, "/a/c", "")]
    [InlineData("GET http://h/a/%2e%2e/%2E/b/..", "GET", "http", "h", null, 80, "/", "")]
    [InlineData("GET http://h/../../a", "GET", "http", "h", null, 80, "/a", "")]
    [InlineData("GET http://h/a%2F%2Fb", "GET", "http", "h", null, 80, "/a/b", "")]
    public void SimulatedRequest_Parse_ReadsMethodSchemeHostPortPathQuery(string text, string method, string scheme, string host, int? port, int effectivePort, string path, string query)
    {
        var request = SimulatedRequest.Parse(text, out var error);
        Assert.Null(error);
        Assert.NotNull(request);
        Assert.Equal(method, request.Method);
        Assert.Equal(scheme, request.Scheme);
        Assert.Equal(host, request.Host);
        Assert.Equal(port, request.Port);
        Assert.Equal(effectivePort, request.EffectivePort);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.Query);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET ftp://files.example.com/a")]
    [InlineData("GET not-a-url")]
    public void SimulatedRequest_Parse_RejectsWhatIsNotAnHttpRequest(string text)
    {
        Assert.Null(SimulatedRequest.Parse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static Lazy<RouteMatcher> Scenario(string manifests) => new(() =>
    {
        var read = ManifestReader.Read(Services + "\n---\n" + manifests, "table.yaml");
        Assert.DoesNotContain(read.Diagnostics, d => d.IsError);
        return new RouteMatcher(Translator.Translate(TranslationInput.From(read.Objects)));
    });

    private static MatchResult Run(string scenario, string request, string headers = "", string remote = "") =>
        Scenarios[scenario].Value.Match(Request(request, headers, remote));

    private static SimulatedRequest Request(string request, string headers, string remote)
    {
        var parsed = SimulatedRequest.Parse(request, out var error);
        Assert.True(parsed is not null, error);
        var pairs = headers.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)].Trim(), h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToArray();
        return parsed with { Headers = pairs, RemoteAddress = remote.Length == 0 ? parsed.RemoteAddress : remote };
    }
}
