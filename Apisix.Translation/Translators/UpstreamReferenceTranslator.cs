using System.Collections.Immutable;
using System.Globalization;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// An http rule's <c>upstreams[]</c> reference to an upstream named <c>{ns}_{au}</c> (reference §2.7),
/// with the ApisixUpstream's top-level settings, its external nodes or discovery, and the
/// <c>meta_weight</c> label 1.x writes. 1.x skipped an unusable reference with a log line and then wrote
/// a route APISIX rejects; we report an error instead.
/// </summary>
internal static class UpstreamReferenceTranslator
{
    public static Upstream? Translate(ApisixRoute route, ApisixRouteUpstreamRef reference, string path, TranslationContext context, ObjectScope scope)
    {
        if (reference.Weight is < 0)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.weight", $"must not be negative, got {reference.Weight}");
            return null;
        }

        var apisixUpstream = context.FindApisixUpstream(route.Namespace, reference.Name);
        if (apisixUpstream is null)
        {
            scope.Error(DiagnosticCodes.UpstreamNotFound, $"{path}.name", $"ApisixUpstream {route.Namespace}/{reference.Name} not found");
            return null;
        }

        if (context.IsInvalid(apisixUpstream.Ref))
        {
            scope.Error(DiagnosticCodes.DependencyInvalid, $"{path}.name", $"{apisixUpstream.Ref} has errors; fix it first");
            return null;
        }

        if (apisixUpstream.ExternalNodes.IsEmpty && apisixUpstream.Settings.Discovery is null)
        {
            scope.Error(DiagnosticCodes.UpstreamNotFound, $"{path}.name", $"{apisixUpstream.Ref} has neither externalNodes nor discovery, so it cannot be referenced from upstreams[]");
            return null;
        }

        var name = $"{route.Namespace}_{apisixUpstream.Name}";
        var weight = (reference.Weight ?? TrafficSplitBuilder.DefaultWeight).ToString(CultureInfo.InvariantCulture);
        var labels = ManagedLabels.With(apisixUpstream.Metadata.Labels).SetItem("meta_weight", weight);
        var upstream = new Upstream { Id = IdGenerator.GenId(name), Name = name, Desc = ManagedLabels.Description, Labels = labels };

        // The ApisixUpstream's own findings were reported on it; here only the result matters.
        var ownerScope = new ObjectScope(apisixUpstream.Ref, null);
        upstream = ApisixUpstreamTranslator.Apply(upstream, apisixUpstream.Settings, apisixUpstream.Ref, "spec", context, ownerScope);
        if (upstream.DiscoveryType is null)
        {
            var nodes = ImmutableArray.CreateBuilder<UpstreamNode>();
            for (var i = 0; i < apisixUpstream.ExternalNodes.Count; i++)
            {
                if (ExternalNodeTranslator.Translate(apisixUpstream.ExternalNodes[i], apisixUpstream.Namespace, apisixUpstream.Settings.Scheme, $"spec.externalNodes[{i}]", context, ownerScope) is { } node)
                {
                    nodes.Add(node);
                }
            }

            upstream = upstream with { Nodes = nodes.ToImmutable() };
        }

        scope.Upstreams.Add(upstream);
        return upstream;
    }
}
