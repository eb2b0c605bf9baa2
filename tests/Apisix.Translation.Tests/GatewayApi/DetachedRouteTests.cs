using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// A route whose Gateway is not in the input (what the admission webhook sees: one object) is still checked;
/// what APISIX would make of it is said as warnings, since the Gateway may be another controller's. A route
/// whose Gateway is in the input and belongs to another controller is left alone.
/// </summary>
public sealed class DetachedRouteTests
{
    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{path: {type: RegularExpression, value: "(a"}}]
              filters: [{type: CORS}]
              backendRefs: [{name: web, port: 80}]
        """;

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Translate(string manifests) =>
        Translator.Translate(TranslationInput.From(ManifestReader.Read(manifests, "in.yaml").Objects)).Diagnostics;

    [Fact]
    public void ARouteAlone_IsChecked_AndItsProblemsAreWarnings()
    {
        var findings = Translate(Route);

        Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Code == "ParentNotFound" && f.Path == "spec.parentRefs[0]");
        Assert.Contains(findings, f => f.Path == "spec.rules[0].matches[0].path.value" && f.Message.Contains("not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == "spec.rules[0].filters[0].type");
    }

    [Fact]
    public void ARouteOfAnotherControllersGateway_IsLeftAlone()
    {
        var findings = Translate(TestManifests.OtherControllersGateway + "\n---\n" + Route);

        Assert.DoesNotContain(findings, f => f.Object?.Kind == "HTTPRoute");
    }

    [Fact]
    public void ARouteAlone_ProducesNothing()
    {
        var result = Translator.Translate(TranslationInput.From(ManifestReader.Read(Route, "in.yaml").Objects));

        Assert.Empty(result.Configuration.Routes);
        Assert.Empty(result.Configuration.Upstreams);
    }
}
