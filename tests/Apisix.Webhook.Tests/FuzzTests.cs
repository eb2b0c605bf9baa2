using System.Text;
using System.Text.Json.Nodes;
using Apisix.Webhook.Admission;

namespace Apisix.Webhook.Tests;

/// <summary>
/// At least 100,000 mutated and random AdmissionReview bodies through the admission handler: every answer is
/// a well-formed AdmissionReview or a 4xx; never a 5xx, an exception or a hang. The handler runs in process
/// (the same code Kestrel calls); a sample also goes over real HTTPS.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route),
        Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.BadRoute),
        Fixtures.Review("apisix.apache.org", "ApisixUpstream", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"a","namespace":"b"},"spec":{"healthCheck":{"active":{"healthy":{"interval":"1s"}}}}}"""),
        Fixtures.Review("networking.k8s.io", "Ingress", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"s","annotations":{"k8s.apisix.apache.org/enable-cors":"true"}},"spec":{"ingressClassName":"apisix","rules":[{"host":"a.b","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"w","port":{"number":80}}}}]}}]}}"""),
        Fixtures.Review("gateway.networking.k8s.io", "HTTPRoute", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"s"},"spec":{"parentRefs":[{"name":"gw"}],"rules":[{"matches":[{"path":{"type":"RegularExpression","value":"(a"}}]}]}}"""),
    ];

    [Fact]
    public async Task HundredThousandBodies_GetWellFormedAnswersOr4xx()
    {
        var endpoint = InProcess.Endpoint();
        var random = new Random(6);
        const string alphabet = "{}[]:,\"\\0123456789.-eEtrufalsn xyzdD\u00e9\u0000";
        var served = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var body = i % 10 == 9 ? RandomBody(random, alphabet) : Mutate(Seeds[random.Next(Seeds.Length)], random, alphabet);
            // One body in five also has raw bytes changed: invalid UTF-8 that no C# string can hold.
            var bytes = Encoding.UTF8.GetBytes(body);
            if (i % 5 == 3)
            {
                for (var m = random.Next(1, 3); m > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
                }
            }

            var (status, text) = await InProcess.Call(endpoint, new MemoryStream(bytes), bytes.Length, mutate: i % 2 == 0);
            Assert.True(status is 200 or (>= 400 and < 500), $"status {status} for body #{i}");
            if (status == 200)
            {
                var review = JsonNode.Parse(text)!.AsObject();
                Assert.Equal("AdmissionReview", review["kind"]!.GetValue<string>());
                Assert.NotNull(review["response"]!["uid"]);
                Assert.NotNull(review["response"]!["allowed"]);
                served++;
            }
        }

        Assert.True(served > 1000, $"only {served} bodies got past parsing; the mutations are too coarse to test the handler");
    }

    [Fact]
    public async Task Sample_OverRealHttps_GetsNo5xx()
    {
        using var certificates = new TestCertificates();
        await using var server = await WebhookServer.Start(certificates, requireClientCertificate: false);
        using var client = server.Client();
        var random = new Random(9);
        for (var i = 0; i < 300; i++)
        {
            var body = Mutate(Seeds[random.Next(Seeds.Length)], random, "{}[]:,\"0123456789xyz ");
            var response = await client.PostAsync(i % 2 == 0 ? "/validate" : "/mutate", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode < 500, $"{response.StatusCode} for body #{i}");
        }
    }

    private static string Mutate(string seed, Random random, string alphabet)
    {
        var chars = seed.ToCharArray();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string RandomBody(Random random, string alphabet)
    {
        var chars = new char[random.Next(0, 200)];
        for (var c = 0; c < chars.Length; c++)
        {
            chars[c] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

}
