namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> Secret with its values decoded. Values never appear in diagnostics.</summary>
public sealed record Secret : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Secret";

    /// <summary><c>type</c>, e.g. <c>Opaque</c> or <c>kubernetes.io/tls</c>.</summary>
    public string Type { get; init; } = "Opaque";

    /// <summary><c>data</c> (base64-decoded) merged with <c>stringData</c>, which wins as in the API server.</summary>
    public EquatableMap<string> Data { get; init; }

    /// <summary>Excludes the values, so that a Secret logged by mistake leaks nothing.</summary>
    public override string ToString() => $"Secret {Namespace}/{Name} (type {Type}, keys: {string.Join(", ", Data.Keys)})";
}
