namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> ConfigMap (the 1.x plugin-metadata source).</summary>
public sealed record ConfigMap : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ConfigMap";

    /// <summary><c>data</c>.</summary>
    public EquatableMap<string> Data { get; init; }
}
