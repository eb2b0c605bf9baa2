using Apisix.Translation.GatewayApi;
using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// Listeners are bookkept (1.x): the result names every listener of our Gateways that can serve, with its
/// port, protocol and hostname; one with an unsupported protocol, or a Gateway of another controller, is not
/// among them.
/// </summary>
public sealed class GatewayListenerTests
{
    [Fact]
    public void EveryUsableListenerOfOurGateways_IsBookkept()
    {
        var manifests = TestManifests.Gateway("mall",
            "{name: http, port: 80, protocol: HTTP, hostname: shop.example.com}",
            "{name: db, port: 5432, protocol: TCP}",
            "{name: sctp, port: 9000, protocol: SCTP}")
            + "\n---\n" + TestManifests.OtherControllersGateway;

        var result = Translator.Translate(TranslationInput.From(ManifestReader.Read(manifests, "in.yaml").Objects));

        var gateway = new ObjectRef("Gateway", "mall", "gw");
        Assert.Equal(
            [new ListenerInfo(gateway, "http", 80, "HTTP", "shop.example.com"), new ListenerInfo(gateway, "db", 5432, "TCP", null)],
            result.GatewayApi.Listeners);
        Assert.Equal([gateway], result.GatewayApi.GatewayStatuses.Select(s => s.Gateway));
        Assert.Empty(result.Configuration.Ssls);
    }
}
