using System.Text.Json.Nodes;

namespace Apisix.Webhook.Admission;

/// <summary>
/// An RFC 6902 patch from an original and a changed document: add, replace and remove, walking objects by
/// key and equal-length arrays by index (any other array change replaces the array).
/// </summary>
internal static class JsonPatchBuilder
{
    /// <summary>The operations that turn <paramref name="original"/> into <paramref name="changed"/>; empty when equal.</summary>
    public static JsonArray Diff(JsonNode? original, JsonNode? changed)
    {
        var operations = new JsonArray();
        Walk(original, changed, string.Empty, operations);
        return operations;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, JsonArray operations)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject left, JsonObject right):
                foreach (var (key, value) in right)
                {
                    var child = $"{path}/{Escape(key)}";
                    if (!left.TryGetPropertyValue(key, out var old))
                    {
                        operations.Add(new JsonObject { ["op"] = "add", ["path"] = child, ["value"] = value?.DeepClone() });
                    }
                    else
                    {
                        Walk(old, value, child, operations);
                    }
                }

                foreach (var (key, _) in left)
                {
                    if (!right.ContainsKey(key))
                    {
                        operations.Add(new JsonObject { ["op"] = "remove", ["path"] = $"{path}/{Escape(key)}" });
                    }
                }

                break;
            case (JsonArray left, JsonArray right) when left.Count == right.Count:
                for (var i = 0; i < left.Count; i++)
                {
                    Walk(left[i], right[i], $"{path}/{i}", operations);
                }

                break;
            default:
                operations.Add(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = after?.DeepClone() });
                break;
        }
    }

    /// <summary>RFC 6901 escaping of a key: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
