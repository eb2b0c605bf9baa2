using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation;

namespace Apisix.Webhook.Admission;

/// <summary>
/// The mutating side (no peer has one): writes the defaults APISIX would apply, so that what is stored
/// equals what runs — backend weight 100, plugin enable true, upstream type roundrobin and scheme http,
/// health check types, and timeouts as whole-second strings. Applying it twice changes nothing.
/// </summary>
internal static class Defaulter
{
    /// <summary>A defaulted copy of <paramref name="original"/>, for the kinds that have defaults.</summary>
    public static JsonObject Apply(string kind, JsonObject original)
    {
        var copy = (JsonObject)original.DeepClone();
        if (copy["spec"] is not JsonObject spec)
        {
            return copy;
        }

        switch (kind)
        {
            case "ApisixRoute":
                foreach (var rule in Objects(spec["http"]))
                {
                    foreach (var backend in Objects(rule["backends"]))
                    {
                        Default(backend, "weight", 100);
                    }

                    Plugins(rule);
                    Timeout(rule);
                }

                foreach (var rule in Objects(spec["stream"]))
                {
                    Plugins(rule);
                }

                break;
            case "ApisixUpstream":
                Upstream(spec);
                foreach (var port in Objects(spec["portLevelSettings"]))
                {
                    Upstream(port);
                }

                break;
            case "ApisixPluginConfig" or "ApisixGlobalRule" or "ApisixConsumer":
                Plugins(spec);
                break;
        }

        return copy;
    }

    private static void Upstream(JsonObject settings)
    {
        // Only an absent balancer is made: a value of the wrong type stays, for the validating webhook to deny.
        Default(settings, "loadbalancer", new JsonObject());
        if (settings["loadbalancer"] is JsonObject balancer)
        {
            Default(balancer, "type", "roundrobin");
        }

        Default(settings, "scheme", "http");
        Timeout(settings);
        if (settings["healthCheck"] is JsonObject check)
        {
            foreach (var mode in new[] { "active", "passive" })
            {
                if (check[mode] is JsonObject probe)
                {
                    Default(probe, "type", "http");
                }
            }
        }
    }

    private static void Plugins(JsonObject owner)
    {
        foreach (var plugin in Objects(owner["plugins"]))
        {
            Default(plugin, "enable", true);
        }
    }

    /// <summary>A given timeout block gets all three fields, as whole-second strings ("1m30s" becomes "90s").</summary>
    private static void Timeout(JsonObject owner)
    {
        if (owner["timeout"] is not JsonObject timeout)
        {
            return;
        }

        foreach (var field in new[] { "connect", "send", "read" })
        {
            var value = timeout[field];
            if (value is null)
            {
                timeout[field] = "60s";
            }
            else if (value.GetValueKind() == JsonValueKind.String && GoDuration.TryParse(value.GetValue<string>(), out var nanoseconds) && nanoseconds >= 1_000_000_000)
            {
                timeout[field] = GoDuration.WholeSeconds(nanoseconds).ToString(CultureInfo.InvariantCulture) + "s";
            }
        }
    }

    private static void Default(JsonObject target, string key, JsonNode value)
    {
        if (!target.ContainsKey(key) || target[key] is null)
        {
            target[key] = value;
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? list) => (list as JsonArray ?? []).OfType<JsonObject>();
}
