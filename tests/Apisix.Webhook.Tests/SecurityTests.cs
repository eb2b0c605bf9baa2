using System.Net;

namespace Apisix.Webhook.Tests;

/// <summary>Caller authentication and certificate rotation, over real TLS.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = new();
    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.Start(_certificates, requireClientCertificate: true);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Theory]
    [InlineData("/validate")]
    [InlineData("/mutate")]
    public async Task WithoutAClientCertificate_CallsGet401(string path)
    {
        using var client = _server.Client();
        var response = await client.PostAsync(path, WebhookServer.Json(Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("a client certificate signed by the configured CA is required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAStrangersCertificate_CallsGet401()
    {
        using var client = _server.Client(_certificates.Stranger);
        var response = await client.PostAsync("/validate", WebhookServer.Json(Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithTheApiServersCertificate_CallsAreAnswered()
    {
        using var client = _server.Client(_certificates.Client);
        var review = await WebhookServer.Review(await client.PostAsync("/validate", WebhookServer.Json(Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route))));
        Assert.True(review["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RotatedServingCertificate_IsServedWithoutARestart()
    {
        string? subject = null;
        using (var before = _server.Client(_certificates.Client, seen => subject = seen.Subject))
        {
            await before.GetAsync("/healthz");
        }

        Assert.Equal("CN=apisix-webhook.apisix.svc", subject);
        _certificates.RotateServer("CN=rotated.apisix.svc");
        File.SetLastWriteTimeUtc(_certificates.ServerCertificateFile, DateTime.UtcNow.AddSeconds(5));
        await Task.Delay(1100);
        using var after = _server.Client(_certificates.Client, seen => subject = seen.Subject);
        await after.GetAsync("/healthz");
        Assert.Equal("CN=rotated.apisix.svc", subject);
    }
}
