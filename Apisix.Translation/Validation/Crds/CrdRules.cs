using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using FluentValidation;

namespace Apisix.Translation.Validation.Crds;

/// <summary>
/// The CRD schemas of the APISIX kinds as FluentValidation rules: what the API server would refuse (enums,
/// ranges, required fields, one-of) plus the cross-field rules, each finding at its field path.
/// </summary>
internal static class CrdRules
{
    private static readonly ApisixRouteRules Route = new();
    private static readonly ApisixUpstreamRules Upstream = new();
    private static readonly ApisixTlsRules Tls = new();
    private static readonly ApisixConsumerRules Consumer = new();
    private static readonly ApisixPluginConfigRules PluginConfig = new();
    private static readonly ApisixGlobalRuleRules GlobalRule = new();
    private static readonly ApisixClusterConfigRules ClusterConfig = new();

    /// <summary>The findings for one object: (field path, message).</summary>
    public static IEnumerable<(string Path, string Message)> Check(KubernetesObject item)
    {
        var result = item switch
        {
            ApisixRoute route => Route.Validate(route),
            ApisixUpstream upstream => Upstream.Validate(upstream),
            ApisixTls tls => Tls.Validate(tls),
            ApisixConsumer consumer => Consumer.Validate(consumer),
            ApisixPluginConfig pluginConfig => PluginConfig.Validate(pluginConfig),
            ApisixGlobalRule globalRule => GlobalRule.Validate(globalRule),
            ApisixClusterConfig clusterConfig => ClusterConfig.Validate(clusterConfig),
            _ => null,
        };
        return result?.Errors.Select(e => (Clean(e.PropertyName), e.ErrorMessage)) ?? [];
    }

    /// <summary>Collection rules start with the C# property name; these are their CRD field paths.</summary>
    private static readonly (string Property, string Field)[] TopLevel =
    [
        ("Http[", "spec.http["), ("Stream[", "spec.stream["), ("PortLevelSettings[", "spec.portLevelSettings["),
        ("ExternalNodes[", "spec.externalNodes["), ("Subsets[", "spec.subsets["), ("Plugins[", "spec.plugins["),
    ];

    /// <summary>
    /// The CRD field path of a FluentValidation property name: collection prefixes renamed, and the double or
    /// trailing dots an empty override leaves removed.
    /// </summary>
    private static string Clean(string path)
    {
        foreach (var (property, field) in TopLevel)
        {
            if (path.StartsWith(property, StringComparison.Ordinal))
            {
                path = field + path[property.Length..];
                break;
            }
        }

        return path.Replace("..", ".", StringComparison.Ordinal).Replace(".[", "[", StringComparison.Ordinal).Trim('.');
    }
}
