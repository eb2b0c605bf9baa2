using Apisix.Webhook.Hosting;

var options = WebhookOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: apisix-webhook --tls-cert-file FILE --tls-private-key-file FILE [--listen 0.0.0.0:8443] [--client-ca-file FILE] [--config FILE] [--log-format text|json]");
    return 2;
}

var app = WebhookApp.Build(options);

// Fail at start, not at the first handshake, when the certificate cannot be read.
_ = app.Services.GetRequiredService<CertificateStore>().Current;
await app.RunAsync();
return 0;
