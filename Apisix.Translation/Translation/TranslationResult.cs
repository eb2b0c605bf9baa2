using System.Collections.Immutable;
using Apisix.Translation.Config;

namespace Apisix.Translation;

/// <summary>What a translation produced: the APISIX configuration and every finding.</summary>
/// <param name="Configuration">The objects of every input object that had no errors.</param>
/// <param name="Diagnostics">Findings, errors and warnings, in a stable order.</param>
public sealed record TranslationResult(ApisixConfiguration Configuration, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The Kubernetes object behind each APISIX object (e.g. <c>Owners.Find("routes", "50124da")</c>).
    /// </summary>
    public OwnerIndex Owners { get; init; } = OwnerIndex.Empty;

    /// <summary>The Service port behind each upstream built from a Service, by upstream id.</summary>
    public EquatableMap<ServiceBackendSource> UpstreamSources { get; init; }

    /// <summary>The status to write to each Ingress this controller serves.</summary>
    public EquatableArray<Networking.IngressStatus> IngressStatuses { get; init; }

    /// <summary>Gateway API statuses and listener attachments.</summary>
    public Apisix.Translation.GatewayApi.GatewayApiResult GatewayApi { get; init; } = Apisix.Translation.GatewayApi.GatewayApiResult.Empty;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
