using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// <see cref="TranslationOptions.AssumeUnseenServices"/>: on a partial snapshot (the webhook's one object) a
/// backend whose Service is missing is translated as if the Service existed on the numbered port, with no
/// endpoints, and the missing Service is a warning; without the option it stays an error and the rule is
/// dropped. A named port cannot be assumed.
/// </summary>
public sealed class AssumeUnseenServicesTests
{
    private static string Route(string port) => $$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: r, namespace: shop}
        spec:
          http:
          - name: api
            match: {paths: [/api]}
            backends: [{serviceName: api, servicePort: {{port}}}]
        """;

    private static TranslationResult Translate(string yaml, bool assume) =>
        Translator.Translate(TranslationInput.From(ManifestReader.Read(yaml, "r.yaml").Objects), TranslationOptions.Default with { AssumeUnseenServices = assume });

    [Fact]
    public void Assumed_TheRouteAndItsUpstreamAreMade_WithoutNodes_AndTheServiceIsAWarning()
    {
        var result = Translate(Route("80"), assume: true);

        var route = Assert.Single(result.Configuration.Routes);
        var upstream = Assert.Single(result.Configuration.Upstreams);
        Assert.Equal("shop_api_80", upstream.Name);
        Assert.Equal(upstream.Id, route.UpstreamId);
        Assert.Equal(0, upstream.Nodes?.Count);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.BackendNotFound, "spec.http[0].backends[0].serviceName"), (finding.Severity, finding.Code, finding.Path));
    }

    [Fact]
    public void NotAssumed_TheMissingServiceIsAnError_AndNothingIsMade()
    {
        var result = Translate(Route("80"), assume: false);

        Assert.Empty(result.Configuration.Routes);
        Assert.Empty(result.Configuration.Upstreams);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.BackendNotFound);
    }

    [Fact]
    public void ANamedPort_CannotBeAssumed_AndStaysAnError()
    {
        var result = Translate(Route("http"), assume: true);

        Assert.Empty(result.Configuration.Routes);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.BackendNotFound);
    }
}
