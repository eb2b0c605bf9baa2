namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>One <c>spec.credentials[]</c> entry of a v1alpha1 Consumer.</summary>
public sealed record ConsumerCredential
{
    /// <summary><c>type</c>: jwt-auth, basic-auth, key-auth or hmac-auth (the APISIX plugin names, unlike ApisixConsumer's).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>config</c>: the credential inline; exactly one of this and <see cref="SecretRef"/>.</summary>
    public JsonBlob? Config { get; init; }

    /// <summary><c>secretRef</c>: a Secret whose data is the credential.</summary>
    public SecretReference? SecretRef { get; init; }
}
