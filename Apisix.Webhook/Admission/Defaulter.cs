using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation;

namespace Apisix.Webhook.Admission;

/// <summary>
/// The mutating side (no peer has one): writes the defaults APISIX would apply, so that what is stored
/// equals what runs — backend weight 100, plugin enable true, upstream type roundrobin and scheme http,
/// APISIX's health-check defaults inside a given check, and timeouts as whole-second strings. Applying it
/// twice changes nothing.
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
            if (check["active"] is JsonObject active)
            {
                Active(active);
            }

            if (check["passive"] is JsonObject passive)
            {
                Passive(passive);
            }
        }
    }

    /// <summary>
    /// APISIX's active checker defaults, in the CRD's words. The translation writes an absent healthy or
    /// unhealthy block as <c>{}</c>, which APISIX fills with these same values; written here they are what
    /// is stored. The CRD types rule the form: <c>timeout</c> is an integer of nanoseconds (a Go duration), the
    /// intervals are duration strings. The API server checks those types after this webhook has run.
    /// </summary>
    private static void Active(JsonObject active)
    {
        Default(active, "type", "http");
        Default(active, "timeout", 1_000_000_000);
        Default(active, "concurrency", 10);
        Default(active, "httpPath", "/");
        Default(active, "strictTLS", true);
        Counts(active, interval: true, [200, 302], successes: 2, [429, 404, 500, 501, 502, 503, 504, 505], timeouts: 3);
    }

    /// <summary>APISIX's passive checker defaults, as <see cref="Active"/>.</summary>
    private static void Passive(JsonObject passive)
    {
        Default(passive, "type", "http");
        Counts(passive, interval: false, [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308], successes: 5, [429, 500, 503], timeouts: 7);
    }

    /// <summary>
    /// A probe's healthy and unhealthy blocks, made when absent and filled in: the codes and counts differ
    /// between active and passive checks, the failure counts do not, and only active ones have intervals.
    /// </summary>
    private static void Counts(JsonObject probe, bool interval, int[] healthyCodes, int successes, int[] unhealthyCodes, int timeouts)
    {
        Default(probe, "healthy", new JsonObject());
        if (probe["healthy"] is JsonObject healthy)
        {
            if (interval)
            {
                Default(healthy, "interval", "1s");
            }

            Default(healthy, "httpCodes", Codes(healthyCodes));
            Default(healthy, "successes", successes);
        }

        Default(probe, "unhealthy", new JsonObject());
        if (probe["unhealthy"] is JsonObject unhealthy)
        {
            if (interval)
            {
                Default(unhealthy, "interval", "1s");
            }

            Default(unhealthy, "httpCodes", Codes(unhealthyCodes));
            Default(unhealthy, "httpFailures", 5);
            Default(unhealthy, "tcpFailures", 2);
            if (!unhealthy.ContainsKey("timeout"))
            {
                // The 2.x CRD names it "timeout"; one given that way is the count, so no second one is written.
                Default(unhealthy, "timeouts", timeouts);
            }
        }
    }

    private static JsonArray Codes(int[] codes) => new(codes.Select(code => (JsonNode?)JsonValue.Create(code)).ToArray());

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
