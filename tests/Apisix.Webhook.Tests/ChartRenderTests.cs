using System.Text.RegularExpressions;

namespace Apisix.Webhook.Tests;

/// <summary>
/// The chart rendered (<see cref="Chart"/>) with its default values plus a caBundle (the certs/generate.sh
/// path) and with values-recommended.yaml (the cert-manager path), and the manifests read as the API server
/// would read them.
/// </summary>
public sealed partial class ChartTests
{
    private const string Bundle = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";

    private static List<Dictionary<string, object?>> WithScriptCertificates(params (string, string)[] set) =>
        Chart.Render(null, [("webhook.caBundle", Bundle), .. set]);

    private static List<Dictionary<string, object?>> Recommended(params (string, string)[] set) =>
        Chart.Render(["values-recommended.yaml"], set);

    public static TheoryData<bool> BothValueSets => new() { false, true };

    private static List<Dictionary<string, object?>> Render(bool recommended) => recommended ? Recommended() : WithScriptCertificates();

    [Theory]
    [MemberData(nameof(BothValueSets))]
    public void Deployment_RunsLockedDown_WithNoApiToken_AndReadOnlyCertificates(bool recommended)
    {
        var manifests = Render(recommended);
        var pod = manifests.Single("Deployment").Map("spec.template.spec");
        Assert.Equal(false, pod["automountServiceAccountToken"]);
        Assert.Equal(true, pod.At("securityContext.runAsNonRoot"));
        Assert.NotEqual(0L, pod.At("securityContext.runAsUser"));
        Assert.Equal("RuntimeDefault", pod.At("securityContext.seccompProfile.type"));
        Assert.Null(pod.At("hostNetwork"));

        var container = Assert.IsType<Dictionary<string, object?>>(Assert.Single(pod.List("containers")));
        Assert.Equal(false, container.At("securityContext.allowPrivilegeEscalation"));
        Assert.Equal(true, container.At("securityContext.readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], container.List("securityContext.capabilities.drop"));
        Assert.Null(container.At("securityContext.capabilities.add"));
        Assert.Null(container.At("securityContext.privileged"));
        Assert.NotNull(container.At("resources.requests.cpu"));
        Assert.NotNull(container.At("resources.requests.memory"));
        Assert.NotNull(container.At("resources.limits.memory"));

        // Probes over HTTPS on the port the webhook listens on.
        var args = container.List("args").Cast<string>().ToArray();
        var port = Assert.Single(container.List("ports")).Map("");
        Assert.Equal("https", port["name"]);
        Assert.Contains($"--listen=0.0.0.0:{port["containerPort"]}", args);
        foreach (var (probe, path) in new[] { ("readinessProbe", "/readyz"), ("livenessProbe", "/healthz") })
        {
            Assert.Equal(path, container.At($"{probe}.httpGet.path"));
            Assert.Equal("HTTPS", container.At($"{probe}.httpGet.scheme"));
            Assert.Equal("https", container.At($"{probe}.httpGet.port"));
        }

        Assert.Contains("--log-format=json", args);
        var gen0 = Assert.Single(container.List("env"), e => e.At("name") as string == "DOTNET_GCgen0size");
        Assert.Equal(((Dictionary<string, object?>)Chart.Load(Path.Combine(Chart.Directory, "values.yaml"))!).At("webhook.gcGen0Size"), gen0.At("value"));

        // Every mount of a Secret or a ConfigMap is read-only, and the flags point into those mounts.
        var volumes = pod.List("volumes").Select(v => v.Map("")).ToDictionary(v => (string)v["name"]!);
        var mounts = container.List("volumeMounts").Select(m => m.Map("")).ToArray();
        foreach (var mount in mounts.Where(m => !volumes[(string)m["name"]!].ContainsKey("emptyDir")))
        {
            Assert.Equal(true, mount["readOnly"]);
        }

        string MountOf(string volume) => (string)Assert.Single(mounts, m => (string?)m["name"] == volume)["mountPath"]!;
        Assert.Contains($"--tls-cert-file={MountOf("tls")}/tls.crt", args);
        Assert.Contains($"--tls-private-key-file={MountOf("tls")}/tls.key", args);
        if (recommended)
        {
            Assert.Contains($"--client-ca-file={MountOf("client-ca")}/ca.crt", args);
            Assert.NotNull(volumes["client-ca"].At("secret.secretName"));
        }
        else
        {
            Assert.DoesNotContain(args, a => a.StartsWith("--client-ca-file", StringComparison.Ordinal));
        }

        // The Service reaches that port, and the webhook configurations call that Service.
        var service = manifests.Single("Service");
        var servicePort = Assert.Single(service.List("spec.ports"));
        Assert.Equal("https", servicePort.At("targetPort"));
        Assert.Equal(manifests.Single("Deployment").Map("spec.selector.matchLabels"), service.Map("spec.selector"));
        foreach (var configuration in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var target = Assert.Single(manifests.Single(configuration).List("webhooks")).Map("clientConfig.service");
            Assert.Equal(service.At("metadata.name"), target["name"]);
            Assert.Equal(Chart.Namespace, target["namespace"]);
            Assert.Equal(servicePort.At("port"), target["port"]);
        }
    }

    [Fact]
    public void Availability_SeveralReplicasOnSeveralNodes_AndADisruptionBudgetThatLetsDrainsThrough()
    {
        var manifests = WithScriptCertificates();
        var deployment = manifests.Single("Deployment");
        var labels = deployment.Map("spec.template.metadata.labels");
        Assert.True((long)deployment.At("spec.replicas")! >= 2);
        Assert.True((long)Recommended().Single("Deployment").At("spec.replicas")! >= 2);

        var term = Assert.Single(deployment.List("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution")).Map("podAffinityTerm");
        Assert.Equal("kubernetes.io/hostname", term["topologyKey"]);
        Assert.Equal(labels, term.Map("labelSelector.matchLabels"));

        var budget = manifests.Single("PodDisruptionBudget");
        Assert.Equal(1L, budget.At("spec.maxUnavailable"));
        Assert.Null(budget.At("spec.minAvailable"));
        Assert.Equal(labels, budget.Map("spec.selector.matchLabels"));

        // One replica: a budget of minAvailable 1 would block every node drain, so there is none.
        Assert.DoesNotContain(WithScriptCertificates(("webhook.replicas", "1")), m => (string?)m["kind"] == "PodDisruptionBudget");

        // An affinity of one's own replaces the default one.
        var own = WithScriptCertificates(("webhook.affinity", "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}"));
        var affinity = own.Single("Deployment").Map("spec.template.spec.affinity");
        Assert.Equal(["nodeAffinity"], affinity.Keys);
    }

    [Fact]
    public void NetworkPolicy_WhenEnabled_AdmitsOnlyTheApiServerToTheWebhookPort()
    {
        Assert.DoesNotContain(WithScriptCertificates(), m => (string?)m["kind"] == "NetworkPolicy");

        var manifests = WithScriptCertificates(("webhook.networkPolicy.enabled", "true"), ("webhook.networkPolicy.apiServerCIDRs", "[10.0.0.0/28, 192.168.1.10/32]"));
        var policy = manifests.Single("NetworkPolicy");
        Assert.Equal(manifests.Single("Deployment").Map("spec.template.metadata.labels"), policy.Map("spec.podSelector.matchLabels"));
        Assert.Equal(["Ingress"], policy.List("spec.policyTypes"));
        var rule = Assert.Single(policy.List("spec.ingress"));
        var port = Assert.Single(rule.List("ports"));
        Assert.Equal(manifests.Single("Deployment").At("spec.template.spec.containers.0.ports.0.containerPort"), port.At("port"));
        Assert.Equal("TCP", port.At("protocol"));
        Assert.Equal(["10.0.0.0/28", "192.168.1.10/32"], rule.List("from").Select(peer => peer.At("ipBlock.cidr")));

        // A policy with no source would shut out the API server too: refused at install.
        var error = Assert.Throws<ChartFailure>(() => WithScriptCertificates(("webhook.networkPolicy.enabled", "true")));
        Assert.Contains("apiServerCIDRs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothValueSets))]
    public void WebhookConfigurations_AreSideEffectFree_Short_AndOnlyForCreateAndUpdate(bool recommended)
    {
        var manifests = Render(recommended);
        foreach (var (kind, failurePolicy) in new[] { ("ValidatingWebhookConfiguration", "Fail"), ("MutatingWebhookConfiguration", "Ignore") })
        {
            var webhook = Assert.Single(manifests.Single(kind).List("webhooks")).Map("");
            Assert.Equal("None", webhook["sideEffects"]);
            Assert.Equal(["v1"], webhook.List("admissionReviewVersions"));
            Assert.InRange((long)webhook["timeoutSeconds"]!, 1, 5);
            Assert.Equal("Equivalent", webhook["matchPolicy"]);
            Assert.Equal(failurePolicy, webhook["failurePolicy"]);
            foreach (var rule in webhook.List("rules"))
            {
                Assert.Equal(["CREATE", "UPDATE"], rule.List("operations"));
            }

            // kube-system is never sent to the webhook, so an outage cannot reach the control plane.
            var expression = Assert.Single(webhook.List("namespaceSelector.matchExpressions"));
            Assert.Equal("kubernetes.io/metadata.name", expression.At("key"));
            Assert.Equal("NotIn", expression.At("operator"));
            Assert.Equal(["kube-system"], expression.List("values"));
        }

        // The rendered rules are the ones the text test checks against the kinds the webhook handles.
        var validating = manifests.Single("ValidatingWebhookConfiguration").List("webhooks.0.rules");
        foreach (var (group, resources) in Validated)
        {
            var rule = Assert.Single(validating, r => r.List("apiGroups").SequenceEqual([group]));
            Assert.Equal(resources.Order(), rule.List("resources").Cast<string>().Order());
        }
    }

    [Fact]
    public void NamespaceExclusions_CanIncludeTheReleaseNamespace_AndNoneGivesNoSelector()
    {
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var own = WithScriptCertificates(("webhook.excludeReleaseNamespace", "true")).Single(kind);
            Assert.Equal(["kube-system", Chart.Namespace], own.List("webhooks.0.namespaceSelector.matchExpressions.0.values"));

            // NotIn with no values is refused by the API server: with nothing excluded there is no selector.
            var none = WithScriptCertificates(("webhook.excludedNamespaces", "[]")).Single(kind);
            Assert.Null(none.At("webhooks.0.namespaceSelector"));

            var selector = WithScriptCertificates(("webhook.objectSelector", "{matchLabels: {apisix.apache.org/validate: \"true\"}}")).Single(kind);
            Assert.Equal("true", selector.Map("webhooks.0.objectSelector.matchLabels")["apisix.apache.org/validate"]);
        }

        var error = Assert.Throws<ChartFailure>(() => WithScriptCertificates(("webhook.failurePolicy", "Never")));
        Assert.Contains("Fail or Ignore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaBundle_IsTheScriptsBundle_OrInjectedByCertManagerFromTheServingCertificate_AndNeverMissing()
    {
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            Assert.Equal(Bundle, WithScriptCertificates().Single(kind).At("webhooks.0.clientConfig.caBundle"));
            Assert.Null(WithScriptCertificates().Single(kind).At("metadata.annotations"));

            var manifests = Recommended();
            var configuration = manifests.Single(kind);
            Assert.Null(configuration.At("webhooks.0.clientConfig.caBundle"));
            var certificate = Assert.Single(manifests, m => (string?)m["kind"] == "Certificate" && m.At("spec.isCA") is null);
            Assert.Equal($"{Chart.Namespace}/{certificate.At("metadata.name")}", configuration.Map("metadata.annotations")["cert-manager.io/inject-ca-from"]);
        }

        // Neither: the API server could not verify the webhook, and with failurePolicy Fail every apply of
        // our kinds would fail. Refused at install instead.
        var error = Assert.Throws<ChartFailure>(() => Chart.Render());
        Assert.Contains("webhook.caBundle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertManager_IssuesTheServingCertificateForTheServiceNames_IntoTheSecretTheWebhookMounts()
    {
        var manifests = Recommended();
        var service = (string)manifests.Single("Service").At("metadata.name")!;
        var certificates = manifests.Where(m => (string?)m["kind"] == "Certificate").ToArray();
        var serving = Assert.Single(certificates, c => c.At("spec.isCA") is null);
        Assert.Equal([$"{service}.{Chart.Namespace}.svc", $"{service}.{Chart.Namespace}.svc.cluster.local"], serving.List("spec.dnsNames"));
        Assert.Contains("server auth", serving.List("spec.usages"));
        var tls = Assert.Single(manifests.Single("Deployment").List("spec.template.spec.volumes"), v => v.At("name") as string == "tls");
        Assert.Equal(serving.At("spec.secretName"), tls.At("secret.secretName"));

        // No issuer given: a self-signed Issuer signs a CA, and an Issuer of that CA signs the serving certificate.
        var issuers = manifests.Where(m => (string?)m["kind"] == "Issuer").ToDictionary(i => (string)i.At("metadata.name")!);
        var ca = Assert.Single(certificates, c => c.At("spec.isCA") is true);
        Assert.NotNull(issuers[(string)ca.At("spec.issuerRef.name")!].At("spec.selfSigned"));
        Assert.Equal(ca.At("spec.secretName"), issuers[(string)serving.At("spec.issuerRef.name")!].At("spec.ca.secretName"));

        // An issuer of one's own: no Issuer made, the serving certificate names it.
        var own = Recommended(("webhook.certManager.issuerRef", "{name: corp-ca, kind: ClusterIssuer}"));
        Assert.DoesNotContain(own, m => (string?)m["kind"] == "Issuer");
        var ownServing = Assert.Single(own, m => (string?)m["kind"] == "Certificate");
        Assert.Equal("corp-ca", ownServing.At("spec.issuerRef.name"));
        Assert.Equal("ClusterIssuer", ownServing.At("spec.issuerRef.kind"));
    }

    [Theory]
    [InlineData("values.yaml")]
    [InlineData("values-recommended.yaml")]
    public void Values_HoldNoSecretOrKey_AndTheChartRendersNoSecret(string file)
    {
        var values = Chart.Load(Path.Combine(Chart.Directory, file));
        foreach (var (path, value) in Leaves(values, string.Empty))
        {
            if (Regex.IsMatch(path, "(?i)(password|token|apikey|adminkey|privatekey|credential)"))
            {
                Assert.True(value is null or "", $"{file}: {path} has a default");
            }

            Assert.False(value is string s && Regex.IsMatch(s, "^[0-9a-fA-F]{32,}$"), $"{file}: {path} looks like a key");
        }

        Assert.DoesNotContain(Render(file != "values.yaml"), m => (string?)m["kind"] == "Secret");
    }

    private static IEnumerable<(string Path, object? Value)> Leaves(object? value, string path) => value switch
    {
        Dictionary<string, object?> map => map.SelectMany(p => Leaves(p.Value, $"{path}.{p.Key}")),
        List<object?> list => list.SelectMany((v, i) => Leaves(v, $"{path}[{i}]")),
        _ => [(path, value)],
    };
}
