using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Apisix.Webhook.Tests;

/// <summary>A CA, a serving certificate for 127.0.0.1, an API-server client certificate, and a stranger's one, as PEM files.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("apisix-webhook-tests").FullName;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test webhook CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        CaFile = Write("ca.crt", Authority.ExportCertificatePem());
        (ServerCertificateFile, ServerKeyFile) = Issue("server", "CN=apisix-webhook.apisix.svc", serverAuth: true);
        (ClientCertificateFile, ClientKeyFile) = Issue("client", "CN=kube-apiserver", serverAuth: false);

        Stranger = SelfSignedStranger();
        Client = LoadWithKey(ClientCertificateFile, ClientKeyFile);
    }

    /// <summary>The files that <c>certs/generate.sh</c> writes, run for real; the stranger is made here.</summary>
    private TestCertificates(string scriptOutput)
    {
        Directory = scriptOutput;
        CaFile = Path.Combine(scriptOutput, "ca.crt");
        Authority = X509CertificateLoader.LoadCertificateFromFile(CaFile);
        (ServerCertificateFile, ServerKeyFile) = (Path.Combine(scriptOutput, "server.crt"), Path.Combine(scriptOutput, "server.key"));
        (ClientCertificateFile, ClientKeyFile) = (Path.Combine(scriptOutput, "client.crt"), Path.Combine(scriptOutput, "client.key"));
        Stranger = SelfSignedStranger();
        Client = LoadWithKey(ClientCertificateFile, ClientKeyFile);
    }

    /// <summary>Runs <c>certs/generate.sh</c> into a temporary directory; returns its files and the caBundle it printed.</summary>
    public static (TestCertificates Certificates, string CaBundle) FromScript(params string[] arguments)
    {
        var output = System.IO.Directory.CreateTempSubdirectory("apisix-webhook-certs").FullName;
        var (exitCode, stdout, stderr) = RunScript(output, arguments);
        if (exitCode != 0)
        {
            System.IO.Directory.Delete(output, recursive: true);
            throw new InvalidOperationException($"certs/generate.sh exited {exitCode}: {stderr}");
        }

        return (new TestCertificates(output), stdout.Trim());
    }

    /// <summary>Runs <c>certs/generate.sh --out <paramref name="output"/></c> with <paramref name="arguments"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunScript(string output, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(Repository.Root, "certs", "generate.sh"), "--out", output, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    public string Directory { get; }

    public X509Certificate2 Authority { get; }

    public string CaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 Stranger { get; }

    /// <summary>Issues a new serving certificate into the same files (a rotation, as cert-manager does).</summary>
    public void RotateServer(string subject) => Issue("server", subject, serverAuth: true);

    public void Dispose()
    {
        Authority.Dispose();
        Client.Dispose();
        Stranger.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private (string Certificate, string Key) Issue(string name, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var usage = new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") };
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usage, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("apisix-webhook.apisix.svc");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var certificate = request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), serial);
        return (Write($"{name}.crt", certificate.ExportCertificatePem()), Write($"{name}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    /// <summary>A certificate no CA of ours signed.</summary>
    private static X509Certificate2 SelfSignedStranger()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = new CertificateRequest("CN=stranger", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(stranger.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A PEM certificate and key as one certificate with its private key, usable by a TLS client.</summary>
    private static X509Certificate2 LoadWithKey(string certificateFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
