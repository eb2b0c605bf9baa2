namespace Apisix.Translation.Manifests.Yaml;

/// <summary>A node of a parsed YAML or JSON document, with the line it starts on.</summary>
internal abstract class YamlNode(int line)
{
    /// <summary>The 1-based line where the node starts.</summary>
    public int Line { get; } = line;

    /// <summary>A word for the node's type, for messages: object, array, string, number, boolean, null.</summary>
    public abstract string TypeName { get; }
}
