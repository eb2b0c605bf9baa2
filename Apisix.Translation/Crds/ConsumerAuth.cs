namespace Apisix.Translation.Crds;

/// <summary>One authentication method of an ApisixConsumer: inline <c>value</c> or a <c>secretRef</c>.</summary>
public sealed record ConsumerAuth
{
    /// <summary>The inline value (an object whose fields depend on the method).</summary>
    public JsonBlob? Value { get; init; }

    /// <summary>The name of a Secret in the consumer's namespace.</summary>
    public string? SecretRef { get; init; }
}
