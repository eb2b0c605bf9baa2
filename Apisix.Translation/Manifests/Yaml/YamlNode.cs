using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>A node of a parsed YAML or JSON document, with the line it starts on.</summary>
/// <remarks>
/// As an <see cref="IJsonSource"/> it converts the way Kubernetes does (<see cref="YamlJsonConverter"/>). A
/// node handed to a <see cref="JsonBlob"/> has passed <see cref="YamlJsonConverter.Problem"/>, so it converts.
/// </remarks>
internal abstract class YamlNode(int line) : IJsonSource
{
    /// <summary>The 1-based line where the node starts.</summary>
    public int Line { get; } = line;

    /// <summary>A word for the node's type, for messages: object, array, string, number, boolean, null.</summary>
    public abstract string TypeName { get; }

    JsonValueKind IJsonSource.ValueKind => this switch
    {
        YamlMapping => JsonValueKind.Object,
        YamlSequence => JsonValueKind.Array,
        YamlScalar scalar => YamlJsonConverter.KindOf(scalar),
        _ => JsonValueKind.Null,
    };

    JsonNode? IJsonSource.ToJsonNode() =>
        YamlJsonConverter.ToJson(this, out var error) is var json && error is null
            ? json
            : throw new InvalidOperationException($"a node that does not convert to JSON was handed to a JsonBlob: {error}");
}
