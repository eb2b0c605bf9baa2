using System.Net;

using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Apisix.Webhook.Tests;

/// <summary>The real webhook on 127.0.0.1 over HTTPS, with clients that trust its CA.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, TestCertificates certificates, Uri address)
    {
        _app = app;
        Certificates = certificates;
        Address = address;
    }

    public TestCertificates Certificates { get; }

    public Uri Address { get; }

    public static async Task<WebhookServer> Start(TestCertificates certificates, bool requireClientCertificate)
    {
        var options = new WebhookOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            CertificateFile = certificates.ServerCertificateFile,
            KeyFile = certificates.ServerKeyFile,
            ClientCaFile = requireClientCertificate ? certificates.CaFile : null,
        };
        var app = WebhookApp.Build(options);
        await app.StartAsync();
        return new WebhookServer(app, certificates, new Uri(app.Urls.First()));
    }

    /// <summary>An HTTPS client that trusts the test CA, optionally presenting a client certificate.</summary>
    public HttpClient Client(X509Certificate2? clientCertificate = null, Action<X509Certificate2>? seen = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null)
            {
                return false;
            }

            var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            seen?.Invoke(server);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Certificates.Authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(server);
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> Review(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("admission.k8s.io/v1", review["apiVersion"]!.GetValue<string>());
        Assert.Equal("AdmissionReview", review["kind"]!.GetValue<string>());
        return review["response"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

}
