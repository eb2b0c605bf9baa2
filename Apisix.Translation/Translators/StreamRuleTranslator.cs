using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// A <c>stream[]</c> rule to a stream_route (reference §2.8): id from <c>{ns}_{ar}_{rule}_tcp</c> (also
/// for UDP, as 1.x), the listener port and SNI, and an upstream built like an http backend's.
/// </summary>
internal static class StreamRuleTranslator
{
    public static void Translate(ApisixRoute route, ApisixRouteStream rule, string path, TranslationContext context, ObjectScope scope)
    {
        if (rule.Protocol is not ("TCP" or "UDP"))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.protocol", $"invalid value '{rule.Protocol}'; expected TCP or UDP");
        }

        if (rule.IngressPort is < 1 or > 65535)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.match.ingressPort", $"must be between 1 and 65535, got {rule.IngressPort}");
        }

        var plugins = PluginTranslator.Translate(rule.Plugins, route.Namespace, $"{path}.plugins", context, scope);
        var upstream = ServiceBackendTranslator.Translate(rule.Backend, route.Namespace, $"{path}.backend", context, scope);
        scope.StreamRoutes.Add(new StreamRoute
        {
            Id = IdGenerator.GenId($"{route.Namespace}_{route.Name}_{rule.Name}_tcp"),
            Desc = ManagedLabels.Description,
            Labels = ManagedLabels.ManagedBy,
            ServerPort = rule.IngressPort,
            Sni = string.IsNullOrEmpty(rule.Host) ? null : rule.Host,
            UpstreamId = upstream?.Id,
            Plugins = plugins.IsEmpty ? null : plugins,
        });
    }
}
