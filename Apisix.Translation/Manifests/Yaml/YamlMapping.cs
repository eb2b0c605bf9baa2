namespace Apisix.Translation.Manifests.Yaml;

/// <summary>A mapping (object) with string keys, in document order.</summary>
internal sealed class YamlMapping(int line) : YamlNode(line)
{
    /// <summary>The entries in document order.</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    /// <inheritdoc />
    public override string TypeName => "object";

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var (entryKey, value) in Entries)
        {
            if (entryKey.Value == key)
            {
                return value;
            }
        }

        return null;
    }
}
