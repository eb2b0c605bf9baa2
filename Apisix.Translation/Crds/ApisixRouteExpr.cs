namespace Apisix.Translation.Crds;

/// <summary>One <c>match.exprs[]</c> condition.</summary>
public sealed record ApisixRouteExpr
{
    /// <summary><c>subject.scope</c>: Header, Query, Cookie, Path, Variable or (2.x) Body.</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary><c>subject.name</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The operator, e.g. Equal or RegexMatch.</summary>
    public string Op { get; init; } = string.Empty;

    /// <summary>The value for single-value operators.</summary>
    public string? Value { get; init; }

    /// <summary>The set for In / NotIn.</summary>
    public EquatableArray<string>? Set { get; init; }
}
