using System.Collections.Frozen;
using System.Reflection;

namespace Apisix.Translation.Validation;

/// <summary>
/// The plugin schemas embedded in this library (Validation/Schemas/*.json), read once, plus those a user
/// supplies for custom plugins.
/// </summary>
internal static class PluginSchemaRegistry
{
    private const string Prefix = "schemas/";

    private static readonly Lazy<FrozenDictionary<string, PluginSchema>> Embedded = new(Load);

    /// <summary>Every embedded plugin name.</summary>
    public static IEnumerable<string> Names => Embedded.Value.Keys;

    /// <summary>The embedded schema of <paramref name="name"/>, or null.</summary>
    public static PluginSchema? Find(string name) => Embedded.Value.GetValueOrDefault(name);

    private static FrozenDictionary<string, PluginSchema> Load()
    {
        var assembly = typeof(PluginSchemaRegistry).Assembly;
        var schemas = new Dictionary<string, PluginSchema>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(".json", StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var schema = PluginSchema.Parse(name, reader.ReadToEnd(), out var error)
                ?? throw new InvalidOperationException($"embedded schema {resource} is broken: {error}");
            schemas[name] = schema;
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
