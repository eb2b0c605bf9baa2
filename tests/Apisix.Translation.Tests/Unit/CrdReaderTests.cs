using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// The CRD schema rules (reference §1) that the reader applies: a field the schema does not have is a
/// warning, since the API server would drop it, and the object is still read; what the API server would
/// refuse outright (a required field missing, a list that must not be empty) is an error and the object
/// is not read.
/// </summary>
public sealed class CrdReaderTests
{
    private const string Http = "{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}";
    private const string Stream = "{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}";

    /// <summary>apisix.apache.org versions: v2beta3 was served by the 1.7 CRDs only; v2 and v1alpha1 hold different kinds.</summary>
    private static readonly string[] Versions = ["v2beta3", "v2beta2", "v2", "v1alpha1", "v1"];

    /// <summary>The seven v2 kinds and the six 2.x v1alpha1 kinds (reference §1.1), each with its version and scope.</summary>
    public static TheoryData<string, string, bool> Kinds() => new()
    {
        { "ApisixRoute", "v2", true },
        { "ApisixUpstream", "v2", true },
        { "ApisixTls", "v2", true },
        { "ApisixConsumer", "v2", true },
        { "ApisixPluginConfig", "v2", true },
        { "ApisixGlobalRule", "v2", true },
        { "ApisixClusterConfig", "v2", false },
        { "GatewayProxy", "v1alpha1", true },
        { "Consumer", "v1alpha1", true },
        { "PluginConfig", "v1alpha1", true },
        { "BackendTrafficPolicy", "v1alpha1", true },
        { "HTTPRoutePolicy", "v1alpha1", true },
        { "L4RoutePolicy", "v1alpha1", true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_IsReadInItsVersion_InItsScope(string kind, string version, bool namespaced)
    {
        string Manifest(string apiVersion, string metadata) => $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {metadata}\nspec: {{}}\n";

        var inNamespace = ManifestReader.Read(Manifest($"apisix.apache.org/{version}", "{name: x, namespace: ns}"), "test.yaml");
        var withoutNamespace = ManifestReader.Read(Manifest($"apisix.apache.org/{version}", "{name: x}"), "test.yaml");

        // A namespaced kind takes kubectl's default namespace; a cluster-scoped one has none, whatever metadata says.
        Assert.Empty(inNamespace.Diagnostics);
        Assert.Equal(new ObjectRef(kind, namespaced ? "ns" : null, "x"), Assert.Single(inNamespace.Objects).Ref);
        Assert.Equal(new ObjectRef(kind, namespaced ? "default" : null, "x"), Assert.Single(withoutNamespace.Objects).Ref);

        foreach (var other in Versions.Where(v => v != version))
        {
            var read = ManifestReader.Read(Manifest($"apisix.apache.org/{other}", "{name: x, namespace: ns}"), "test.yaml");
            Assert.Empty(read.Objects);
            var finding = Assert.Single(read.Diagnostics);
            Assert.Equal((DiagnosticSeverity.Error, DiagnosticCodes.UnknownKind, "apiVersion"), (finding.Severity, finding.Code, finding.Path));
            Assert.Equal($"{kind} is read as apisix.apache.org/{version}, not apisix.apache.org/{other}", finding.Message);
        }
    }

    /// <summary>kind, spec (YAML flow), the path of the one field the schema does not have.</summary>
    public static TheoryData<string, string, string> DroppedFields() => new()
    {
        // A stream backend has no weight (1.x and 2.x): only http backends are weighted.
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80, weight: 5}}]}", "spec.stream[0].backend.weight" },

        // Only an active health check probes, so only it has intervals.
        { "ApisixUpstream", "{healthCheck: {active: {}, passive: {healthy: {interval: 1s}}}}", "spec.healthCheck.passive.healthy.interval" },
        { "ApisixUpstream", "{healthCheck: {active: {}, passive: {unhealthy: {interval: 1s}}}}", "spec.healthCheck.passive.unhealthy.interval" },

        // A consumer's value is read whole, yet its schema lists the fields of each method (2.x adds private_key and key_id).
        { "ApisixConsumer", "{authParameter: {keyAuth: {value: {key: k, header: h}}}}", "spec.authParameter.keyAuth.value.header" },
        { "ApisixConsumer", "{authParameter: {basicAuth: {value: {username: u, password: p, key: k}}}}", "spec.authParameter.basicAuth.value.key" },
        { "ApisixConsumer", "{authParameter: {jwtAuth: {value: {key: k, private_key: p, expires: 60}}}}", "spec.authParameter.jwtAuth.value.expires" },
        { "ApisixConsumer", "{authParameter: {wolfRBAC: {value: {appId: a}}}}", "spec.authParameter.wolfRBAC.value.appId" },
        { "ApisixConsumer", "{authParameter: {hmacAuth: {value: {key_id: a, secret_key: s, signedHeaders: [x]}}}}", "spec.authParameter.hmacAuth.value.signedHeaders" },
        { "ApisixConsumer", "{authParameter: {ldapAuth: {value: {user_dn: u, password: p}}}}", "spec.authParameter.ldapAuth.value.password" },

        // The v1alpha1 spellings are not the v2 ones: a GatewayProxy plugin is enabled (not enable), a v1alpha1 plugin
        // has no secretRef, a BackendTrafficPolicy counts unhealthy timeouts (not timeout) and has no tlsSecret.
        { "GatewayProxy", "{plugins: [{name: p, enable: true}]}", "spec.plugins[0].enable" },
        { "PluginConfig", "{plugins: [{name: p, secretRef: s}]}", "spec.plugins[0].secretRef" },
        { "BackendTrafficPolicy", "{targetRefs: [{kind: Service, name: s}], healthCheck: {active: {unhealthy: {timeout: 3}}}}", "spec.healthCheck.active.unhealthy.timeout" },
        { "BackendTrafficPolicy", "{targetRefs: [{kind: Service, name: s}], tlsSecret: {name: t, namespace: ns}}", "spec.tlsSecret" },

        // clientTimeout is in the 1.x Go type but not in its CRD schema.
        { "ApisixClusterConfig", "{admin: {baseURL: 'http://apisix:9180', clientTimeout: 5s}}", "spec.admin.clientTimeout" },
    };

    [Theory]
    [MemberData(nameof(DroppedFields))]
    public void FieldOutsideTheSchema_IsAWarning_AndTheObjectIsRead(string kind, string spec, string path)
    {
        var read = Read(kind, spec);

        Assert.Single(read.Objects);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, path, "unknown field (the API server would drop it)"), (finding.Severity, finding.Code, finding.Path, finding.Message));
        Assert.Equal(new ObjectRef(kind, kind == "ApisixClusterConfig" ? null : "ns", "x"), finding.Object);
    }

    /// <summary>kind, spec (YAML flow), the one path the reader refuses, the code, the message.</summary>
    public static TheoryData<string, string, string, string, string> RefusedFields() => new()
    {
        // authentication.enable is required in 1.x and 2.x alike.
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {type: keyAuth}}]}", "spec.http[0].authentication.enable", DiagnosticCodes.RequiredField, "is required" },

        // Required strings (1.x minLength 1) and objects, each at its own path.
        { "ApisixRoute", "{http: [{match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: '', match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].name", DiagnosticCodes.RequiredField, "must not be empty" },
        { "ApisixRoute", "{http: [{name: r, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: null, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{op: Equal, value: v}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[0].subject", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{servicePort: 80}]}]}", "spec.http[0].backends[0].serviceName", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, upstreams: [{weight: 1}]}]}", "spec.http[0].upstreams[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{enable: true}]}]}", "spec.http[0].plugins[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: ''}]}]}", "spec.http[0].plugins[0].name", DiagnosticCodes.RequiredField, "must not be empty" },
        { "ApisixRoute", "{stream: [{protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].match", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {host: a.com}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].match.ingressPort", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}}]}", "spec.stream[0].backend", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {servicePort: 80}}]}", "spec.stream[0].backend.serviceName", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixUpstream", "{tlsSecret: {namespace: ns}}", "spec.tlsSecret.name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixUpstream", "{discovery: {type: dns}}", "spec.discovery.serviceName", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixUpstream", "{discovery: {serviceName: s}}", "spec.discovery.type", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixUpstream", "{externalNodes: [{type: Domain}]}", "spec.externalNodes[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixUpstream", "{subsets: [{labels: {v: '1'}}]}", "spec.subsets[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixTls", "{hosts: [a.com], secret: {namespace: ns}}", "spec.secret.name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixTls", "{hosts: [a.com], secret: {name: s, namespace: ns}, client: {caSecret: {namespace: ns}}}", "spec.client.caSecret.name", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixConsumer", "{authParameter: {keyAuth: {secretRef: {}}}}", "spec.authParameter.keyAuth.secretRef.name", DiagnosticCodes.RequiredField, "is required" },

        // 1.x minItems 1: a list that is given has an item, even where another list could stand in for it.
        { "ApisixRoute", $"{{http: [], stream: [{Stream}]}}", "spec.http", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", $"{{http: [{Http}], stream: []}}", "spec.stream", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], hosts: []}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.hosts", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [], upstreams: [{name: u}]}]}", "spec.http[0].backends", DiagnosticCodes.SchemaViolation, "must have at least one item" },

        // v1alpha1: required names and keys, and lists that must have an item.
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: [], auth: {type: AdminKey, adminKey: {value: k}}}}}", "spec.provider.controlPlane.endpoints", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: [a], auth: {type: AdminKey, adminKey: {valueFrom: {secretKeyRef: {name: s}}}}}}}", "spec.provider.controlPlane.auth.adminKey.valueFrom.secretKeyRef.key", DiagnosticCodes.RequiredField, "is required" },
        { "Consumer", "{gatewayRef: {kind: Gateway}}", "spec.gatewayRef.name", DiagnosticCodes.RequiredField, "is required" },
        { "Consumer", "{credentials: [{config: {key: k}}]}", "spec.credentials[0].type", DiagnosticCodes.RequiredField, "is required" },
        { "Consumer", "{credentials: [{type: key-auth, secretRef: {namespace: ns}}]}", "spec.credentials[0].secretRef.name", DiagnosticCodes.RequiredField, "is required" },
        { "PluginConfig", "{plugins: [{config: {}}]}", "spec.plugins[0].name", DiagnosticCodes.RequiredField, "is required" },
        { "BackendTrafficPolicy", "{targetRefs: []}", "spec.targetRefs", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "L4RoutePolicy", "{targetRefs: [{kind: TCPRoute}]}", "spec.targetRefs[0].name", DiagnosticCodes.RequiredField, "is required" },

        // admin.baseURL is required (and not empty) once admin is given.
        { "ApisixClusterConfig", "{admin: {adminKey: k}}", "spec.admin.baseURL", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixClusterConfig", "{admin: {baseURL: ''}}", "spec.admin.baseURL", DiagnosticCodes.RequiredField, "must not be empty" },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public void RefusedField_IsAnError_AndTheObjectIsNotRead(string kind, string spec, string path, string code, string message)
    {
        var read = Read(kind, spec);

        Assert.Empty(read.Objects);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, code, path, message), (finding.Severity, finding.Code, finding.Path, finding.Message));
        Assert.Equal(new ObjectRef(kind, kind == "ApisixClusterConfig" ? null : "ns", "x"), finding.Object);
    }

    /// <summary>kind, a spec (YAML flow) that gives every field the kind's schema has: 1.x and 2.x for v2, and the v1alpha1 kinds.</summary>
    public static TheoryData<string, string> EveryField() => new()
    {
        {
            "ApisixRoute",
            """
            {ingressClassName: apisix,
             http: [{name: r, priority: 1, timeout: {connect: 5s, send: 5s, read: 1m}, websocket: true,
               match: {paths: [/x], hosts: [a.com], methods: [GET], remoteAddrs: [10.0.0.0/8], filter_func: 'function(vars) return true end',
                 exprs: [{subject: {scope: Header, name: a}, op: Equal, value: b}, {subject: {scope: Body, name: q}, op: In, set: [c]}]},
               plugin_config_name: pc, plugin_config_namespace: other,
               backends: [{serviceName: s, servicePort: 80, resolveGranularity: service, weight: 10, subset: v1}],
               upstreams: [{name: u, weight: 5}],
               plugins: [{name: cors, enable: true, config: {}, secretRef: sec}],
               authentication: {enable: true, type: keyAuth, keyAuth: {header: apikey}, jwtAuth: {header: h, query: q, cookie: c},
                 ldapAuth: {base_dn: b, ldap_uri: u, use_tls: false, uid: cn}}}],
             stream: [{name: t, protocol: UDP, match: {ingressPort: 9000, host: a.com},
               backend: {serviceName: s, servicePort: dns, resolveGranularity: endpoint, subset: v1}, plugins: [{name: p, enable: false}]}]}
            """
        },
        {
            "ApisixUpstream",
            """
            {ingressClassName: apisix, externalNodes: [{name: a.com, type: Domain, weight: 1, port: 443}],
             discovery: {serviceName: s, type: dns, args: {a: b}}, loadbalancer: {type: chash, hashOn: header, key: x},
             scheme: https, retries: 2, timeout: {connect: 1s, read: 2s, send: 3s}, passHost: rewrite, upstreamHost: b.com,
             tlsSecret: {name: t, namespace: ns},
             healthCheck: {
               active: {type: http, timeout: 5s, concurrency: 2, host: h, port: 8080, httpPath: /h, strictTLS: false, requestHeaders: ['a: b'],
                 healthy: {interval: 1s, httpCodes: [200], successes: 2}, unhealthy: {interval: 1s, httpCodes: [500], httpFailures: 3, tcpFailures: 3, timeouts: 3}},
               passive: {type: http, healthy: {httpCodes: [200], successes: 2}, unhealthy: {httpCodes: [500], httpFailures: 3, tcpFailures: 3, timeout: 3}}},
             subsets: [{name: v1, labels: {v: '1'}}],
             portLevelSettings: [{port: 80, loadbalancer: {type: roundrobin}, scheme: grpc, retries: 1, timeout: {read: 1s},
               healthCheck: {active: {type: tcp}}, passHost: node, upstreamHost: c.com, tlsSecret: {name: t, namespace: ns},
               discovery: {serviceName: s, type: dns}, subsets: [{name: v2, labels: {v: '2'}}]}]}
            """
        },
        {
            "ApisixTls",
            "{ingressClassName: apisix, hosts: ['*.a.com'], secret: {name: s, namespace: ns}, client: {caSecret: {name: c, namespace: ns}, depth: 1, skip_mtls_uri_regex: [/x]}}"
        },
        {
            "ApisixConsumer",
            """
            {ingressClassName: apisix, plugins: [{name: limit-count, enable: true, config: {count: 1}}],
             authParameter: {
               basicAuth: {value: {username: u, password: p}}, keyAuth: {secretRef: {name: s}},
               jwtAuth: {value: {key: k, secret: s, public_key: p, private_key: q, algorithm: HS256, exp: 60, base64_secret: false, lifetime_grace_period: 0}},
               wolfRBAC: {value: {server: s, appid: a, header_prefix: h}},
               hmacAuth: {value: {key_id: i, access_key: a, secret_key: s, algorithm: hmac-sha256, clock_skew: 1, signed_headers: [x],
                 keep_headers: true, encode_uri_params: true, validate_request_body: true, max_req_body: 10}},
               ldapAuth: {value: {user_dn: cn}}}}
            """
        },
        { "ApisixPluginConfig", "{ingressClassName: apisix, plugins: [{name: cors, enable: true, config: {}, secretRef: s}]}" },
        { "ApisixGlobalRule", "{ingressClassName: apisix, plugins: [{name: cors, enable: true, config: {}, secretRef: s}]}" },
        {
            "ApisixClusterConfig",
            "{ingressClassName: apisix, admin: {baseURL: 'http://apisix:9180', adminKey: k}, monitoring: {prometheus: {enable: true, prefer_name: true}, skywalking: {enable: true, sampleRatio: 0.5}}}"
        },
        {
            "GatewayProxy",
            """
            {publishService: apisix/apisix-gateway, statusAddress: [10.0.0.1],
             provider: {type: ControlPlane, controlPlane: {mode: apisix, endpoints: ['http://apisix:9180'], service: {name: apisix-admin, port: 9180},
               tlsVerify: false, auth: {type: AdminKey, adminKey: {value: k, valueFrom: {secretKeyRef: {name: s, key: k}}}}}},
             plugins: [{name: prometheus, enabled: true, config: {}}], pluginMetadata: {http-logger: {log_format: {}}}}
            """
        },
        {
            "Consumer",
            """
            {gatewayRef: {name: gw, kind: Gateway, group: gateway.networking.k8s.io, namespace: ns},
             credentials: [{type: key-auth, name: k, config: {key: k}, secretRef: {name: s, namespace: ns}}],
             plugins: [{name: limit-count, config: {count: 1}}]}
            """
        },
        { "PluginConfig", "{plugins: [{name: cors, config: {}}]}" },
        {
            "BackendTrafficPolicy",
            """
            {targetRefs: [{group: '', kind: Service, name: s, sectionName: http}], loadbalancer: {type: chash, hashOn: vars, key: remote_addr},
             scheme: http, retries: 1, timeout: {connect: 60s, send: 60s, read: 60s}, passHost: rewrite, upstreamHost: a.com,
             healthCheck: {
               active: {type: http, timeout: 5s, concurrency: 1, host: h, port: 80, httpPath: /, strictTLS: true, requestHeaders: ['a: b'],
                 healthy: {interval: 1s, httpCodes: [200], successes: 1}, unhealthy: {interval: 1s, httpCodes: [500], httpFailures: 1, tcpFailures: 1, timeouts: 1}},
               passive: {type: http, healthy: {httpCodes: [200], successes: 1}, unhealthy: {httpCodes: [500], httpFailures: 1, tcpFailures: 1, timeouts: 1}}}}
            """
        },
        { "HTTPRoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, sectionName: rule}], priority: 10, vars: [[arg_a, '==', b]]}" },
        { "L4RoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: TCPRoute, name: r, sectionName: s}], plugins: [{name: ip-restriction, config: {}}]}" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public void EveryFieldOfTheSchema_IsRead(string kind, string spec)
    {
        var read = ManifestReader.Read(TestManifests.Crd(kind, spec) + "status: {conditions: [{type: ResourcesAvailable, status: 'True'}]}\n", "test.yaml");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(kind, Assert.Single(read.Objects).Kind);
    }

    private static ManifestReadResult Read(string kind, string spec) => ManifestReader.Read(TestManifests.Crd(kind, spec), "test.yaml");
}
