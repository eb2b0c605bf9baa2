using System.Text.Json.Nodes;

namespace Apisix.Webhook.Tests;

/// <summary>
/// Applies an RFC 6902 patch (add, replace, remove) as the API server does, failing where it would: a path
/// whose parent is missing, or a replace or remove of a member that is not there.
/// </summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var result = document.DeepClone();
        foreach (var operation in operations)
        {
            var op = operation!["op"]!.GetValue<string>();
            var tokens = operation["path"]!.GetValue<string>().Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(tokens);
            var parent = tokens[..^1].Aggregate(result, (node, token) => node is JsonArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)]! : node[token] ?? throw new InvalidOperationException($"{operation}: no {token}"));
            var last = tokens[^1];
            var value = operation["value"]?.DeepClone();
            switch (parent, op)
            {
                case (JsonObject target, "add"):
                    target[last] = value;
                    break;
                case (JsonObject target, "replace" or "remove") when target.ContainsKey(last):
                    target.Remove(last);
                    if (op == "replace")
                    {
                        target[last] = value;
                    }

                    break;
                case (JsonArray target, "add"):
                    target.Insert(last == "-" ? target.Count : int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                    break;
                case (JsonArray target, "replace" or "remove"):
                    var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
                    target.RemoveAt(index);
                    if (op == "replace")
                    {
                        target.Insert(index, value);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"{operation} does not apply");
            }
        }

        return result;
    }
}
