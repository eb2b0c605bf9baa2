namespace Apisix.Translation.Manifests.Yaml;

/// <summary>A mapping (object) with string keys, in document order.</summary>
internal sealed class YamlMapping(int line) : YamlNode(line)
{
    /// <summary>The entries in document order.</summary>
    public KeyValuePair<YamlScalar, YamlNode>[] Entries { get; set; } = [];

    /// <inheritdoc />
    public override string TypeName => "object";

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        var index = IndexOf(key);
        return index < 0 ? null : Entries[index].Value;
    }

    /// <summary>The position of <paramref name="key"/> among the entries, or -1.</summary>
    public int IndexOf(string key)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Key.Value == key)
            {
                return i;
            }
        }

        return -1;
    }
}
