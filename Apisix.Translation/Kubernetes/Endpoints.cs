namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> Endpoints object, named like its Service.</summary>
public sealed record Endpoints : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Endpoints";

    /// <summary>The subsets.</summary>
    public EquatableArray<EndpointSubset> Subsets { get; init; }
}
