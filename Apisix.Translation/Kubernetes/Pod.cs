namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> Pod: only its labels and IPs matter here (for upstream subsets).</summary>
public sealed record Pod : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Pod";

    /// <summary><c>status.podIP</c> and every <c>status.podIPs[].ip</c>.</summary>
    public EquatableArray<string> PodIPs { get; init; }
}
