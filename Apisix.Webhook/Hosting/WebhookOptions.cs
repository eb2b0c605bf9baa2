using System.Net;
using System.Text.Json;
using Apisix.Translation;
using Apisix.Translation.Validation;

namespace Apisix.Webhook.Hosting;

/// <summary>The webhook's flags, in the style of Kubernetes components, and its policy file.</summary>
internal sealed record WebhookOptions
{
    public IPEndPoint Listen { get; init; } = new(IPAddress.Any, 8443);

    public string CertificateFile { get; init; } = string.Empty;

    public string KeyFile { get; init; } = string.Empty;

    public string? ClientCaFile { get; init; }

    public bool JsonLogs { get; init; }

    /// <summary>Lua that policy allows is compiled by a real Lua, as in <c>apisix-ingress validate</c>.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default with { Lua = new Apisix.Controller.Validation.KeraLuaSyntaxChecker() };

    public TranslationOptions Translation { get; init; } = TranslationOptions.Default;

    /// <summary>The request body limit: the API server's own object limit.</summary>
    public const long MaxBodyBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Parses the command line (<c>--flag value</c> or <c>--flag=value</c>, as Kubernetes components accept);
    /// null with <paramref name="error"/> for a usage error.
    /// </summary>
    public static WebhookOptions? Parse(string[] args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        args = args.SelectMany(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) is var eq and > 2
            ? new[] { a[..eq], a[(eq + 1)..] }
            : [a]).ToArray();
        var options = new WebhookOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (flag)
            {
                case "--listen" when value is not null && IPEndPoint.TryParse(value, out var endpoint):
                    options = options with { Listen = endpoint };
                    break;
                case "--tls-cert-file" when value is not null:
                    options = options with { CertificateFile = value };
                    break;
                case "--tls-private-key-file" when value is not null:
                    options = options with { KeyFile = value };
                    break;
                case "--client-ca-file" when value is not null:
                    options = options with { ClientCaFile = value };
                    break;
                case "--log-format" when value is "json" or "text":
                    options = options with { JsonLogs = value == "json" };
                    break;
                case "--config" when value is not null:
                    options = WithConfig(options, value, out error);
                    if (error is not null)
                    {
                        return null;
                    }

                    break;
                default:
                    error = $"unknown flag or missing value: {flag}";
                    return null;
            }

            i++;
        }

        if (options.CertificateFile.Length == 0 || options.KeyFile.Length == 0)
        {
            error = "--tls-cert-file and --tls-private-key-file are required: the webhook serves HTTPS only";
            return null;
        }

        return options;
    }

    /// <summary>
    /// The policy file (JSON): <c>apisixVersion</c>, <c>allowCodeExecution</c>, <c>codeExecutionNamespaces</c>,
    /// <c>allowedPlugins</c>, <c>pluginSchemasDirectory</c>, <c>ingressClass</c>, <c>controllerName</c>.
    /// </summary>
    private static WebhookOptions WithConfig(WebhookOptions options, string file, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var validation = options.Validation;
            if (root.TryGetProperty("apisixVersion", out var version))
            {
                if (!ApisixVersion.TryParse(version.GetString(), out var parsed))
                {
                    error = $"{file}: apisixVersion '{version}' is not major.minor";
                    return options;
                }

                validation = validation with { Version = parsed };
            }

            if (root.TryGetProperty("allowCodeExecution", out var allow))
            {
                validation = validation with { AllowCodeExecution = allow.GetBoolean() };
            }

            if (root.TryGetProperty("codeExecutionNamespaces", out var namespaces))
            {
                validation = validation with { CodeExecutionNamespaces = namespaces.EnumerateArray().Select(n => n.GetString()!).ToArray() };
            }

            if (root.TryGetProperty("allowedPlugins", out var plugins))
            {
                validation = validation with { AllowedPlugins = plugins.EnumerateArray().Select(p => p.GetString()!).ToArray() };
            }

            if (root.TryGetProperty("pluginSchemasDirectory", out var directory))
            {
                var schemas = Directory.EnumerateFiles(directory.GetString()!, "*.json")
                    .Select(f => new KeyValuePair<string, string>(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));
                validation = validation with { ExtraSchemas = EquatableMap<string>.From(schemas) };
            }

            var translation = options.Translation;
            if (root.TryGetProperty("ingressClass", out var ingressClass))
            {
                translation = translation with { IngressClass = ingressClass.GetString()! };
            }

            if (root.TryGetProperty("controllerName", out var controller))
            {
                translation = translation with { ControllerName = controller.GetString()! };
            }

            return options with { Validation = validation, Translation = translation };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or ArgumentException)
        {
            error = $"{file}: {exception.Message}";
            return options;
        }
    }
}
