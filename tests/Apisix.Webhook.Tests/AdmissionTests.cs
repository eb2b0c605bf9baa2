using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Apisix.Webhook.Tests;

/// <summary>The webhook over real HTTPS on loopback: decisions, warnings, patches and refusals.</summary>
public sealed class AdmissionTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = new();
    private WebhookServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await WebhookServer.Start(_certificates, requireClientCertificate: false);
        _client = _server.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    private async Task<JsonObject> Post(string path, string body) =>
        await WebhookServer.Review(await _client.PostAsync(path, WebhookServer.Json(body)));

    [Fact]
    public async Task ValidRoute_IsAllowed_WithAWarningForTheServiceItCannotSee()
    {
        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route));
        Assert.Equal("705ab4f5-6393-11e8-b7cc-42010a800002", response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Contains(response["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("Service shop/api not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARouteWhoseServiceItCannotSee_IsStillCheckedWhole_AsItWillBeTranslated()
    {
        // Without its Service the route would make no APISIX route here, and what APISIX refuses in it (a
        // path listed twice, an address it does not take) would pass: the dry run assumes the Service.
        var route = Fixtures.Route.Replace("\"paths\":[\"/v1/*\"]", "\"paths\":[\"/v1/*\",\"/v1/*\"],\"remoteAddrs\":[\"10/8\"]", StringComparison.Ordinal);
        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", route));

        Assert.False(response["allowed"]!.GetValue<bool>(), response.ToJsonString());
        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.Contains("- spec.http[0].match.paths[1]: path '/v1/*' is listed twice", message, StringComparison.Ordinal);
        Assert.Contains("- spec.http[0].match.remoteAddrs[0]: '10/8' is not an address APISIX takes", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", message, StringComparison.Ordinal);
        Assert.Contains(response["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("Service shop/api not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidRoute_IsDenied_WithEveryErrorAndItsFieldPath()
    {
        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.BadRoute));
        Assert.False(response["allowed"]!.GetValue<bool>());
        Assert.Equal(403, response["status"]!["code"]!.GetValue<int>());
        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.Contains("ApisixRoute shop/api is invalid:", message, StringComparison.Ordinal);
        Assert.Contains("spec.http[0].plugins[0].config.rejected_code: must be between 200 and 599, got 600", message, StringComparison.Ordinal);
        Assert.Contains("spec.http[0].match.methods[0]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apisix.apache.org", "ApisixUpstream", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},"spec":{"loadbalancer":{"type":"fastest"}}}""", false)]
    [InlineData("apisix.apache.org", "ApisixUpstream", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},"spec":{"retries":2}}""", true)]
    [InlineData("apisix.apache.org", "ApisixTls", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixTls","metadata":{"name":"t","namespace":"shop"},"spec":{"hosts":["a.example.com"],"secret":{"name":"s","namespace":"shop"}}}""", true)]
    [InlineData("apisix.apache.org", "ApisixTls", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixTls","metadata":{"name":"t","namespace":"shop"},"spec":{"hosts":[],"secret":{"name":"s","namespace":"shop"}}}""", false)]
    [InlineData("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"keyAuth":{"value":{"key":"k"}}}}}""", true)]
    [InlineData("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"basicAuth":{"value":{"username":"u"}}}}}""", false)]
    [InlineData("apisix.apache.org", "ApisixPluginConfig", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixPluginConfig","metadata":{"name":"p","namespace":"shop"},"spec":{"plugins":[{"name":"cors","enable":true,"config":{}}]}}""", true)]
    [InlineData("apisix.apache.org", "ApisixPluginConfig", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixPluginConfig","metadata":{"name":"p","namespace":"shop"},"spec":{"plugins":[{"name":"no-such-plugin","enable":true,"config":{}}]}}""", false)]
    [InlineData("apisix.apache.org", "ApisixGlobalRule", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixGlobalRule","metadata":{"name":"g","namespace":"shop"},"spec":{"plugins":[{"name":"serverless-pre-function","enable":true,"config":{"functions":["return function() end"]}}]}}""", false)]
    [InlineData("apisix.apache.org", "ApisixClusterConfig", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixClusterConfig","metadata":{"name":"default"},"spec":{"admin":{"baseURL":"http://apisix-admin:9180","adminKey":"edd1c9f034335f136f87ad84b625c8f1"}}}""", false)]
    [InlineData("networking.k8s.io", "Ingress", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"shop","annotations":{"k8s.apisix.apache.org/http-redirect-code":"200","k8s.apisix.apache.org/http-redirect":"/x"}},"spec":{"ingressClassName":"apisix","defaultBackend":{"service":{"name":"web","port":{"number":80}}}}}""", false)]
    [InlineData("networking.k8s.io", "Ingress", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"shop","annotations":{"k8s.apisix.apache.org/http-redirect-code":"200"}},"spec":{"ingressClassName":"nginx"}}""", true)]
    [InlineData("networking.k8s.io", "IngressClass", """{"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"apisix"},"spec":{"controller":"apisix.apache.org/apisix-ingress-controller"}}""", true)]
    [InlineData("gateway.networking.k8s.io", "HTTPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"web","port":80}]}]}}""", true)]
    [InlineData("gateway.networking.k8s.io", "Gateway", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"gw","namespace":"shop"},"spec":{"gatewayClassName":"apisix","listeners":[{"name":"http","port":"eighty","protocol":"HTTP"}]}}""", false)]
    [InlineData("gateway.networking.k8s.io", "GRPCRoute", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"GRPCRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"web","port":80}]}]}}""", true)]
    [InlineData("gateway.networking.k8s.io", "TCPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1alpha2","kind":"TCPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"db","port":5432}]}]}}""", true)]
    [InlineData("gateway.networking.k8s.io", "TCPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1alpha2","kind":"TCPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"db","port":"x"}]}]}}""", false)]
    [InlineData("gateway.networking.k8s.io", "UDPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1alpha2","kind":"UDPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"dns","port":53}]}]}}""", true)]
    [InlineData("gateway.networking.k8s.io", "TLSRoute", """{"apiVersion":"gateway.networking.k8s.io/v1alpha2","kind":"TLSRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"hostnames":["a.example.com"],"rules":[{"backendRefs":[{"name":"web","port":443}]}]}}""", true)]
    [InlineData("gateway.networking.k8s.io", "GatewayClass", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"GatewayClass","metadata":{"name":"apisix"},"spec":{"controllerName":"apisix.apache.org/apisix-ingress-controller"}}""", true)]
    [InlineData("gateway.networking.k8s.io", "ReferenceGrant", """{"apiVersion":"gateway.networking.k8s.io/v1beta1","kind":"ReferenceGrant","metadata":{"name":"g","namespace":"shop"},"spec":{"from":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","namespace":"web"}],"to":[{"group":"","kind":"Service"}]}}""", true)]
    [InlineData("apisix.apache.org", "ApisixUpstream", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"}}""", false)] // 1.x: Spec cannot be empty
    [InlineData("apisix.apache.org", "ApisixTls", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixTls","metadata":{"name":"t","namespace":"shop"}}""", false)]
    [InlineData("networking.k8s.io", "IngressClass", """{"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx","parameters":{"kind":"X"}}}""", true)]
    [InlineData("", "ConfigMap", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"shop"},"data":{"a":"b"}}""", true)]
    public async Task EveryKind_IsAllowedOrDenied(string group, string kind, string obj, bool allowed)
    {
        var response = await Post("/validate", Fixtures.Review(group, kind, obj));
        Assert.True(allowed == response["allowed"]!.GetValue<bool>(), response.ToJsonString());
    }

    [Theory]
    [InlineData("apisix.apache.org", "ApisixTls", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixTls","metadata":{"name":"t","namespace":"shop"},"spec":{"hosts":["a.example.com"],"secret":{"name":"cert","namespace":"shop"}}}""", "spec.secret: Secret shop/cert not found")]
    [InlineData("networking.k8s.io", "Ingress", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"shop"},"spec":{"ingressClassName":"apisix","tls":[{"hosts":["a.example.com"],"secretName":"cert"}],"defaultBackend":{"service":{"name":"web","port":{"number":80}}}}}""", "Secret shop/cert not found")]
    [InlineData("gateway.networking.k8s.io", "HTTPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"matches":[{"path":{"type":"RegularExpression","value":"(a"}}],"backendRefs":[{"name":"web","port":80}]}]}}""", "spec.rules[0].matches[0].path.value: '(a' is not a valid regular expression")]
    [InlineData("gateway.networking.k8s.io", "HTTPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"name":"web","port":80}]}]}}""", "Gateway shop/gw not found")]
    public async Task ReferencesTheWebhookCannotSee_AreWarnings_NotDenials(string group, string kind, string obj, string warning)
    {
        var response = await Post("/validate", Fixtures.Review(group, kind, obj));
        Assert.True(response["allowed"]!.GetValue<bool>(), response.ToJsonString());
        Assert.Contains(response["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADenialWithThousandsOfErrors_StaysUnder32KiB_AndCountsWhatWasCut()
    {
        var methods = string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"M{i}\""));
        var route = Fixtures.Route.Replace("\"paths\":[\"/v1/*\"]", $"\"paths\":[\"/v1/*\"],\"methods\":[{methods}]", StringComparison.Ordinal);
        var message = (await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", route)))["status"]!["message"]!.GetValue<string>();
        Assert.InRange(Encoding.UTF8.GetByteCount(message), 16 * 1024, 32 * 1024);
        var shown = message.Split('\n').Count(l => l.StartsWith("- spec.http[0].match.methods[", StringComparison.Ordinal));
        Assert.EndsWith($"\n({3000 - shown} more errors not shown)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectsOfAnotherClass_AreAllowedUntouched()
    {
        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.WithClass(Fixtures.BadRoute, "other")));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["patch"]);
    }

    [Fact]
    public async Task Warnings_StayWithinTheApiServersLimits_AndCountWhatWasCut()
    {
        // 100 missing Services of 200 characters: the API server cuts past 4,096 characters in all, unsaid.
        var backends = string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"serviceName":"{{new string('s', 200)}}-{{i}}","servicePort":80}"""));
        var route = Fixtures.Route.Replace("""[{"serviceName":"api","servicePort":80}]""", $"[{backends}]", StringComparison.Ordinal);
        var warnings = (await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", route)))["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.All(warnings, w => Assert.InRange(w.EnumerateRunes().Count(), 1, 256));
        Assert.InRange(warnings.Sum(w => w.EnumerateRunes().Count()), 1, 4096);
        var more = Assert.Single(warnings, w => w.StartsWith('('));
        Assert.Equal($"({100 - (warnings.Count - 1)} more warnings not shown)", more);
        Assert.Equal(more, warnings[^1]);
    }

    [Fact]
    public async Task ALongWarning_IsCutBetweenCharacters_NotInsideOne()
    {
        // The cut falls on a surrogate pair: half of it would reach the user as U+FFFD.
        var name = "ab" + string.Concat(Enumerable.Repeat("\U0001F600", 200));
        var route = Fixtures.Route.Replace("\"serviceName\":\"api\"", $"\"serviceName\":\"{name}\"", StringComparison.Ordinal);
        var warning = Assert.Single((await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", route)))["warnings"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("spec.http[0].backends[0].serviceName: Service shop/ab\U0001F600", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', warning);
        Assert.Equal(256, warning.EnumerateRunes().Count());
    }

    [Theory]
    [InlineData("apisix-internal", "apisix")] // into our class
    [InlineData("apisix", "other")] // out of it: the new object is not ours, the move still is
    [InlineData("apisix", null)]
    public async Task UpdateThatChangesTheClass_IsDenied_WithThe1xMessage(string before, string? after)
    {
        var updated = after is null ? Fixtures.Route : Fixtures.WithClass(Fixtures.Route, after);
        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", updated, "UPDATE", Fixtures.WithClass(Fixtures.Route, before)));
        Assert.False(response["allowed"]!.GetValue<bool>());
        Assert.Equal("The ingressClassName field is not allowed to be modified.", response["status"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task AnInvalidObjectBeingDeleted_MayStillBeUpdated_SoItsFinalizersCanGo(bool beingDeleted, bool allowed)
    {
        // count: -1 is refused by limit-count; the update removes a finalizer.
        var metadata = beingDeleted
            ? "\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\",\"deletionTimestamp\":\"2026-11-25T10:00:00Z\",\"finalizers\":[]}"
            : "\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\",\"finalizers\":[]}";
        var invalid = Fixtures.Route.Replace("\"count\":10", "\"count\":-1", StringComparison.Ordinal)
            .Replace("\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\"}", metadata, StringComparison.Ordinal);
        var old = invalid.Replace("\"finalizers\":[]", "\"finalizers\":[\"example.com/cleanup\"]", StringComparison.Ordinal);

        var response = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", invalid, "UPDATE", old));

        Assert.True(allowed == response["allowed"]!.GetValue<bool>(), response.ToJsonString());
    }

    [Theory]
    [InlineData("\"spec\":{", "\"spec\":{\"ingressClassName\":\"a\",\"ingressClassName\":\"b\",", "duplicate key 'ingressClassName'")]
    [InlineData("\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\"}", "\"metadata\":{\"name\":\"api\",\"name\":\"api\"}", "duplicate key 'name'")]
    [InlineData("\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\"}", "\"metadata\":5", "metadata")]
    public async Task AnUpdateTheLibraryCannotRead_IsDeniedWithTheReason_NotAsAnInternalError(string find, string replace, string reason)
    {
        var review = Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route, "UPDATE", Fixtures.Route);
        var broken = review.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(review, broken);

        var response = await Post("/validate", broken);

        Assert.False(response["allowed"]!.GetValue<bool>());
        Assert.Contains(reason, response["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", response["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apisix.apache.org", "ApisixRoute", null, "apisix")] // no class before: 1.x allows setting one
    [InlineData("apisix.apache.org", "ApisixRoute", "other", "another")] // neither class is ours
    [InlineData("networking.k8s.io", "Ingress", "nginx", "apisix")] // 1.x checks only its CRDs; this is how an Ingress migrates
    public async Task UpdateThatChangesTheClass_IsAllowed_WhereThe1xCheckDoesNotApply(string group, string kind, string? before, string after)
    {
        var obj = kind == "Ingress"
            ? """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"shop"},"spec":{"defaultBackend":{"service":{"name":"web","port":{"number":80}}}}}"""
            : Fixtures.Route;
        var old = before is null ? obj : Fixtures.WithClass(obj, before);
        var response = await Post("/validate", Fixtures.Review(group, kind, Fixtures.WithClass(obj, after), "UPDATE", old));
        Assert.True(response["allowed"]!.GetValue<bool>(), response.ToJsonString());
    }

    [Fact]
    public async Task Delete_IsAllowed() =>
        Assert.True((await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.BadRoute, "DELETE")))["allowed"]!.GetValue<bool>());

    [Fact]
    public async Task Mutate_WritesDefaults_AndIsIdempotent()
    {
        var response = await Post("/mutate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal("JSONPatch", response["patchType"]!.GetValue<string>());
        var patch = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response["patch"]!.GetValue<string>())))!.AsArray();
        Assert.Contains(patch, op => op!["path"]!.GetValue<string>() == "/spec/http/0/backends/0/weight" && op["value"]!.GetValue<int>() == 100);
        Assert.Contains(patch, op => op!["path"]!.GetValue<string>() == "/spec/http/0/plugins/0/enable" && op["value"]!.GetValue<bool>());

        var mutated = JsonNode.Parse(Fixtures.Route)!.AsObject();
        mutated["spec"]!["http"]![0]!["backends"]![0]!["weight"] = 100;
        mutated["spec"]!["http"]![0]!["plugins"]![0]!["enable"] = true;
        var again = await Post("/mutate", Fixtures.Review("apisix.apache.org", "ApisixRoute", mutated.ToJsonString()));
        Assert.True(again["allowed"]!.GetValue<bool>());
        Assert.Null(again["patch"]);
    }

    [Fact]
    public async Task Mutate_NormalizesTimeouts_AndDefaultsUpstreams()
    {
        var upstream = """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},"spec":{"timeout":{"connect":"1m30s"}}}""";
        var response = await Post("/mutate", Fixtures.Review("apisix.apache.org", "ApisixUpstream", upstream));
        var patch = Encoding.UTF8.GetString(Convert.FromBase64String(response["patch"]!.GetValue<string>()));
        Assert.Contains("""{"op":"replace","path":"/spec/timeout/connect","value":"90s"}""", patch, StringComparison.Ordinal);
        Assert.Contains("""{"op":"add","path":"/spec/timeout/send","value":"60s"}""", patch, StringComparison.Ordinal);
        Assert.Contains("""{"op":"add","path":"/spec/loadbalancer","value":{"type":"roundrobin"}}""", patch, StringComparison.Ordinal);
        Assert.Contains("""{"op":"add","path":"/spec/scheme","value":"http"}""", patch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_LeavesAnObjectItCannotRead_ForValidationToDeny()
    {
        // A lone surrogate: not an internal error of the webhook but the user's, which /validate names.
        var review = Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route).Replace("\"serviceName\":\"api\"", "\"serviceName\":\"a\\uD800\"", StringComparison.Ordinal);
        var mutated = await Post("/mutate", review);
        Assert.True(mutated["allowed"]!.GetValue<bool>(), mutated.ToJsonString());
        Assert.Null(mutated["patch"]);
        var validated = await Post("/validate", review);
        Assert.False(validated["allowed"]!.GetValue<bool>());
        Assert.Contains("surrogate", validated["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fastest\"")]
    [InlineData("[]")]
    [InlineData("7")]
    public async Task Mutate_LeavesAValueOfTheWrongTypeForValidationToDeny(string balancer)
    {
        // Mutation runs before validation: overwriting a bad value would admit it silently.
        var upstream = $$$"""{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},"spec":{"scheme":"http","loadbalancer":{{{balancer}}}}}""";
        var mutated = await Post("/mutate", Fixtures.Review("apisix.apache.org", "ApisixUpstream", upstream));
        Assert.True(mutated["allowed"]!.GetValue<bool>());
        Assert.Null(mutated["patch"]);
        var validated = await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixUpstream", upstream));
        Assert.False(validated["allowed"]!.GetValue<bool>());
        Assert.Contains("spec.loadbalancer", validated["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"group":"apisix.apache.org","kind":"ApisixRoute"}}}""", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u"}} {}""", HttpStatusCode.BadRequest)] // something after the review
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","uid":"v"}}""", HttpStatusCode.BadRequest)] // a field given twice
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","object":{"a":1},"object":{"a":2}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"A","kind":"B"}}}""", HttpStatusCode.BadRequest)]
    public async Task BadBodies_Get400(string body, HttpStatusCode status) =>
        Assert.Equal(status, (await _client.PostAsync("/validate", WebhookServer.Json(body))).StatusCode);

    [Theory]
    [InlineData("{not json", "the body is not JSON: ")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u"}}""", "only admission.k8s.io/v1 AdmissionReview is served")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"ConversionReview","request":{"uid":"u"}}""", "only admission.k8s.io/v1 AdmissionReview is served")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "request is required")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"group":"apisix.apache.org","kind":"ApisixRoute"}}}""", "request.uid is required")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":""}}""", "request.uid is required")]
    public async Task BadBodies_Get400_WithAMessageThatSaysWhy(string body, string reason)
    {
        foreach (var path in new[] { "/validate", "/mutate" })
        {
            using var response = await _client.PostAsync(path, WebhookServer.Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"uid\":\"u\xFF\"")] // invalid UTF-8 in a field the webhook reads
    [InlineData("\"u\xFFid\":\"u\",\"uid\":\"x\"")] // ... in a field name
    [InlineData("\"uid\":\"\\uD800\"")] // an escaped lone surrogate
    public async Task UndecodableStrings_Get400_Not500(string requestFields)
    {
        var text = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{" + requestFields + "}}";
        var bytes = text.Select(c => (byte)c).ToArray(); // \xFF stays one raw byte
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync("/validate", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[\"a\",\"SECRET-VALUE\"]")]
    [InlineData("\"yes\"")]
    public async Task ADryRunThatIsNotABoolean_IsReadAsFalse_AndTheRestOfTheReviewStillCounts(string dryRun)
    {
        var review = Fixtures.Review("apisix.apache.org", "ApisixRoute", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixRoute","metadata":{"name":"r","namespace":"shop"},"spec":{"http":[{"name":"a","match":{"paths":["/"]},"backends":[{"serviceName":"api","servicePort":80}],"plugins":[{"name":"limit-count","enable":true,"config":{"count":0,"time_window":60}}]}]}}""");
        var withDryRun = review.Replace("\"request\":{", $"\"request\":{{\"dryRun\":{dryRun},", StringComparison.Ordinal);
        Assert.NotEqual(review, withDryRun);
        using var response = await _client.PostAsync("/validate", WebhookServer.Json(withDryRun));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"allowed\":false", body, StringComparison.Ordinal);
        Assert.Contains("count", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-VALUE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclaredBodiesOverTheLimit_Get413_BeforeTheBodyIsSent()
    {
        // With Expect: 100-continue the client waits for the server before sending; the webhook answers 413
        // from the Content-Length alone, so the client never sends the body (no write race on close).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate") { Content = WebhookServer.Json(new string('x', 3 * 1024 * 1024 + 10)) };
        request.Headers.ExpectContinue = true;
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UndeclaredBodiesOverTheLimit_Get413_WithoutBeingReadWhole()
    {
        // A chunked body has no Content-Length: the webhook reads up to the limit and stops.
        var body = new CountingStream(64 * 1024 * 1024);
        var (status, _) = await InProcess.Call(InProcess.Endpoint(), body, length: null, mutate: false);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.InRange(body.BytesRead, Apisix.Webhook.Hosting.WebhookOptions.MaxBodyBytes, Apisix.Webhook.Hosting.WebhookOptions.MaxBodyBytes + 64 * 1024);
    }

    [Fact]
    public async Task DeclaredBodies_AreReadWhole_AndBodiesThatDisagreeWithTheirLength_Get400()
    {
        var review = Encoding.UTF8.GetBytes(Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route));
        var endpoint = InProcess.Endpoint();

        var (exact, answer) = await InProcess.Call(endpoint, new MemoryStream(review), review.Length, mutate: false);
        Assert.Equal(StatusCodes.Status200OK, exact);
        Assert.Contains("\"allowed\":true", answer, StringComparison.Ordinal);

        var (empty, _) = await InProcess.Call(endpoint, new MemoryStream([]), 0, mutate: false);
        Assert.Equal(StatusCodes.Status400BadRequest, empty);

        var (cutShort, _) = await InProcess.Call(endpoint, new MemoryStream(review[..(review.Length / 2)]), review.Length, mutate: false);
        Assert.Equal(StatusCodes.Status400BadRequest, cutShort);

        var (tooLong, reason) = await InProcess.Call(endpoint, new MemoryStream([.. review, .. review]), review.Length, mutate: false);
        Assert.Equal(StatusCodes.Status400BadRequest, tooLong);
        Assert.Contains("longer than its Content-Length", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeDeclaredLength_ReservesNothingBeyondWhatArrives()
    {
        // Announcing 3 MiB and sending 1 KiB: the webhook holds what came, not what was announced.
        var endpoint = InProcess.Endpoint();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (status, _) = await InProcess.Call(endpoint, new MemoryStream(new byte[1024]), Apisix.Webhook.Hosting.WebhookOptions.MaxBodyBytes, mutate: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.InRange(allocated, 0, 1024 * 1024);
    }

    /// <summary>An endless-looking body of spaces that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task HealthAndMetrics_Answer()
    {
        Assert.Equal("ok\n", await _client.GetStringAsync("/healthz"));
        Assert.Equal("ok\n", await _client.GetStringAsync("/readyz"));
        await Post("/validate", Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route));
        var metrics = await _client.GetStringAsync("/metrics");
        Assert.Contains("apisix_webhook_requests_total{endpoint=\"validate\",outcome=\"allowed\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("apisix_webhook_request_duration_seconds_count", metrics, StringComparison.Ordinal);
    }
}
