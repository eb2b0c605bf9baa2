using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// The translated APISIX objects against APISIX's core object schemas, through <see cref="Validator.Validate"/>
/// on manifests: each rule breaks with exactly one finding at the Kubernetes field that made the value (or
/// the APISIX field), passes on the valid and edge values, follows the version profile, and adds nothing
/// where the translation or a CRD rule has reported the value already.
/// </summary>
public sealed class CoreObjectRulesTests
{
    private static readonly string Backend = TestManifests.ServiceWithEndpoint("default", "web", "10.96.0.10", "10.244.0.10");

    private static string Route(string rule, string metadata = "{name: api, namespace: default}") => $"""
        {Backend}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {metadata}
        spec:
          http:
          - {rule}
        """;

    private static string HttpRule(string match, string more = "") =>
        $"{{name: r, match: {match}, backends: [{{serviceName: web, servicePort: 80}}]{more}}}";

    private static string Consumer(string metadata) => $$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixConsumer
        metadata: {{metadata}}
        spec:
          authParameter:
            keyAuth: {value: {key: k-123456} }
        """;

    private static string Ingress(string rules, string annotations = "{}", string tls = "[]") => $$"""
        {{Backend}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: default, annotations: {{annotations}}}
        spec:
          ingressClassName: apisix
          tls: {{tls}}
          rules: {{rules}}
        """;

    /// <summary>Every diagnostic of the validation (no reader errors allowed).</summary>
    private static List<Diagnostic> Validate(string yaml, string version = "3.18", ValidationOptions? options = null)
    {
        Assert.True(ApisixVersion.TryParse(version, out var parsed));
        var read = ManifestReader.Read(yaml, "core.yaml");
        Assert.DoesNotContain(read.Diagnostics, d => d.IsError);
        return [.. Validator.Validate(TranslationInput.From(read.Objects), (options ?? ValidationOptions.Default) with { Version = parsed })];
    }

    /// <summary>The core-schema findings only.</summary>
    private static List<Diagnostic> Core(string yaml, string version = "3.18", ValidationOptions? options = null) =>
        Validate(yaml, version, options).Where(d => d.Code == DiagnosticCodes.ApisixSchemaViolation).ToList();

    private static Diagnostic Single(string yaml, string version = "3.18", ValidationOptions? options = null)
    {
        var finding = Assert.Single(Core(yaml, version, options));
        Assert.True(finding.IsError);
        return finding;
    }

    /// <summary>Exactly one finding under 3.14, on <paramref name="owner"/> at <paramref name="path"/>, saying <paramref name="text"/>; none under 3.15.</summary>
    private static void RefusedUpTo3_14(string yaml, ObjectRef owner, string path, string text)
    {
        var finding = Single(yaml, "3.14");
        Assert.Equal(owner, finding.Object);
        Assert.Equal(path, finding.Path);
        Assert.Contains(text, finding.Message, StringComparison.Ordinal);
        Assert.Empty(Core(yaml, "3.15"));
    }

    // Consumers.

    [Theory]
    [InlineData("3.12")]
    [InlineData("3.18")]
    public void ConsumerName_WithADot_MakesAUsernameAPISIXRefuses(string version)
    {
        var finding = Single(Consumer("{name: team.a, namespace: default}"), version);
        Assert.Equal(new ObjectRef("ApisixConsumer", "default", "team.a"), finding.Object);
        Assert.Equal("metadata.name", finding.Path);
        Assert.StartsWith("makes the consumer username 'default_team.a', which APISIX", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerNamespace_WithADot_IsNamedAsTheCause() =>
        Assert.Equal("metadata.namespace", Single(Consumer("{name: app, namespace: team.x}")).Path);

    [Theory]
    [InlineData("3.12")]
    [InlineData("3.18")]
    public void ConsumerName_WithHyphens_IsFine_TheyBecomeUnderscores(string version) =>
        Assert.Empty(Core(Consumer("{name: mobile-app, namespace: team-a}"), version));

    [Fact]
    public void UsernameHyphen_IsRefusedBefore3_13_AndTakenFrom3_13()
    {
        // Unreachable through ApisixConsumer (1.x makes '-' '_'), so the rule itself.
        Assert.Equal(1, CoreObjectRules.UsernameProblemAt("a-b", new ApisixVersion(3, 12)));
        Assert.Equal(-1, CoreObjectRules.UsernameProblemAt("a-b", new ApisixVersion(3, 13)));
        Assert.Equal(1, CoreObjectRules.UsernameProblemAt("a.b", new ApisixVersion(3, 13)));
    }

    [Fact]
    public void Username_Of101Characters_IsRefusedUpTo3_14_AndTakenFrom3_15()
    {
        // default_ (8) + 93 = 101.
        var name = new string('a', 93);
        RefusedUpTo3_14(Consumer($"{{name: {name}, namespace: default}}"), new ObjectRef("ApisixConsumer", "default", name), "metadata.name", "101 characters long; APISIX 3.14 allows at most 100 (256 from 3.15)");
        Assert.Empty(Core(Consumer($"{{name: {new string('a', 92)}, namespace: default}}"), "3.14"));
    }

    // Names and labels.

    [Fact]
    public void RouteName_Of101Characters_IsRefusedUpTo3_14_AtTheRuleName()
    {
        // default_api_ (12) + 89 = 101.
        var yaml = Route($"{{name: {new string('r', 89)}, match: {{paths: [/x]}}, backends: [{{serviceName: web, servicePort: 80}}]}}");
        RefusedUpTo3_14(yaml, new ObjectRef("ApisixRoute", "default", "api"), "spec.http[0].name", $"route name 'default_api_{new string('r', 89)}', 101 characters long");
    }

    [Fact]
    public void UpstreamName_OverTheLimit_PointsAtTheApisixUpstreamReference()
    {
        var name = new string('u', 95);
        var yaml = $$"""
            apiVersion: apisix.apache.org/v2
            kind: ApisixUpstream
            metadata: {name: {{name}}, namespace: default}
            spec:
              externalNodes: [{type: Domain, name: api.example.com}]
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixRoute
            metadata: {name: api, namespace: default}
            spec:
              http:
              - {name: r, match: {paths: [/x]}, upstreams: [{name: {{name}}}]}
            """;
        RefusedUpTo3_14(yaml, new ObjectRef("ApisixRoute", "default", "api"), "spec.http[0].upstreams[0].name", $"upstream name 'default_{name}', 103 characters long");
    }

    [Theory]
    [InlineData("''")]
    [InlineData("'gold tier'")]
    public void LabelValue_EmptyOrWithWhitespace_IsRefused(string value)
    {
        var finding = Single(Route(HttpRule("{paths: [/x]}"), $"{{name: api, namespace: default, labels: {{tier: {value}}}}}"));
        Assert.Equal("metadata.labels[tier]", finding.Path);
        Assert.StartsWith("label tier: the value", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadLabel_IsReportedOnce_HoweverManyRoutesCarryIt()
    {
        var rules = string.Join("\n  - ", Enumerable.Range(0, 3).Select(i => $"{{name: r{i}, match: {{paths: [/x{i}]}}, backends: [{{serviceName: web, servicePort: 80}}]}}"));
        var finding = Single(Route(rules, "{name: api, namespace: default, labels: {tier: 'gold tier'}}"));
        Assert.Equal("metadata.labels[tier]", finding.Path);
    }

    [Fact]
    public void LabelValues_OfTheObjects_AreFine() =>
        Assert.Empty(Core(Route(HttpRule("{paths: [/x]}"), "{name: api, namespace: default, labels: {tier: gold, app.kubernetes.io/name: shop}}")));

    [Fact]
    public void ConsumerLabel_Empty_IsRefusedOnTheConsumer() =>
        Assert.Equal("metadata.labels[tier]", Single(Consumer("{name: app, namespace: default, labels: {tier: ''}}")).Path);

    // Route match fields.

    [Fact]
    public void LoneWildcardIngressHost_IsRefusedUpTo3_14_AndTakenFrom3_15()
    {
        var yaml = Ingress("[{host: '*', http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]");
        RefusedUpTo3_14(yaml, new ObjectRef("Ingress", "default", "shop"), "spec.rules[0].host", "a lone * as a host is only taken from APISIX 3.15 (this is 3.14)");
    }

    [Fact]
    public void IngressHost_WithACharacterOutsideHostDef_IsRefused()
    {
        var finding = Single(Ingress("[{host: 'shop/example.com', http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]"));
        Assert.Equal("spec.rules[0].host", finding.Path);
        Assert.Equal("'shop/example.com' is not a host APISIX takes: letters, digits and - . _ [ ] :, with an optional leading *", finding.Message);
    }

    [Fact]
    public void IngressHosts_APISIXTakes_AreFine() =>
        Assert.Empty(Core(Ingress("[{host: '*.shop.example.com', http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]")));

    [Fact]
    public void LoneWildcardApisixRouteHost_IsReportedOnce_ByTheTranslation()
    {
        var diagnostics = Validate(Route(HttpRule("{hosts: ['*'], paths: [/x]}")), "3.15");
        Assert.Single(diagnostics, d => d.IsError && d.Path == "spec.http[0].match.hosts[0]");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.ApisixSchemaViolation);
    }

    [Theory]
    [InlineData("{hosts: [a.example.com, b.example.com, a.example.com], paths: [/x]}", "spec.http[0].match.hosts[2]", "host 'a.example.com' is listed twice; APISIX refuses repeated items")]
    [InlineData("{paths: [/x, /y, /x]}", "spec.http[0].match.paths[2]", "path '/x' is listed twice; APISIX refuses repeated items")]
    [InlineData("{paths: [/x], methods: [GET, POST, GET]}", "spec.http[0].match.methods[2]", "method 'GET' is listed twice; APISIX refuses repeated items")]
    [InlineData("{paths: [/x], remoteAddrs: [10.0.0.0/8, 10.0.0.0/8]}", "spec.http[0].match.remoteAddrs[1]", "address '10.0.0.0/8' is listed twice; APISIX refuses repeated items")]
    public void RepeatedMatchItems_AreRefused_AtTheRepeat(string match, string path, string message)
    {
        var finding = Single(Route(HttpRule(match)));
        Assert.Equal(path, finding.Path);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void ManyPaths_WithOneRepeat_AreCheckedWithASet()
    {
        var paths = Enumerable.Range(0, 40).Select(i => $"/p{i}").Append("/p7");
        Assert.Equal("spec.http[0].match.paths[40]", Single(Route(HttpRule($"{{paths: [{string.Join(", ", paths)}]}}"))).Path);
        Assert.Empty(Core(Route(HttpRule($"{{paths: [{string.Join(", ", Enumerable.Range(0, 40).Select(i => $"/p{i}"))}]}}"))));
    }

    [Fact]
    public void Uri_Over4096Characters_IsRefused()
    {
        var finding = Single(Route(HttpRule($"{{paths: [/{new string('a', 4096)}]}}")));
        Assert.Equal("spec.http[0].match.paths[0]", finding.Path);
        Assert.Equal("must be 1 to 4096 characters long, got 4097", finding.Message);
        Assert.Empty(Core(Route(HttpRule($"{{paths: [/{new string('a', 4095)}]}}"))));
    }

    [Theory]
    [InlineData("'10'")]
    [InlineData("10/8")]
    [InlineData("10.1/16")]
    public void RemoteAddr_TheTranslationTakesButAPISIXDoesNot_IsRefused(string address)
    {
        var finding = Single(Route(HttpRule($"{{paths: [/x], remoteAddrs: [{address}]}}")));
        Assert.Equal("spec.http[0].match.remoteAddrs[0]", finding.Path);
        Assert.Contains("is not an address APISIX takes", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteAddrs_InEveryFormAPISIXTakes_AreFine() =>
        Assert.Empty(Core(Route(HttpRule("{paths: [/x], remoteAddrs: [10.0.0.1, 10.0.0.0/8, 192.168.0.0/32, 0.0.0.0/0, '::1', '2001:db8::/32']}"))));

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.0.0.0/32", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/08", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("2001:db8::/128", true)]
    [InlineData("2001:db8::/1280", false)]
    public void RemoteAddr_Forms(string address, bool taken) => Assert.Equal(taken, CoreObjectRules.IsRemoteAddr(address));

    [Fact]
    public void IngressRoute_WithNeitherUpstreamNorPlugins_IsRefused()
    {
        const string rules = "[{host: shop.example.com, http: {paths: [{path: /assets, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: b}}}]}}]";
        var finding = Single(Ingress(rules));
        Assert.Equal("spec.rules[0].http.paths[0].backend", finding.Path);
        Assert.Equal("the route has neither an upstream nor plugins, which APISIX refuses (a plugin_config alone does not count)", finding.Message);

        // A plugin from an annotation is enough for APISIX.
        Assert.Empty(Core(Ingress(rules, "{k8s.apisix.apache.org/enable-cors: 'true'}")));
    }

    [Theory]
    [InlineData("return true", "must start with 'function' (APISIX loads it as `return <filter_func>`)")]
    [InlineData("function", "must be at least 10 characters long, got 8")]
    public void FilterFunc_WhereCodeIsAllowed_MustBeAFunction(string code, string message)
    {
        var finding = Single(Route(HttpRule("{paths: [/x], filter_func: '" + code + "'}")), options: new ValidationOptions { AllowCodeExecution = true });
        Assert.Equal("spec.http[0].match.filter_func", finding.Path);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void FilterFunc_ThatDoesNotCompile_IsRefused() =>
        Assert.Equal("spec.http[0].match.filter_func", Single(Route(HttpRule("{paths: [/x], filter_func: 'function(vars) return (vars.x == 1 end'}")), options: new ValidationOptions { AllowCodeExecution = true }).Path);

    [Fact]
    public void FilterFunc_AFunction_IsFine() =>
        Assert.Empty(Core(Route(HttpRule("{paths: [/x], filter_func: 'function(vars) return vars.arg_x == \"1\" end'}")), options: new ValidationOptions { AllowCodeExecution = true }));

    [Fact]
    public void FilterFunc_DeniedByPolicy_HasOnlyTheDenial()
    {
        var diagnostics = Validate(Route(HttpRule("{paths: [/x], filter_func: 'return true'}")));
        Assert.Equal("CodeExecutionDenied", Assert.Single(diagnostics, d => d.Path == "spec.http[0].match.filter_func").Code);
    }

    // Upstreams.

    [Fact]
    public void NodeHost_FromAnExternalNameService_APISIXDoesNotTake_IsRefused()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: legacy, namespace: default}
            spec: {type: ExternalName, externalName: 'crm corp'}
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixUpstream
            metadata: {name: crm, namespace: default}
            spec:
              externalNodes: [{type: Service, name: legacy, port: 8443}]
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixRoute
            metadata: {name: api, namespace: default}
            spec:
              http:
              - {name: r, match: {paths: [/x]}, upstreams: [{name: crm}]}
            """;
        var finding = Single(yaml);
        Assert.Equal(new ObjectRef("ApisixRoute", "default", "api"), finding.Object);
        Assert.Equal("(upstream \"default_crm\").nodes[0]", finding.Path);
        Assert.Contains("node host 'crm corp' is not a host APISIX takes", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Core(yaml.Replace("'crm corp'", "crm.corp.example.net", StringComparison.Ordinal)));
    }

    [Fact]
    public void NodePort_OutOfRange_IsRefused_NamingTheService()
    {
        var yaml = Route(HttpRule("{paths: [/x]}")).Replace("ports: [{name: http, port: 8080}]", "ports: [{name: http, port: 70000}]", StringComparison.Ordinal);
        var finding = Single(yaml);
        Assert.Equal("(upstream \"default_web_80\").nodes[0]", finding.Path);
        Assert.Equal("node port 70000 (from Service default/web) must be between 1 and 65535", finding.Message);
    }

    [Theory]
    [InlineData("vars", "http_x_user", true)]
    [InlineData("vars", "$remote_addr", true)]
    [InlineData("vars", "remote_addr", false)]
    [InlineData("vars", "arg_id", false)]
    [InlineData("header", "X User", true)]
    [InlineData("header", "X-User_1", false)]
    [InlineData("cookie", "session.id", true)]
    [InlineData("vars_combinations", "$http_x_user$remote_addr", false)]
    public void ChashKey_IsCheckedForItsHashOn_OnTheApisixUpstream(string hashOn, string key, bool refused)
    {
        var yaml = $$"""
            apiVersion: apisix.apache.org/v2
            kind: ApisixUpstream
            metadata: {name: web, namespace: default}
            spec:
              loadbalancer: {type: chash, hashOn: {{hashOn}}, key: '{{key}}'}
              portLevelSettings:
              - port: 80
                loadbalancer: {type: chash, hashOn: {{hashOn}}, key: '{{key}}'}
            """;
        var findings = Core(yaml);
        Assert.Equal(refused ? ["spec.loadbalancer.key", "spec.portLevelSettings[0].loadbalancer.key"] : [], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal(new ObjectRef("ApisixUpstream", "default", "web"), f.Object));
    }

    [Fact]
    public void HealthCheckStatus_ListedTwice_IsRefused()
    {
        var yaml = """
            apiVersion: apisix.apache.org/v2
            kind: ApisixUpstream
            metadata: {name: web, namespace: default}
            spec:
              healthCheck:
                active:
                  healthy: {interval: 2s, httpCodes: [200, 302, 200]}
                passive:
                  unhealthy: {httpCodes: [500, 503]}
            """;
        var finding = Single(yaml);
        Assert.Equal("spec.healthCheck.active.healthy.httpCodes[2]", finding.Path);
        Assert.Equal("200 is listed twice; APISIX refuses repeated status codes", finding.Message);
        Assert.Empty(Core(yaml.Replace("[200, 302, 200]", "[200, 302]", StringComparison.Ordinal)));
    }

    // SSLs and stream routes.

    [Fact]
    public void LoneWildcardTlsHost_IsRefusedUpTo3_14_AndTakenFrom3_15()
    {
        var yaml = Ingress("[]", tls: "[{hosts: ['*'], secretName: cert}]") + Certificate("CN=shop.example.com");
        RefusedUpTo3_14(yaml, new ObjectRef("Ingress", "default", "shop"), "spec.tls[0].hosts[0]", "a lone * as a host is only taken from APISIX 3.15");
    }

    [Fact]
    public void TlsEntry_WithoutHosts_WhoseCertificateNamesNone_HasNoSni()
    {
        var finding = Single(Ingress("[]", tls: "[{secretName: cert}]") + Certificate("O=Nameless"));
        Assert.Equal("spec.tls[0].secretName", finding.Path);
        Assert.StartsWith("the ssl has no SNI", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Core(Ingress("[]", tls: "[{secretName: cert}]") + Certificate("CN=shop.example.com")));
    }

    [Theory]
    [InlineData("'*'", "3.14", true)]
    [InlineData("'*'", "3.15", false)]
    [InlineData("'db example'", "3.18", true)]
    [InlineData("db.example.com", "3.14", false)]
    public void StreamRouteSni_IsAHost(string host, string version, bool refused)
    {
        var yaml = $$"""
            {{Backend}}
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixRoute
            metadata: {name: db, namespace: default}
            spec:
              stream:
              - {name: pg, protocol: TCP, match: {ingressPort: 9100, host: {{host}}}, backend: {serviceName: web, servicePort: 80} }
            """;
        Assert.Equal(refused ? ["spec.stream[0].match.host"] : [], Core(yaml, version).Select(f => f.Path));
    }

    // Global rules.

    [Fact]
    public void SamePlugin_InTwoGlobalRules_IsRefusedFrom3_15_OnTheLaterOne()
    {
        var yaml = """
            apiVersion: apisix.apache.org/v2
            kind: ApisixGlobalRule
            metadata: {name: cors, namespace: team-a}
            spec:
              plugins: [{name: cors, enable: true}]
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixGlobalRule
            metadata: {name: cors, namespace: team-b}
            spec:
              plugins: [{name: real-ip, enable: false}, {name: cors, enable: true, config: {allow_origins: '*'}}]
            """;
        var finding = Single(yaml, "3.15");
        Assert.Equal(new ObjectRef("ApisixGlobalRule", "team-b", "cors"), finding.Object);
        Assert.Equal("spec.plugins[1]", finding.Path);
        Assert.Equal("cors is also a global plugin of ApisixGlobalRule team-a/cors; APISIX 3.15 refuses a second global rule with the same plugin (merge them into one)", finding.Message);
        Assert.Empty(Core(yaml, "3.14"));
        Assert.Empty(Core(yaml.Replace("{name: cors, enable: true}]", "{name: ip-restriction, enable: true, config: {whitelist: [10.0.0.0/8]}}]", StringComparison.Ordinal), "3.15"));
    }

    [Fact]
    public void SamePlugin_InTheClusterConfigAndAGlobalRule_NamesTheMonitoringBlock()
    {
        var yaml = """
            apiVersion: apisix.apache.org/v2
            kind: ApisixClusterConfig
            metadata: {name: default}
            spec:
              monitoring: {prometheus: {enable: true}}
            ---
            apiVersion: apisix.apache.org/v2
            kind: ApisixGlobalRule
            metadata: {name: metrics, namespace: ops}
            spec:
              plugins: [{name: prometheus, enable: true}]
            """;
        // The global rule's id (a42c3d69) sorts before the cluster config's (e35e00df).
        var finding = Single(yaml);
        Assert.Equal(new ObjectRef("ApisixClusterConfig", null, "default"), finding.Object);
        Assert.Equal("spec.monitoring.prometheus", finding.Path);
        Assert.StartsWith("prometheus is also a global plugin of ApisixGlobalRule ops/metrics;", finding.Message, StringComparison.Ordinal);
    }

    // Plugin metadata.

    private static string MetadataConfigMap(string plugins) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: plugin-metadata-config-map, namespace: apisix}
        data:
          config.yaml: |
            - cluster: default
              plugins: {{plugins}}
        """;

    [Theory]
    [InlineData("[{name: authz-casbin, metadata: {model: m}}]", "InvalidPluginConfig", "plugin_metadata authz-casbin.policy: `policy` is required")]
    [InlineData("[{name: opentelemetry, metadata: {trace_id_source: uuid}}]", "InvalidPluginConfig", "plugin_metadata opentelemetry.trace_id_source: ")]
    [InlineData("[{name: error-log-logger, metadata: {a: 1}}]", "UnknownPlugin", "plugin_metadata error-log-logger: error-log-logger is not a plugin of APISIX 3.18")]
    public void PluginMetadata_IsCheckedAgainstThePluginsMetadataSchema(string plugins, string code, string message)
    {
        var finding = Assert.Single(Validate(MetadataConfigMap(plugins)));
        Assert.Equal(new ObjectRef("ConfigMap", "apisix", "plugin-metadata-config-map"), finding.Object);
        Assert.Equal("data[config.yaml]", finding.Path);
        Assert.Equal(code, finding.Code);
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);

        // A plugin the embedded schemas do not know may live in plugin_metadata alone: only a warning there.
        Assert.Equal(code != "UnknownPlugin", finding.IsError);
    }

    [Fact]
    public void PluginMetadata_ThatFitsTheSchema_OrForAPluginWithoutOne_IsFine() =>
        Assert.Empty(Validate(MetadataConfigMap("[{name: http-logger, metadata: {log_format: {host: $host}}}, {name: authz-casbin, metadata: {model: m, policy: p}}, {name: key-auth, metadata: {anything: 1}}]")));

    /// <summary>A self-signed certificate in a Secret named <c>cert</c> in <c>default</c>, subject <paramref name="subject"/>, no SANs.</summary>
    private static string Certificate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return $$"""

            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: default}
            type: kubernetes.io/tls
            stringData:
              tls.crt: |
            {{Indent(certificate.ExportCertificatePem())}}
              tls.key: |
            {{Indent(key.ExportPkcs8PrivateKeyPem())}}
            """;

        static string Indent(string pem) => string.Join("\n", pem.Split('\n').Select(line => "    " + line));
    }
}
