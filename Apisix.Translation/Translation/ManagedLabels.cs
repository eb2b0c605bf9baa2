namespace Apisix.Translation;

/// <summary>The labels and description the 1.x controller puts on what it creates.</summary>
internal static class ManagedLabels
{
    public const string Description = "Created by apisix-ingress-controller, DO NOT modify it manually";

    public const string ManagedByKey = "managed-by";

    public const string ManagedByValue = "apisix-ingress-controller";

    public static EquatableMap<string> ManagedBy { get; } = EquatableMap<string>.Empty.SetItem(ManagedByKey, ManagedByValue);

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
