namespace Apisix.Translation.Config;

/// <summary>An APISIX ssl object.</summary>
public sealed record Ssl
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>Server names.</summary>
    public EquatableArray<string>? Snis { get; init; }

    /// <summary>PEM certificate.</summary>
    public string? Cert { get; init; }

    /// <summary>PEM key.</summary>
    public string? Key { get; init; }

    /// <summary>1 = enabled.</summary>
    public int? Status { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>Client certificate verification (mTLS).</summary>
    public SslClient? Client { get; init; }

    /// <summary>Leaves the key out.</summary>
    public override string ToString() => $"Ssl {{ Id = {Id}, Snis = [{string.Join(", ", Snis ?? EquatableArray<string>.Empty)}] }}";
}
