using Apisix.Translation.Crds;
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
        var builder = new ConfigurationBuilder();
        builder.AddDiagnostics(input.Diagnostics);

        // ApisixUpstreams first: a route that uses an invalid one must say so.
        foreach (var upstream in input.All<ApisixUpstream>().Where(u => context.Options.SelectsCrd(u.IngressClassName)))
        {
            var scope = new ObjectScope(upstream.Ref, upstream.Source);
            ApisixUpstreamTranslator.Validate(upstream, context, scope);
            if (scope.HasErrors)
            {
                context.MarkInvalid(upstream.Ref);
            }

            builder.Commit(scope);
        }

        foreach (var route in input.All<ApisixRoute>().Where(r => context.Options.SelectsCrd(r.IngressClassName)))
        {
            var scope = new ObjectScope(route.Ref, route.Source);
            ApisixRouteTranslator.Translate(route, context, scope);
            builder.Commit(scope);
        }

        return builder.Build();
    }
}
