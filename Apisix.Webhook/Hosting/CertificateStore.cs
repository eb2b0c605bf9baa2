using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Apisix.Webhook.Hosting;

/// <summary>
/// The serving certificate, re-read when its files change (cert-manager rotates them in place), so the
/// webhook never needs a restart. A rotation that cannot be read keeps the previous certificate.
/// </summary>
internal sealed class CertificateStore(string certificateFile, string keyFile, ILogger logger)
{
    private readonly Lock _gate = new();
    private X509Certificate2? _current;
    private (DateTime Certificate, DateTime Key) _stamp;
    private long _checkedAt;

    /// <summary>The certificate to present; checks the files at most once a second.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var now = Environment.TickCount64;
            if (_current is not null && now - Interlocked.Read(ref _checkedAt) < 1000)
            {
                return _current;
            }

            lock (_gate)
            {
                Interlocked.Exchange(ref _checkedAt, now);
                var stamp = (File.GetLastWriteTimeUtc(certificateFile), File.GetLastWriteTimeUtc(keyFile));
                if (_current is null || stamp != _stamp)
                {
                    Reload(stamp);
                }

                return _current ?? throw new InvalidOperationException("no serving certificate could be loaded");
            }
        }
    }

    private void Reload((DateTime, DateTime) stamp)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

            // Kestrel needs the key in a form the platform TLS stack can use.
            _current = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            _stamp = stamp;
            Log.CertificateLoaded(logger, _current.Subject, _current.NotAfter);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException)
        {
            Log.CertificateFailed(logger, exception.Message);
            if (_current is null)
            {
                throw;
            }
        }
    }
}
