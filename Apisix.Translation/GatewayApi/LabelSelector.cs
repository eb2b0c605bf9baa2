namespace Apisix.Translation.GatewayApi;

/// <summary>A Kubernetes label selector: <c>matchLabels</c> and <c>matchExpressions</c>.</summary>
public sealed record LabelSelector
{
    /// <summary><c>matchLabels</c>.</summary>
    public EquatableMap<string> MatchLabels { get; init; }

    /// <summary><c>matchExpressions</c>: key, operator (In, NotIn, Exists, DoesNotExist), values.</summary>
    public EquatableArray<LabelSelectorRequirement> MatchExpressions { get; init; }

    /// <summary>True when <paramref name="labels"/> satisfy the selector.</summary>
    public bool Matches(EquatableMap<string> labels) =>
        MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value) &&
        MatchExpressions.All(requirement => requirement.Matches(labels));
}
