using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// Loads the offline Gateway API conformance suite from <c>../shared/gateway-api-conformance</c> (never
/// copied into this repository) as its README says: base manifests, then each test's manifests and
/// overrides, the class name filled in, and stand-in TLS Secrets for the certificates the suite makes.
/// </summary>
internal static class ConformanceSuite
{
    public const string GatewayClassName = "gateway-conformance";

    public static string? Directory
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "gateway-api-conformance"));
            return File.Exists(Path.Combine(path, "index.json")) ? path : null;
        }
    }

    public static IEnumerable<JsonObject> Index(string directory) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "index.json")))!.AsArray().Select(row => row!.AsObject());

    public static IEnumerable<JsonObject> Expectations(string directory, string test) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, test, "expectations.json")))!.AsArray().Select(e => e!.AsObject());

    /// <summary>Reads and translates one test folder, without the objects named in <paramref name="removed"/>.</summary>
    public static (List<KubernetesObject> Objects, TranslationResult Result) Translate(string directory, JsonObject row, IReadOnlyCollection<string> removed)
    {
        var objects = new Dictionary<(string, string, string), KubernetesObject>();
        void Load(string file)
        {
            var text = File.ReadAllText(file).Replace("\"{GATEWAY_CLASS_NAME}\"", GatewayClassName, StringComparison.Ordinal).Replace("{GATEWAY_CLASS_NAME}", GatewayClassName, StringComparison.Ordinal);
            foreach (var item in ManifestReader.Read(text, Path.GetFileName(file)).Objects)
            {
                objects[(item.Kind, item.Namespace, item.Name)] = item;
            }
        }

        Load(Path.Combine(directory, "base-manifests.yaml"));
        Load(Path.Combine(directory, "base-endpointslices.yaml"));
        Load(Path.Combine(directory, "base-gatewayclass.yaml"));
        foreach (var manifest in row["manifests"]!.AsArray())
        {
            Load(Path.Combine(directory, row["test"]!.GetValue<string>(), manifest!.GetValue<string>()));
        }

        foreach (var overrideFile in row["overrides"]?.AsArray() ?? [])
        {
            Load(Path.Combine(directory, row["test"]!.GetValue<string>(), overrideFile!.GetValue<string>()));
        }

        foreach (var key in objects.Keys.Where(k => removed.Contains($"{k.Item1}/{k.Item2}/{k.Item3}") || removed.Contains($"{k.Item1}/{k.Item3}")).ToList())
        {
            objects.Remove(key);
        }

        foreach (var secret in StandInSecrets(objects.Values.ToList()))
        {
            objects.TryAdd((secret.Kind, secret.Namespace, secret.Name), secret);
        }

        var list = objects.Values.ToList();
        return (list, Translator.Translate(TranslationInput.From(list)));
    }

    /// <summary>Self-signed kubernetes.io/tls Secrets for every certificateRef the suite expects to exist.</summary>
    private static IEnumerable<Secret> StandInSecrets(IEnumerable<KubernetesObject> objects)
    {
        foreach (var gateway in objects.OfType<Gateway>())
        {
            foreach (var listener in gateway.Listeners)
            {
                foreach (var reference in listener.CertificateRefs)
                {
                    var names = new[] { listener.Hostname ?? "*", "*", "*.org", "*.wildcard.org", "tls.example.com", "abc.example.com" };
                    var (cert, key) = SelfSigned(names.Distinct().ToArray());
                    yield return new Secret
                    {
                        Metadata = new ObjectMeta { Name = reference.Name, Namespace = reference.Namespace ?? gateway.Namespace },
                        Type = "kubernetes.io/tls",
                        Data = EquatableMap<string>.From([new("tls.crt", cert), new("tls.key", key)]),
                    };
                }
            }
        }
    }

    private static (string Cert, string Key) SelfSigned(string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=conformance", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The objects a later phase deletes, as <c>Kind/namespace/name</c> (or <c>Kind/name</c>).</summary>
    public static List<string> Removed(JsonObject expectation) =>
        (expectation["removedBefore"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(r => r["namespace"] is { } ns ? $"{r["kind"]}/{ns}/{r["name"]}" : $"{r["kind"]}/{r["name"]}")
            .ToList();

    public static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
