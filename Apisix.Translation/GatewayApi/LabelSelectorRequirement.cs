namespace Apisix.Translation.GatewayApi;

/// <summary>One <c>matchExpressions</c> entry.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">In, NotIn, Exists or DoesNotExist.</param>
/// <param name="Values">The values for In and NotIn.</param>
public sealed record LabelSelectorRequirement(string Key, string Operator, EquatableArray<string> Values)
{
    /// <summary>True when <paramref name="labels"/> satisfy the requirement.</summary>
    public bool Matches(EquatableMap<string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => present && Values.Contains(value!),
            "NotIn" => !present || !Values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }
}
