using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation;

/// <summary>
/// A value that makes its JSON when asked: a manifest's node behind a <see cref="JsonBlob"/>, so that a
/// plugin config read from a manifest becomes a tree of JSON nodes only if something reads it as one.
/// </summary>
internal interface IJsonSource
{
    /// <summary>The JSON kind of the value, without making it.</summary>
    JsonValueKind ValueKind { get; }

    /// <summary>A new JSON tree of the value each time (the caller owns it).</summary>
    JsonNode? ToJsonNode();
}
