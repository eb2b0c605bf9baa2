using System.Security.Authentication;
using Apisix.Webhook.Admission;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Apisix.Webhook.Hosting;

/// <summary>Builds the webhook: HTTPS only (TLS 1.2+), optional client certificates, the endpoints.</summary>
internal static class WebhookApp
{
    public static WebApplication Build(WebhookOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();

        // A line per request from the framework would be the loudest thing in the log of a busy cluster.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole();
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new CertificateStore(options.CertificateFile, options.KeyFile, services.GetRequiredService<ILogger<CertificateStore>>()));
        builder.Services.AddSingleton(new AdmissionValidator(options.Validation, options.Translation));
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton(_ => options.ClientCaFile is null ? null! : new ClientCertificateVerifier(options.ClientCaFile));
        builder.Services.AddSingleton(services => new AdmissionEndpoint(
            services.GetRequiredService<AdmissionValidator>(),
            services.GetRequiredService<WebhookMetrics>(),
            options.ClientCaFile is null ? null : services.GetRequiredService<ClientCertificateVerifier>(),
            services.GetRequiredService<ILogger<AdmissionEndpoint>>()));

        WebApplication? app = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = WebhookOptions.MaxBodyBytes;
            kestrel.Listen(options.Listen, listen => listen.UseHttps(https =>
            {
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ServerCertificateSelector = (_, _) => app!.Services.GetRequiredService<CertificateStore>().Current;
                if (options.ClientCaFile is not null)
                {
                    // The handshake admits any certificate; the endpoint verifies it against the CA and answers 401.
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                }
            }));
        });

        app = builder.Build();
        var endpoint = app.Services.GetRequiredService<AdmissionEndpoint>();
        app.MapPost("/validate", context => endpoint.Handle(context, mutate: false));
        app.MapPost("/mutate", context => endpoint.Handle(context, mutate: true));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => Results.Text("ok\n"));
        app.MapGet("/metrics", (WebhookMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4"));
        return app;
    }
}
