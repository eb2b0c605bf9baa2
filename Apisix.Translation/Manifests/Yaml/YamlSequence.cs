namespace Apisix.Translation.Manifests.Yaml;

/// <summary>A sequence (array).</summary>
internal sealed class YamlSequence(int line) : YamlNode(line)
{
    /// <summary>The items in order.</summary>
    public YamlNode[] Items { get; set; } = [];

    /// <inheritdoc />
    public override string TypeName => "array";
}
