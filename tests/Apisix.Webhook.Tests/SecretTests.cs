using System.Text;
using System.Text.Json.Nodes;
using Apisix.Webhook.Admission;

namespace Apisix.Webhook.Tests;

/// <summary>Credentials in a review are never echoed in an answer nor written to the log, whatever the answer.</summary>
public sealed class SecretTests
{
    private const string Secret = "S3CR3T-VALUE-9f1c";

    /// <summary>Reviews with <c>@SECRET@</c> where a credential goes.</summary>
    public static TheoryData<string> Bodies() => new()
    {
        // Admitted, with warnings (a field the schema does not have, next to a credential that may share its value).
        Fixtures.Review("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"keyAuth":{"value":{"key":"@SECRET@","header":"@SECRET@"}}}}}"""),
        // Denied: two auth methods, and a bad field next to the credentials.
        Fixtures.Review("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"keyAuth":{"value":{"key":"@SECRET@"}},"basicAuth":{"value":{"username":"u","password":"@SECRET@"}}}}}"""),
        Fixtures.Review("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"jwtAuth":{"value":{"key":"k","secret":"@SECRET@","algorithm":"HS999"}}}}}"""),
        Fixtures.Review("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"authParameter":{"hmacAuth":{"value":{"key_id":"k","secret_key":"@SECRET@","extra":1}}}}}"""),
        // Denied: a class change of a consumer.
        Fixtures.Review("apisix.apache.org", "ApisixConsumer", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"ingressClassName":"apisix","authParameter":{"keyAuth":{"value":{"key":"@SECRET@"}}}}}""", "UPDATE", """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixConsumer","metadata":{"name":"c","namespace":"shop"},"spec":{"ingressClassName":"apisix-old","authParameter":{"keyAuth":{"value":{"key":"@SECRET@"}}}}}"""),
        // A Secret sent by a misconfigured webhook rule: not ours, allowed unread.
        Fixtures.Review("", "Secret", """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"shop"},"stringData":{"password":"@SECRET@"}}"""),
        // Refused 400: broken JSON right after a credential, and a second value after the review.
        """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","object":{"spec":{"key":"@SECRET@"x}}}}""",
        """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u"}} "@SECRET@" """,
        """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","uid":"@SECRET@"}}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Credentials_AreNeitherEchoedNorLogged(string template)
    {
        var body = template.Replace("@SECRET@", Secret, StringComparison.Ordinal);
        Assert.Contains(Secret, body, StringComparison.Ordinal);
        var logger = new CapturingLogger<AdmissionEndpoint>();
        var endpoint = InProcess.Endpoint(logger);
        var bytes = Encoding.UTF8.GetBytes(body);
        foreach (var mutate in new[] { false, true })
        {
            var (status, answer) = await InProcess.Call(endpoint, new MemoryStream(bytes), bytes.Length, mutate);
            Assert.True(status is 200 or 400, $"{status}: {answer}");
            Assert.DoesNotContain(Secret, answer, StringComparison.Ordinal);
            if (status == 200 && JsonNode.Parse(answer)!["response"]!["patch"] is { } patch)
            {
                // A patch may carry back what it adds, never what it found.
                Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(Convert.FromBase64String(patch.GetValue<string>())), StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line => Assert.DoesNotContain(Secret, line, StringComparison.Ordinal));
    }
}
