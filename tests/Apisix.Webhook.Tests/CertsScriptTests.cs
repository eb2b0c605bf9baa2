using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Apisix.Webhook.Tests;

/// <summary><c>certs/generate.sh</c> (real openssl) produces files the webhook serves and verifies with.</summary>
public sealed class CertsScriptTests : IAsyncLifetime
{
    private TestCertificates _certificates = null!;
    private string _caBundle = string.Empty;
    private WebhookServer _server = null!;

    public async Task InitializeAsync()
    {
        (_certificates, _caBundle) = TestCertificates.FromScript("--service", "gateway-webhook", "--namespace", "ingress");
        _server = await WebhookServer.Start(_certificates, requireClientCertificate: true);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public void ServingCertificate_NamesTheServiceTheClusterDomainAndLoopback()
    {
        using var server = X509CertificateLoader.LoadCertificateFromFile(_certificates.ServerCertificateFile);
        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["gateway-webhook.ingress.svc", "gateway-webhook.ingress.svc.cluster.local", "localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback], names.EnumerateIPAddresses());
    }

    [Fact]
    public void PrintedCaBundle_IsTheCaCertificate()
    {
        var pem = Encoding.ASCII.GetString(Convert.FromBase64String(_caBundle));
        Assert.Equal(File.ReadAllText(_certificates.CaFile), pem);
    }

    [Fact]
    public async Task TheWebhook_ServesWithTheGeneratedFiles_AndAcceptsOnlyTheGeneratedClient()
    {
        using var apiServer = _server.Client(_certificates.Client);
        Assert.True((await WebhookServer.Review(await apiServer.PostAsync("/validate", WebhookServer.Json(Fixtures.Review("apisix.apache.org", "ApisixRoute", Fixtures.Route)))))["allowed"]!.GetValue<bool>());

        using var stranger = _server.Client(_certificates.Stranger);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("/validate", WebhookServer.Json("{}"))).StatusCode);
    }

    [Fact]
    public void NamesThatAreNotDnsLabels_AreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestCertificates.FromScript("--service", "x,DNS:evil.example"));
        Assert.Contains("DNS-1123 label", error.Message);
    }

    private static readonly string[] Keys = ["ca.key", "server.key", "client.key"];

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Keys_AreReadableByTheOwnerOnly_AndTheClientCertificateIsForClientAuthentication()
    {
        foreach (var key in Keys)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_certificates.Directory, key)));
        }

        using var client = X509CertificateLoader.LoadCertificateFromFile(_certificates.ClientCertificateFile);
        var usages = client.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], usages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        Assert.Empty(client.Extensions.OfType<X509SubjectAlternativeNameExtension>());
    }

    [Fact]
    public void ExistingKeys_AreNotReplaced_UnlessForced()
    {
        var keys = Keys.ToDictionary(k => k, k => File.ReadAllText(Path.Combine(_certificates.Directory, k)));

        var (exitCode, stdout, stderr) = TestCertificates.RunScript(_certificates.Directory, "--service", "gateway-webhook", "--namespace", "ingress");
        Assert.Equal(1, exitCode);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        foreach (var (key, text) in keys)
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(_certificates.Directory, key)));
        }

        (exitCode, stdout, stderr) = TestCertificates.RunScript(_certificates.Directory, "--service", "gateway-webhook", "--namespace", "ingress", "--force");
        Assert.True(exitCode == 0, stderr);
        Assert.All(keys, k => Assert.NotEqual(k.Value, File.ReadAllText(Path.Combine(_certificates.Directory, k.Key))));
        Assert.Equal(File.ReadAllText(_certificates.CaFile), Encoding.ASCII.GetString(Convert.FromBase64String(stdout.Trim())));
    }
}
