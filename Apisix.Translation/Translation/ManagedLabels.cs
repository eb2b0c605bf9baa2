namespace Apisix.Translation;

/// <summary>The labels and description the 1.x controller puts on what it creates.</summary>
internal static class ManagedLabels
{
    public const string Description = "Created by apisix-ingress-controller, DO NOT modify it manually";

    public const string ManagedByKey = "managed-by";

    public const string ManagedByValue = "apisix-ingress-controller";

    public static EquatableMap<string> ManagedBy { get; } = EquatableMap<string>.Empty.SetItem(ManagedByKey, ManagedByValue);

    /// <summary>
    /// A label value APISIX accepts: its schema allows at most 64 characters, so longer names are cut
    /// there, as 1.x did for the Gateway API <c>meta_*</c> labels.
    /// </summary>
    public static string Value(string value) => value.Length > 64 ? value[..64] : value;

    /// <summary>{managed-by} with the object's labels; managed-by always wins so ownership stays certain.</summary>
    public static EquatableMap<string> With(EquatableMap<string> objectLabels)
    {
        if (objectLabels.IsEmpty)
        {
            return ManagedBy;
        }

        return objectLabels.SetItem(ManagedByKey, ManagedByValue);
    }
}
