using System.Text;
using Apisix.Translation;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Networking;
using Apisix.Translation.Validation;

namespace Apisix.Webhook.Admission;

/// <summary>
/// The validating side: the library's validation and a dry-run translation of the incoming object on a
/// one-object snapshot. References the webhook cannot see (a Service, a Secret, a ReferenceGrant) are
/// warnings, not denials; everything else that is wrong denies, with every finding and its field path.
/// </summary>
internal sealed class AdmissionValidator(ValidationOptions validation, TranslationOptions translation)
{
    /// <summary>The message the API server shows stays under this many bytes.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>The 1.x denial of a class change, word for word.</summary>
    public const string ClassChangeDenied = "The ingressClassName field is not allowed to be modified.";

    private static readonly HashSet<string> Groups = ["apisix.apache.org", "networking.k8s.io", "gateway.networking.k8s.io"];

    /// <summary>
    /// The dry run sees one object: a route whose Service it cannot see is still translated (as if the Service
    /// existed), so everything else about the route is checked as the controller will translate it.
    /// </summary>
    private readonly TranslationOptions _dryRun = translation with { AssumeUnseenServices = true };

    /// <summary>Findings about objects outside the one-object snapshot: the cluster may well have them.</summary>
    private static readonly HashSet<string> UnseenReferences =
    [
        DiagnosticCodes.BackendNotFound, DiagnosticCodes.SecretNotFound, DiagnosticCodes.UpstreamNotFound,
        DiagnosticCodes.DependencyInvalid, DiagnosticCodes.RefNotPermitted, "ParentNotFound",
    ];

    public AdmissionDecision Validate(AdmissionRequest request)
    {
        if (request.Operation is "DELETE" or "CONNECT" || !Groups.Contains(request.Group))
        {
            return AdmissionDecision.Allow();
        }

        if (!request.HasObject)
        {
            return AdmissionDecision.Deny("request.object is required for " + request.Operation);
        }

        var (read, ours) = Read(request.ObjectJson, request.Kind);
        var item = read.Objects.FirstOrDefault();

        // An object being deleted only waits for its finalizers: denying the update that removes one would
        // leave an object stuck half-deleted (say, one a newer APISIX version profile finds invalid).
        if (request.Operation == "UPDATE" && item?.Metadata.DeletionTimestamp is not null)
        {
            return AdmissionDecision.Allow();
        }

        if (item is null && read.Diagnostics.All(d => d.Code == DiagnosticCodes.UnknownKind))
        {
            return AdmissionDecision.Allow();
        }

        // Before the class test: an object moving out of our class is no longer ours, yet its move is denied.
        // An object the library could not read is denied below with the reason, and may not make a tree.
        if (item is not null && ClassChanged(request))
        {
            return AdmissionDecision.Deny(ClassChangeDenied);
        }

        if (!ours)
        {
            return AdmissionDecision.Allow();
        }

        var errors = new List<Diagnostic>();
        var warnings = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Sort(read.Diagnostics, errors, warnings, seen);
        if (item is not null)
        {
            Sort(Validator.Validate(TranslationInput.From([item]), validation, _dryRun), errors, warnings, seen);
        }

        return errors.Count == 0
            ? AdmissionDecision.Allow(warnings)
            : AdmissionDecision.Deny(Message(request, item, errors), warnings);
    }

    /// <summary>Errors deny; warnings and references outside the snapshot become warning lines, each said once.</summary>
    private static void Sort(System.Collections.Immutable.ImmutableArray<Diagnostic> findings, List<Diagnostic> errors, List<string> warnings, HashSet<string> seen)
    {
        foreach (var finding in findings)
        {
            if (finding.IsError && !UnseenReferences.Contains(finding.Code))
            {
                errors.Add(finding);
            }
            else if (Line(finding) is var line && seen.Add(line))
            {
                // A set, not a scan of the list: an object may name tens of thousands of missing Services.
                warnings.Add(line);
            }
        }
    }

    /// <summary>
    /// The object as the library reads it, and whether this controller serves it. An object the reader
    /// could not build counts as ours: its findings are what the caller reports.
    /// </summary>
    public (ManifestReadResult Read, bool Ours) Read(ReadOnlySpan<byte> json, string kind)
    {
        var read = ManifestReader.ReadJson(json, kind);
        return (read, read.Objects.FirstOrDefault() is not { } item || IsOurs(item));
    }

    /// <summary>True when this controller serves the object (its class, or the Gateway API).</summary>
    public bool IsOurs(KubernetesObject item) => item switch
    {
        ApisixRoute r => translation.SelectsCrd(r.IngressClassName),
        ApisixUpstream u => translation.SelectsCrd(u.IngressClassName),
        ApisixTls t => translation.SelectsCrd(t.IngressClassName),
        ApisixConsumer c => translation.SelectsCrd(c.IngressClassName),
        ApisixPluginConfig p => translation.SelectsCrd(p.IngressClassName),
        ApisixGlobalRule g => translation.SelectsCrd(g.IngressClassName),
        ApisixClusterConfig c => translation.SelectsCrd(c.IngressClassName),
        Ingress i => IngressClassSelector.IsOurs(i, TranslationInput.From([i]), translation),
        IngressClass c => c.Controller == translation.ControllerName,
        _ => true,
    };

    /// <summary>
    /// As 1.x, for its kinds (ours, not Ingress: moving an Ingress to another controller is the usual way to
    /// migrate): an UPDATE may not change a non-empty <c>spec.ingressClassName</c>, into or out of our class.
    /// </summary>
    private bool ClassChanged(AdmissionRequest request)
    {
        if (request.Operation != "UPDATE" || request.Group != "apisix.apache.org")
        {
            return false;
        }

        var before = ClassName(request.OldObject);
        var after = ClassName(request.Object);
        return !string.IsNullOrEmpty(before) && before != after && (translation.SelectsCrd(before) || translation.SelectsCrd(after));
    }

    private static string? ClassName(System.Text.Json.Nodes.JsonObject? obj) =>
        (obj?["spec"] as System.Text.Json.Nodes.JsonObject)?["ingressClassName"]?.ToString();

    private static string Line(Diagnostic diagnostic) =>
        diagnostic.Path.Length == 0 ? diagnostic.Message : $"{diagnostic.Path}: {diagnostic.Message}";

    /// <summary>Every error, one per line, cut to fit the API server's message with a count of what was cut.</summary>
    private static string Message(AdmissionRequest request, KubernetesObject? item, List<Diagnostic> errors)
    {
        var text = new StringBuilder($"{item?.Ref.ToString() ?? request.Kind} is invalid:");
        var shown = 0;
        foreach (var error in errors)
        {
            var line = "\n- " + Line(error);
            if (Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(line) > MaxMessageBytes - 64)
            {
                break;
            }

            text.Append(line);
            shown++;
        }

        if (shown < errors.Count)
        {
            text.Append($"\n({errors.Count - shown} more errors not shown)");
        }

        return text.ToString();
    }
}
