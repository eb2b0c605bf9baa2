namespace Apisix.Translation;

/// <summary>What makes two Service backends the same upstream, for the per-translation cache.</summary>
internal readonly record struct BackendKey(string Namespace, string Service, IntOrString? Port, string? Granularity, string? Subset);
