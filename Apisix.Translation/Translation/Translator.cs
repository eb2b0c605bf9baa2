using Apisix.Translation.Crds;
using Apisix.Translation.Crds.V1Alpha1;
using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Networking;
using Apisix.Translation.Translators;

namespace Apisix.Translation;

/// <summary>
/// The entry point: a snapshot of Kubernetes objects in, APISIX configuration and diagnostics out.
/// Pure and deterministic: the same input gives an equal result, whatever the order of the objects.
/// </summary>
public static class Translator
{
    /// <summary>Translates every object of <paramref name="input"/> that this controller serves.</summary>
    public static TranslationResult Translate(TranslationInput input, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = new TranslationContext(input, options ?? TranslationOptions.Default);
        var builder = new ConfigurationBuilder(expectedRoutes: input.All<ApisixRoute>().Sum(r => r.Http.Count));
        builder.AddDiagnostics(input.Diagnostics);
        builder.AddDiagnostics(input.Objects.Where(V1Alpha1Kinds.Contains).Select(NotTranslated));
        var selects = context.Options.SelectsCrd;

        // Objects that others refer to come first, so that a route using an invalid one can say so.
        Each(input.All<ApisixUpstream>().Where(u => selects(u.IngressClassName)), ApisixUpstreamTranslator.Validate, context, builder);
        Each(input.All<ApisixPluginConfig>().Where(p => selects(p.IngressClassName)), PluginSetTranslator.TranslatePluginConfig, context, builder);
        Each(input.All<ApisixGlobalRule>().Where(g => selects(g.IngressClassName)), PluginSetTranslator.TranslateGlobalRule, context, builder);
        Each(input.All<ApisixClusterConfig>().Where(c => selects(c.IngressClassName)), PluginSetTranslator.TranslateClusterConfig, context, builder);
        Each(input.All<ConfigMap>().Where(c => PluginSetTranslator.IsPluginMetadataSource(c, context.Options)), PluginSetTranslator.TranslatePluginMetadata, context, builder);
        Each(input.All<ApisixTls>().Where(t => selects(t.IngressClassName)), ApisixTlsTranslator.Translate, context, builder);
        Each(input.All<ApisixConsumer>().Where(c => selects(c.IngressClassName)), ApisixConsumerTranslator.Translate, context, builder);
        Each(input.All<ApisixRoute>().Where(r => selects(r.IngressClassName)), ApisixRouteTranslator.Translate, context, builder);

        var ingresses = input.All<Ingress>().Where(i => IngressClassSelector.IsOurs(i, input, context.Options)).ToList();
        Each(ingresses, IngressTranslator.Translate, context, builder);
        var gatewayApi = GatewayApiTranslator.Translate(context, builder);
        var addresses = LoadBalancerAddress.For(input, context.Options);
        return builder.Build(context.UpstreamSources) with
        {
            IngressStatuses = ingresses.Select(i => new IngressStatus(i.Ref, addresses)).ToArray(),
            GatewayApi = gatewayApi,
        };
    }

    /// <summary>A 2.x kind is read and checked against its schema, but has no 1.x output.</summary>
    private static Diagnostic NotTranslated(KubernetesObject item) =>
        new(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKind, item.Ref, string.Empty, $"{item.Kind} is a 2.x kind (apisix.apache.org/v1alpha1): checked against its CRD schema, not translated")
        {
            Location = item.Source,
        };

    private static void Each<T>(IEnumerable<T> objects, Action<T, TranslationContext, ObjectScope> translate, TranslationContext context, ConfigurationBuilder builder)
        where T : KubernetesObject
    {
        ObjectScope? scope = null;
        foreach (var item in objects)
        {
            // One scope serves every object in turn: the builder copies out what each one produced.
            if (scope is null)
            {
                scope = new ObjectScope(item.Ref, item.Source, item.Lines);
            }
            else
            {
                scope.Reset(item.Ref, item.Source, item.Lines);
            }

            translate(item, context, scope);
            builder.Commit(scope);
            if (scope.HasErrors)
            {
                context.MarkInvalid(scope.Owner);
            }
        }
    }
}
