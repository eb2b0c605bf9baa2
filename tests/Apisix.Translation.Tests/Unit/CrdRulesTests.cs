using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;
using Apisix.Translation.Validation.Crds;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// Pins every rule of <see cref="CrdRules"/>: a minimal manifest breaking just that rule gives exactly one
/// (path, message) finding; valid objects and the allowed edge values give none; several findings come in
/// field order; list indexes in the paths point at the right element.
/// </summary>
/// <remarks>
/// The reader refuses a missing or empty required name (the object is dropped), so the "is required" name
/// rules are reached with a blank name (<c>" "</c>), which the reader accepts and the rules refuse.
/// A stream rule without <c>match.ingressPort</c> is likewise refused by the reader, so that rule is
/// reached with port 0 and 65536.
/// </remarks>
public sealed class CrdRulesTests
{
    private const string Http = "{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}";
    private const string Stream = "{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}";
    private const string Secret = "secret: {name: s, namespace: ns}";
    private const string AdminKey = "auth: {type: AdminKey, adminKey: {value: k}}";
    private const string Provider = "provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180'], auth: {type: AdminKey, adminKey: {value: k}}}}";
    private const string Target = "targetRefs: [{kind: Service, name: s, sectionName: http}]";

    /// <summary>kind, spec (YAML flow), the one expected path, its message.</summary>
    public static TheoryData<string, string, string, string> BrokenRules() => new()
    {
        // ApisixRoute, rule level.
        { "ApisixRoute", "{}", "spec", "needs http or stream rules" },
        { "ApisixRoute", "{http: [{name: ' ', match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].name", "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {hosts: [a.com]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.paths", "at least one path is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], methods: [GET, FETCH]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.methods[1]", "must be one of CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], methods: [get]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.methods[0]", "must be one of CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{subject: {scope: Nowhere, name: a}, op: Equal, value: b}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[0].subject.scope", "must be one of Cookie, Header, Path, Query, Variable, Body" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{subject: {scope: Header, name: a}, op: Like, value: b}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[0].op", "must be one of Equal, NotEqual, GreaterThan, GreaterThanEqual, LessThan, LessThanEqual, In, NotIn, RegexMatch, RegexNotMatch, RegexMatchCaseInsensitive, RegexNotMatchCaseInsensitive" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{subject: {scope: Header, name: a}, op: In, value: b, set: [c]}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[0].value", "exactly one of value and set is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{subject: {scope: Header, name: a}, op: Equal}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[0].value", "exactly one of value and set is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}}]}", "spec.http[0].backends", "a rule needs backends or upstreams" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: ' ', servicePort: 80}]}]}", "spec.http[0].backends[0].serviceName", "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s}]}]}", "spec.http[0].backends[0].servicePort", "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80, resolveGranularity: pod}]}]}", "spec.http[0].backends[0].resolveGranularity", "must be one of endpoint, service" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80, weight: -1}]}]}", "spec.http[0].backends[0].weight", "must not be negative" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, upstreams: [{name: ' '}]}]}", "spec.http[0].upstreams[0].name", "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugin_config_name: ''}]}", "spec.http[0].plugin_config_name", "must not be empty" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {enable: true, type: oauth}}]}", "spec.http[0].authentication.type", "must be one of basicAuth, keyAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {enable: true}}]}", "spec.http[0].authentication.type", "must be one of basicAuth, keyAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {enable: false, type: oauth}}]}", "spec.http[0].authentication.type", "must be one of basicAuth, keyAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: ' '}]}]}", "spec.http[0].plugins[0].name", "is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: p, config: 5}]}]}", "spec.http[0].plugins[0].config", "must be an object" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: p, config: [a]}]}]}", "spec.http[0].plugins[0].config", "must be an object" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: p, secretRef: ''}]}]}", "spec.http[0].plugins[0].secretRef", "must not be empty" },

        // ApisixRoute, stream rules.
        { "ApisixRoute", "{stream: [{name: ' ', protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].name", "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: SCTP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].protocol", "must be one of TCP, UDP" },
        { "ApisixRoute", "{stream: [{name: t, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].protocol", "must be one of TCP, UDP" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 0}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].match.ingressPort", "must be between 1 and 65535" },
        { "ApisixRoute", "{stream: [{name: t, protocol: UDP, match: {ingressPort: 65536}, backend: {serviceName: s, servicePort: 80}}]}", "spec.stream[0].match.ingressPort", "must be between 1 and 65535" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: ' ', servicePort: 80}}]}", "spec.stream[0].backend.serviceName", "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}, plugins: [{name: p, config: x}]}]}", "spec.stream[0].plugins[0].config", "must be an object" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s}}]}", "spec.stream[0].backend.servicePort", "is required" },
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80, resolveGranularity: pod}}]}", "spec.stream[0].backend.resolveGranularity", "must be one of endpoint, service" },

        // ApisixUpstream, top-level settings.
        { "ApisixUpstream", "{loadbalancer: {}}", "spec.loadbalancer.type", "must be one of roundrobin, chash, ewma, least_conn" },
        { "ApisixUpstream", "{loadbalancer: {type: random}}", "spec.loadbalancer.type", "must be one of roundrobin, chash, ewma, least_conn" },
        { "ApisixUpstream", "{loadbalancer: {type: roundrobin, hashOn: ip}}", "spec.loadbalancer.hashOn", "must be one of vars, vars_combinations, header, cookie, consumer" },
        { "ApisixUpstream", "{loadbalancer: {type: chash, hashOn: header}}", "spec.loadbalancer.key", "is required for chash" },
        { "ApisixUpstream", "{loadbalancer: {type: chash}}", "spec.loadbalancer.key", "is required for chash" },
        { "ApisixUpstream", "{loadbalancer: {type: chash, hashOn: vars, key: ' '}}", "spec.loadbalancer.key", "is required for chash" },
        { "ApisixUpstream", "{scheme: tcp}", "spec.scheme", "must be one of http, https, grpc, grpcs" },
        { "ApisixUpstream", "{retries: -1}", "spec.retries", "must not be negative" },
        { "ApisixUpstream", "{passHost: keep}", "spec.passHost", "must be one of pass, node, rewrite" },
        { "ApisixUpstream", "{passHost: rewrite}", "spec.upstreamHost", "is required when passHost is rewrite" },
        { "ApisixUpstream", "{passHost: rewrite, upstreamHost: ' '}", "spec.upstreamHost", "is required when passHost is rewrite" },
        { "ApisixUpstream", "{tlsSecret: {name: t}}", "spec.tlsSecret.namespace", "is required" },
        { "ApisixUpstream", "{healthCheck: {passive: {type: tcp}}}", "spec.healthCheck.active", "is required when healthCheck is set" },
        { "ApisixUpstream", "{healthCheck: {active: {type: udp}}}", "spec.healthCheck.active.type", "must be one of http, https, tcp" },
        { "ApisixUpstream", "{healthCheck: {active: {type: http, port: 65536}}}", "spec.healthCheck.active.port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{healthCheck: {active: {type: http, port: -1}}}", "spec.healthCheck.active.port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{healthCheck: {active: {type: http}, passive: {type: udp}}}", "spec.healthCheck.passive.type", "must be one of http, https, tcp" },
        { "ApisixUpstream", "{healthCheck: {active: {type: http, port: 0}}}", "spec.healthCheck.active.port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{healthCheck: {active: {concurrency: 0}}}", "spec.healthCheck.active.concurrency", "must be at least 1" },
        { "ApisixUpstream", "{healthCheck: {active: {healthy: {interval: 1s, successes: 0}}}}", "spec.healthCheck.active.healthy.successes", "must be between 1 and 254" },
        { "ApisixUpstream", "{healthCheck: {active: {healthy: {interval: 1s, successes: 255}}}}", "spec.healthCheck.active.healthy.successes", "must be between 1 and 254" },
        { "ApisixUpstream", "{healthCheck: {active: {unhealthy: {interval: 1s, httpFailures: 0}}}}", "spec.healthCheck.active.unhealthy.httpFailures", "must be between 1 and 254" },
        { "ApisixUpstream", "{healthCheck: {active: {unhealthy: {interval: 1s, tcpFailures: 255}}}}", "spec.healthCheck.active.unhealthy.tcpFailures", "must be between 1 and 254" },
        { "ApisixUpstream", "{healthCheck: {active: {unhealthy: {interval: 1s, timeouts: 0}}}}", "spec.healthCheck.active.unhealthy.timeouts", "must be between 1 and 254" },
        { "ApisixUpstream", "{healthCheck: {active: {unhealthy: {interval: 1s, timeout: 255}}}}", "spec.healthCheck.active.unhealthy.timeouts", "must be between 1 and 254" },

        // ApisixUpstream, port-level settings, external nodes, subsets.
        { "ApisixUpstream", "{portLevelSettings: [{port: 0}]}", "spec.portLevelSettings[0].port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{portLevelSettings: [{scheme: http}]}", "spec.portLevelSettings[0].port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 65536}]}", "spec.portLevelSettings[0].port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, scheme: tcp}]}", "spec.portLevelSettings[0].scheme", "must be one of http, grpc" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, scheme: https}]}", "spec.portLevelSettings[0].scheme", "must be one of http, grpc" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, scheme: grpcs}]}", "spec.portLevelSettings[0].scheme", "must be one of http, grpc" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, subsets: [{name: v1}]}]}", "spec.portLevelSettings[0].subsets[0].labels", "at least one label is required" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, subsets: [{name: ' ', labels: {v: '1'}}]}]}", "spec.portLevelSettings[0].subsets[0].name", "is required" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, passHost: rewrite}]}", "spec.portLevelSettings[0].upstreamHost", "is required when passHost is rewrite" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, healthCheck: {active: {port: 70000}}}]}", "spec.portLevelSettings[0].healthCheck.active.port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{externalNodes: [{name: ' ', port: 80}]}", "spec.externalNodes[0].name", "is required" },
        { "ApisixUpstream", "{externalNodes: [{name: a.com, port: 0}]}", "spec.externalNodes[0].port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{externalNodes: [{name: a.com, port: 65536}]}", "spec.externalNodes[0].port", "must be between 1 and 65535" },
        { "ApisixUpstream", "{externalNodes: [{name: a.com, weight: -1}]}", "spec.externalNodes[0].weight", "must not be negative" },
        { "ApisixUpstream", "{subsets: [{name: ' ', labels: {v: '1'}}]}", "spec.subsets[0].name", "is required" },
        { "ApisixUpstream", "{subsets: [{name: v1}]}", "spec.subsets[0].labels", "at least one label is required" },

        // ApisixTls.
        { "ApisixTls", $"{{{Secret}}}", "spec.hosts", "at least one host is required" },
        { "ApisixTls", "{hosts: [a.com]}", "spec.secret", "is required" },
        { "ApisixTls", "{hosts: [a.com], secret: {name: ' ', namespace: ns}}", "spec.secret.name", "is required" },
        { "ApisixTls", "{hosts: [a.com], secret: {name: s}}", "spec.secret.namespace", "is required" },
        { "ApisixTls", $"{{hosts: [a.com], {Secret}, client: {{depth: 1}}}}", "spec.client.caSecret", "is required when client is set" },
        { "ApisixTls", $"{{hosts: [a.com], {Secret}, client: {{caSecret: {{name: c, namespace: ns}}, depth: -1}}}}", "spec.client.depth", "must not be negative" },

        // ApisixConsumer.
        { "ApisixConsumer", "{}", "spec.authParameter", "one auth method is required" },
        { "ApisixConsumer", "{authParameter: {}}", "spec.authParameter", "one auth method is required" },
        { "ApisixConsumer", "{authParameter: {keyAuth: {value: {key: k}}, basicAuth: {secretRef: {name: s}}}}", "spec.authParameter", "exactly one auth method is allowed, got keyAuth, basicAuth" },
        { "ApisixConsumer", "{authParameter: {wolfRBAC: {}}}", "spec.authParameter.wolfRBAC", "exactly one of value and secretRef is required" },
        { "ApisixConsumer", "{authParameter: {keyAuth: {value: {key: k}, secretRef: {name: s}}}}", "spec.authParameter.keyAuth", "exactly one of value and secretRef is required" },
        { "ApisixConsumer", "{plugins: [{name: ' '}]}", "spec.plugins[0].name", "is required" },
        { "ApisixConsumer", "{plugins: [{name: key-auth, config: true}]}", "spec.plugins[0].config", "must be an object" },
        { "ApisixConsumer", "{plugins: [{name: key-auth, secretRef: ''}]}", "spec.plugins[0].secretRef", "must not be empty" },

        // ApisixPluginConfig.
        { "ApisixPluginConfig", "{}", "spec.plugins", "is required" },
        { "ApisixPluginConfig", "{plugins: []}", "spec.plugins", "is required" },
        { "ApisixPluginConfig", "{plugins: [{name: ' '}]}", "spec.plugins[0].name", "is required" },
        { "ApisixPluginConfig", "{plugins: [{name: p, config: 1.5}]}", "spec.plugins[0].config", "must be an object" },
        { "ApisixPluginConfig", "{plugins: [{name: p, secretRef: ''}]}", "spec.plugins[0].secretRef", "must not be empty" },

        // ApisixGlobalRule.
        { "ApisixGlobalRule", "{}", "spec.plugins", "is required" },
        { "ApisixGlobalRule", "{plugins: []}", "spec.plugins", "is required" },
        { "ApisixGlobalRule", "{plugins: [{name: ' '}]}", "spec.plugins[0].name", "is required" },
        { "ApisixGlobalRule", "{plugins: [{name: p, config: [1]}]}", "spec.plugins[0].config", "must be an object" },
        { "ApisixGlobalRule", "{plugins: [{name: p, secretRef: ''}]}", "spec.plugins[0].secretRef", "must not be empty" },

        // ApisixClusterConfig.
        { "ApisixClusterConfig", "{admin: {baseURL: ' ', adminKey: k}}", "spec.admin.baseURL", "is required when admin is set" },
        { "ApisixClusterConfig", "{admin: {baseURL: ' '}}", "spec.admin.baseURL", "is required when admin is set" },
        { "ApisixClusterConfig", "{monitoring: {skywalking: {enable: true, sampleRatio: 0}}}", "spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1" },
        { "ApisixClusterConfig", "{monitoring: {skywalking: {enable: true, sampleRatio: 0.000009}}}", "spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1" },
        { "ApisixClusterConfig", "{monitoring: {skywalking: {enable: true, sampleRatio: 1.01}}}", "spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1" },
        { "ApisixClusterConfig", "{monitoring: {skywalking: {sampleRatio: -1}}}", "spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1" },

        // GatewayProxy (2.x v1alpha1).
        { "GatewayProxy", "{}", "spec.provider", "is required" },
        { "GatewayProxy", "{provider: {type: Other}}", "spec.provider.type", "must be one of ControlPlane" },
        { "GatewayProxy", $"{{provider: {{controlPlane: {{endpoints: ['http://a:9180'], {AdminKey}}}}}}}", "spec.provider.type", "must be one of ControlPlane" },
        { "GatewayProxy", "{provider: {type: ControlPlane}}", "spec.provider.controlPlane", "is required when type is ControlPlane" },
        { "GatewayProxy", $"{{provider: {{type: ControlPlane, controlPlane: {{endpoints: ['http://a:9180'], service: {{name: s, port: 9180}}, {AdminKey}}}}}}}", "spec.provider.controlPlane", "exactly one of endpoints and service is required" },
        { "GatewayProxy", $"{{provider: {{type: ControlPlane, controlPlane: {{mode: apisix, {AdminKey}}}}}}}", "spec.provider.controlPlane", "exactly one of endpoints and service is required" },
        { "GatewayProxy", $"{{provider: {{type: ControlPlane, controlPlane: {{service: {{name: s}}, {AdminKey}}}}}}}", "spec.provider.controlPlane.service.port", "must be between 1 and 65535" },
        { "GatewayProxy", $"{{provider: {{type: ControlPlane, controlPlane: {{service: {{name: s, port: 65536}}, {AdminKey}}}}}}}", "spec.provider.controlPlane.service.port", "must be between 1 and 65535" },
        { "GatewayProxy", $"{{provider: {{type: ControlPlane, controlPlane: {{service: {{port: 9180}}, {AdminKey}}}}}}}", "spec.provider.controlPlane.service.name", "is required" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180']}}}", "spec.provider.controlPlane.auth", "is required" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180'], auth: {type: Token, adminKey: {value: k}}}}}", "spec.provider.controlPlane.auth.type", "must be one of AdminKey" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180'], auth: {type: AdminKey}}}}", "spec.provider.controlPlane.auth.adminKey", "exactly one of value and valueFrom.secretKeyRef is required" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180'], auth: {type: AdminKey, adminKey: {valueFrom: {}}}}}}", "spec.provider.controlPlane.auth.adminKey", "exactly one of value and valueFrom.secretKeyRef is required" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {endpoints: ['http://a:9180'], auth: {type: AdminKey, adminKey: {value: k, valueFrom: {secretKeyRef: {name: s, key: k}}}}}}}", "spec.provider.controlPlane.auth.adminKey", "exactly one of value and valueFrom.secretKeyRef is required" },
        { "GatewayProxy", $"{{{Provider}, plugins: [{{name: prometheus, enabled: true, config: 1}}]}}", "spec.plugins[0].config", "must be an object" },
        { "GatewayProxy", $"{{{Provider}, pluginMetadata: {{http-logger: [a]}}}}", "spec.pluginMetadata.http-logger", "must be an object" },

        // Consumer and PluginConfig (2.x v1alpha1).
        { "Consumer", "{credentials: [{type: jwtAuth, config: {key: k}}]}", "spec.credentials[0].type", "must be one of jwt-auth, basic-auth, key-auth, hmac-auth" },
        { "Consumer", "{credentials: [{type: key-auth, name: a}]}", "spec.credentials[0]", "exactly one of config and secretRef is required" },
        { "Consumer", "{credentials: [{type: key-auth, config: {key: k}, secretRef: {name: s}}]}", "spec.credentials[0]", "exactly one of config and secretRef is required" },
        { "Consumer", "{credentials: [{type: basic-auth, config: [u]}]}", "spec.credentials[0].config", "must be an object" },
        { "Consumer", "{gatewayRef: {name: gw}, plugins: [{name: limit-count, config: 1}]}", "spec.plugins[0].config", "must be an object" },
        { "PluginConfig", "{plugins: [{name: ' '}]}", "spec.plugins[0].name", "is required" },
        { "PluginConfig", "{plugins: [{name: cors, config: x}]}", "spec.plugins[0].config", "must be an object" },

        // BackendTrafficPolicy (2.x v1alpha1): 2.x ranges and schemes.
        { "BackendTrafficPolicy", "{scheme: http}", "spec.targetRefs", "is required" },
        { "BackendTrafficPolicy", "{targetRefs: [{kind: Deployment, name: d}]}", "spec.targetRefs[0].kind", "must be Service" },
        { "BackendTrafficPolicy", "{targetRefs: [{group: apps, kind: Service, name: s}]}", "spec.targetRefs[0].group", "must be empty (the core group)" },
        { "BackendTrafficPolicy", $"{{{Target}, loadbalancer: {{type: roundrobin, key: k}}}}", "spec.loadbalancer.key", "is only allowed with chash" },
        { "BackendTrafficPolicy", $"{{{Target}, scheme: kafka}}", "spec.scheme", "must be one of http, https, grpc, grpcs, tcp, tls, udp" },
        { "BackendTrafficPolicy", $"{{{Target}, timeout: {{connect: 1m}}}}", "spec.timeout.connect", "must be a whole number of seconds such as 60s" },
        { "BackendTrafficPolicy", $"{{{Target}, timeout: {{read: '60'}}}}", "spec.timeout.read", "must be a whole number of seconds such as 60s" },
        { "BackendTrafficPolicy", $"{{{Target}, timeout: {{send: 1.5s}}}}", "spec.timeout.send", "must be a whole number of seconds such as 60s" },
        { "BackendTrafficPolicy", $"{{{Target}, healthCheck: {{active: {{timeout: 5}}}}}}", "spec.healthCheck.active.timeout", "must be a duration string such as 5s" },
        { "BackendTrafficPolicy", $"{{{Target}, healthCheck: {{passive: {{type: http}}}}}}", "spec.healthCheck.active", "is required when healthCheck is set" },
        { "BackendTrafficPolicy", $"{{{Target}, healthCheck: {{active: {{concurrency: -1}}}}}}", "spec.healthCheck.active.concurrency", "must not be negative" },
        { "BackendTrafficPolicy", $"{{{Target}, healthCheck: {{active: {{healthy: {{successes: 255}}}}}}}}", "spec.healthCheck.active.healthy.successes", "must be between 0 and 254" },
        { "BackendTrafficPolicy", $"{{{Target}, healthCheck: {{active: {{unhealthy: {{timeouts: 0}}}}}}}}", "spec.healthCheck.active.unhealthy.timeouts", "must be between 1 and 254" },

        // HTTPRoutePolicy and L4RoutePolicy (2.x v1alpha1).
        { "HTTPRoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: GRPCRoute, name: r}]}", "spec.targetRefs[0].kind", "must be one of HTTPRoute, Ingress" },
        { "HTTPRoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}], vars: {a: b}}", "spec.vars", "an expression must be an array of conditions" },
        { "L4RoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]}", "spec.targetRefs[0].kind", "must be one of TCPRoute, UDPRoute, TLSRoute" },
        { "L4RoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: TCPRoute, name: r}], plugins: [{name: p, config: 1}]}", "spec.plugins[0].config", "must be an object" },
    };

    /// <summary>kind, spec (YAML flow): valid objects, including the edge values the rules allow.</summary>
    public static TheoryData<string, string> ValidObjects() => new()
    {
        { "ApisixRoute", $"{{http: [{Http}]}}" },
        { "ApisixRoute", $"{{stream: [{Stream}]}}" },
        { "ApisixRoute", $"{{http: [{Http}], stream: [{Stream}]}}" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], methods: [CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE], exprs: [{subject: {scope: Header, name: a}, op: In, set: [b]}, {subject: {scope: Body, name: a}, op: RegexNotMatchCaseInsensitive, value: b}]}, backends: [{serviceName: s, servicePort: http, resolveGranularity: service, weight: 0}], plugin_config_name: pc, authentication: {enable: true, type: ldapAuth}, plugins: [{name: p, config: {a: 1}, secretRef: sec}]}]}" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, upstreams: [{name: u}]}]}" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {enable: false}}]}" },
        { "ApisixRoute", "{stream: [{name: t, protocol: UDP, match: {ingressPort: 1}, backend: {serviceName: s, servicePort: 53, resolveGranularity: service}}, {name: t2, protocol: TCP, match: {ingressPort: 65535}, backend: {serviceName: s, servicePort: dns, resolveGranularity: endpoint}}]}" },
        { "ApisixUpstream", "{}" },
        { "ApisixUpstream", "{loadbalancer: {type: chash, hashOn: consumer}, scheme: grpcs, retries: 0, passHost: '', tlsSecret: {name: t, namespace: ns}}" },
        { "ApisixUpstream", "{loadbalancer: {type: chash, hashOn: vars, key: remote_addr}, passHost: rewrite, upstreamHost: h.example}" },
        { "ApisixUpstream", "{loadbalancer: {type: least_conn}, passHost: node, healthCheck: {active: {type: tcp, port: 1}, passive: {type: https}}}" },
        { "ApisixUpstream", "{healthCheck: {active: {port: 65535, concurrency: 1, healthy: {interval: 1s, successes: 1}, unhealthy: {interval: 1s, httpFailures: 254, tcpFailures: 1, timeouts: 254}}}}" },
        { "ApisixUpstream", "{healthCheck: {active: {unhealthy: {interval: 1s, timeout: 1}}, passive: {healthy: {successes: 0}, unhealthy: {httpFailures: 0, tcpFailures: 0, timeouts: 0}}}}" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, scheme: grpc, subsets: [{name: v1, labels: {v: '1'}}]}, {port: 81, scheme: http}]}" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 1}, {port: 65535, loadbalancer: {type: ewma}}], externalNodes: [{name: a.com, port: 1, weight: 0}, {name: b.com}], subsets: [{name: v1, labels: {v: '1'}}]}" },
        { "ApisixTls", $"{{hosts: [a.com], {Secret}}}" },
        { "ApisixTls", $"{{hosts: [a.com], {Secret}, client: {{caSecret: {{name: c, namespace: ns}}, depth: 0}}}}" },
        { "ApisixTls", $"{{hosts: [a.com], {Secret}, client: {{caSecret: {{name: c}}}}}}" },
        { "ApisixConsumer", "{authParameter: {keyAuth: {value: {key: k}}}}" },
        { "ApisixConsumer", "{authParameter: {wolfRBAC: {value: {}}}}" },
        { "ApisixConsumer", "{authParameter: {hmacAuth: {secretRef: {name: s}}}, plugins: [{name: p}]}" },
        { "ApisixConsumer", "{plugins: [{name: key-auth, config: {key: k}, secretRef: s}]}" },
        { "ApisixPluginConfig", "{plugins: [{name: p, config: {}}]}" },
        { "ApisixGlobalRule", "{plugins: [{name: p, secretRef: s}]}" },
        { "ApisixClusterConfig", "{}" },
        { "ApisixClusterConfig", "{admin: {baseURL: 'http://apisix:9180', adminKey: k}, monitoring: {skywalking: {enable: true, sampleRatio: 0.00001}}}" },
        { "ApisixClusterConfig", "{monitoring: {prometheus: {enable: true}, skywalking: {enable: true, sampleRatio: 1}}}" },
        { "GatewayProxy", $"{{{Provider}, plugins: [{{name: prometheus, enabled: false, config: {{}}}}], pluginMetadata: {{http-logger: {{}}}}}}" },
        { "GatewayProxy", "{provider: {type: ControlPlane, controlPlane: {mode: apisix-standalone, service: {name: apisix-admin, port: 9180}, auth: {type: AdminKey, adminKey: {valueFrom: {secretKeyRef: {name: s, key: k}}}}}}}" },
        { "Consumer", "{gatewayRef: {name: gw}, credentials: [{type: hmac-auth, secretRef: {name: s}}, {type: jwt-auth, name: j, config: {key: k}}], plugins: [{name: p, config: {}}]}" },
        { "PluginConfig", "{plugins: [{name: cors}]}" },
        { "BackendTrafficPolicy", $"{{{Target}, loadbalancer: {{type: chash, hashOn: vars, key: remote_addr}}, scheme: tcp, timeout: {{connect: 60s, send: 0s}}, healthCheck: {{active: {{timeout: 5s, concurrency: 0, healthy: {{interval: 1s, successes: 0}}, unhealthy: {{interval: 1s, timeouts: 254}}}}}}}}" },
        { "HTTPRoutePolicy", "{targetRefs: [{group: networking.k8s.io, kind: Ingress, name: i}, {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, sectionName: rule}], priority: 10, vars: [[arg_a, '==', b], [http_x, '!', '~~', '^a']]}" },
        { "L4RoutePolicy", "{targetRefs: [{group: gateway.networking.k8s.io, kind: UDPRoute, name: u}, {group: gateway.networking.k8s.io, kind: TLSRoute, name: t}], plugins: [{name: p, config: {}}]}" },
    };

    /// <summary>spec (YAML flow) of an ApisixRoute or ApisixUpstream, the one expected path (its second list element).</summary>
    public static TheoryData<string, string, string, string> SecondElements() => new()
    {
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}, {name: r2, match: {paths: [/y]}, backends: [{serviceName: s, servicePort: 80}, {serviceName: s2, servicePort: 80, weight: -5}]}]}", "spec.http[1].backends[1].weight", "must not be negative" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], plugins: [{name: a, secretRef: s}, {name: b, secretRef: ''}]}]}", "spec.http[0].plugins[1].secretRef", "must not be empty" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], exprs: [{subject: {scope: Header, name: a}, op: Equal, value: b}, {subject: {scope: Header, name: a}, op: Equal, value: b, set: [c]}]}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.exprs[1].value", "exactly one of value and set is required" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, upstreams: [{name: u}, {name: ' '}]}]}", "spec.http[0].upstreams[1].name", "is required" },
        { "ApisixRoute", $"{{stream: [{Stream}, {{name: t2, protocol: TCP, match: {{ingressPort: 9001}}, backend: {{serviceName: s, servicePort: 80}}, plugins: [{{name: a}}, {{name: b, config: 1}}]}}]}}", "spec.stream[1].plugins[1].config", "must be an object" },
        { "ApisixUpstream", "{portLevelSettings: [{port: 80, loadbalancer: {type: roundrobin}}, {port: 81, loadbalancer: {type: random}}]}", "spec.portLevelSettings[1].loadbalancer.type", "must be one of roundrobin, chash, ewma, least_conn" },
        { "ApisixUpstream", "{externalNodes: [{name: a.com}, {name: b.com, weight: -1}]}", "spec.externalNodes[1].weight", "must not be negative" },
        { "ApisixUpstream", "{subsets: [{name: v1, labels: {v: '1'}}, {name: v2}]}", "spec.subsets[1].labels", "at least one label is required" },
        { "ApisixGlobalRule", "{plugins: [{name: a}, {name: ' '}]}", "spec.plugins[1].name", "is required" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void EachRule_GivesItsOneFinding(string kind, string spec, string path, string message)
    {
        var findings = CrdRules.Check(ReadOne(kind, spec));

        Assert.Equal([(path, message)], findings);
    }

    [Theory]
    [MemberData(nameof(SecondElements))]
    public void Paths_IndexTheSecondElement(string kind, string spec, string path, string message)
    {
        var findings = CrdRules.Check(ReadOne(kind, spec));

        Assert.Equal([(path, message)], findings);
    }

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public void ValidObjects_GiveNoFindings(string kind, string spec)
    {
        Assert.Empty(CrdRules.Check(ReadOne(kind, spec)));
    }

    [Fact]
    public void BackendTrafficPolicy_TargetsAtMostSixteenServices()
    {
        string Targets(int count) => $"{{targetRefs: [{string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{kind: Service, name: s{i}}}"))}]}}";

        Assert.Empty(CrdRules.Check(ReadOne("BackendTrafficPolicy", Targets(16))));
        Assert.Equal([("spec.targetRefs", "must have at most 16 items")], CrdRules.Check(ReadOne("BackendTrafficPolicy", Targets(17))));
    }

    [Fact]
    public void OtherKinds_AreNotChecked()
    {
        var read = ManifestReader.Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n", "test.yaml");

        Assert.Empty(read.Diagnostics);
        Assert.Empty(CrdRules.Check(Assert.Single(read.Objects)));
    }

    [Fact]
    public void RouteFindings_ComeInFieldOrder()
    {
        const string Spec = """
            {http: [
              {name: ' ', match: {methods: [FETCH]}, backends: [{serviceName: s, servicePort: 80, weight: -1}], plugins: [{name: p, secretRef: ''}]},
              {name: r2, match: {paths: [/y], exprs: [{subject: {scope: Nowhere, name: a}, op: Like}]}, backends: [{serviceName: ' ', resolveGranularity: pod}], plugin_config_name: '', authentication: {enable: true, type: oauth}}
            ], stream: [{name: t, protocol: SCTP, match: {ingressPort: 0}, backend: {serviceName: ' ', servicePort: 80}}]}
            """;

        var findings = CrdRules.Check(ReadOne("ApisixRoute", Spec));

        Assert.Equal(
            [
                ("spec.http[0].name", "is required"),
                ("spec.http[0].match.paths", "at least one path is required"),
                ("spec.http[0].match.methods[0]", "must be one of CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE"),
                ("spec.http[0].backends[0].weight", "must not be negative"),
                ("spec.http[0].plugins[0].secretRef", "must not be empty"),
                ("spec.http[1].match.exprs[0].subject.scope", "must be one of Cookie, Header, Path, Query, Variable, Body"),
                ("spec.http[1].match.exprs[0].op", "must be one of Equal, NotEqual, GreaterThan, GreaterThanEqual, LessThan, LessThanEqual, In, NotIn, RegexMatch, RegexNotMatch, RegexMatchCaseInsensitive, RegexNotMatchCaseInsensitive"),
                ("spec.http[1].match.exprs[0].value", "exactly one of value and set is required"),
                ("spec.http[1].backends[0].serviceName", "is required"),
                ("spec.http[1].backends[0].servicePort", "is required"),
                ("spec.http[1].backends[0].resolveGranularity", "must be one of endpoint, service"),
                ("spec.http[1].plugin_config_name", "must not be empty"),
                ("spec.http[1].authentication.type", "must be one of basicAuth, keyAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth"),
                ("spec.stream[0].protocol", "must be one of TCP, UDP"),
                ("spec.stream[0].match.ingressPort", "must be between 1 and 65535"),
                ("spec.stream[0].backend.serviceName", "is required"),
            ],
            findings);
    }

    [Fact]
    public void UpstreamFindings_ComeInFieldOrder()
    {
        // The YAML lists the fields in another order than the rules check them: the order is the rules'.
        const string Spec = """
            {subsets: [{name: v1}], externalNodes: [{name: ' ', port: 0, weight: -1}],
             portLevelSettings: [{port: 0, loadbalancer: {type: chash}, healthCheck: {}}],
             healthCheck: {active: {type: udp, port: 70000}, passive: {type: udp}}, tlsSecret: {name: t},
             passHost: rewrite, retries: -1, scheme: tcp, loadbalancer: {type: random, hashOn: ip}}
            """;

        var findings = CrdRules.Check(ReadOne("ApisixUpstream", Spec));

        Assert.Equal(
            [
                ("spec.loadbalancer.type", "must be one of roundrobin, chash, ewma, least_conn"),
                ("spec.loadbalancer.hashOn", "must be one of vars, vars_combinations, header, cookie, consumer"),
                ("spec.scheme", "must be one of http, https, grpc, grpcs"),
                ("spec.retries", "must not be negative"),
                ("spec.upstreamHost", "is required when passHost is rewrite"),
                ("spec.tlsSecret.namespace", "is required"),
                ("spec.healthCheck.active.type", "must be one of http, https, tcp"),
                ("spec.healthCheck.active.port", "must be between 1 and 65535"),
                ("spec.healthCheck.passive.type", "must be one of http, https, tcp"),
                ("spec.portLevelSettings[0].port", "must be between 1 and 65535"),
                ("spec.portLevelSettings[0].loadbalancer.key", "is required for chash"),
                ("spec.portLevelSettings[0].healthCheck.active", "is required when healthCheck is set"),
                ("spec.externalNodes[0].name", "is required"),
                ("spec.externalNodes[0].port", "must be between 1 and 65535"),
                ("spec.externalNodes[0].weight", "must not be negative"),
                ("spec.subsets[0].labels", "at least one label is required"),
            ],
            findings);
    }

    [Fact]
    public void TlsAndClusterConfigFindings_ComeInFieldOrder()
    {
        var tls = CrdRules.Check(ReadOne("ApisixTls", "{client: {depth: -2}, secret: {name: ' '}}"));
        var config = CrdRules.Check(ReadOne("ApisixClusterConfig", "{monitoring: {skywalking: {sampleRatio: 2}}, admin: {adminKey: k, baseURL: ' '}}"));

        Assert.Equal(
            [
                ("spec.hosts", "at least one host is required"),
                ("spec.secret.name", "is required"),
                ("spec.secret.namespace", "is required"),
                ("spec.client.caSecret", "is required when client is set"),
                ("spec.client.depth", "must not be negative"),
            ],
            tls);
        Assert.Equal(
            [
                ("spec.admin.baseURL", "is required when admin is set"),
                ("spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1"),
            ],
            config);
    }

    [Fact]
    public void ConsumerFindings_ComeInFieldOrder()
    {
        var findings = CrdRules.Check(ReadOne("ApisixConsumer", "{plugins: [{name: ' ', config: 1, secretRef: ''}, {name: ok, config: x}]}"));

        Assert.Equal(
            [
                ("spec.plugins[0].name", "is required"),
                ("spec.plugins[0].config", "must be an object"),
                ("spec.plugins[0].secretRef", "must not be empty"),
                ("spec.plugins[1].config", "must be an object"),
            ],
            findings);
    }

    /// <summary>Reads one object of <paramref name="kind"/> with <paramref name="spec"/>; the reader must accept it silently.</summary>
    private static Apisix.Translation.Kubernetes.KubernetesObject ReadOne(string kind, string spec)
    {
        var read = ManifestReader.Read(TestManifests.Crd(kind, spec), "test.yaml");

        Assert.Empty(read.Diagnostics);
        return Assert.Single(read.Objects);
    }
}
