using System.Text.RegularExpressions;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// An ApisixUpstream <c>externalNodes[]</c> entry to a node (reference §2.7): a DNS name, or an
/// ExternalName Service's target; the port defaults by scheme (443 for https/grpcs, else 80).
/// </summary>
internal static partial class ExternalNodeTranslator
{
    public const int DefaultWeight = 100;

    public static UpstreamNode? Translate(ExternalNode node, string @namespace, string? scheme, string path, TranslationContext context, ObjectScope scope)
    {
        var port = node.Port ?? (scheme is "https" or "grpcs" ? 443 : 80);
        if (port is < 1 or > 65535)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.port", $"must be between 1 and 65535, got {port}");
            return null;
        }

        if (node.Weight is < 0)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.weight", $"must not be negative, got {node.Weight}");
            return null;
        }

        var weight = node.Weight ?? DefaultWeight;
        switch (node.Type)
        {
            case "Domain":
                if (!DomainName().IsMatch(node.Name))
                {
                    scope.Error(DiagnosticCodes.InvalidValue, $"{path}.name", $"'{node.Name}' is not a lower-case DNS name (no scheme, no port)");
                    return null;
                }

                return new UpstreamNode(node.Name, port, weight);
            case "Service":
                var service = context.Input.Get<Service>("Service", @namespace, node.Name);
                if (service is null)
                {
                    scope.Error(DiagnosticCodes.BackendNotFound, $"{path}.name", $"Service {@namespace}/{node.Name} not found");
                    return null;
                }

                if (service.Type != "ExternalName" || string.IsNullOrEmpty(service.ExternalName))
                {
                    scope.Error(DiagnosticCodes.InvalidValue, $"{path}.name", $"Service {@namespace}/{node.Name} must be of type ExternalName, is {service.Type}");
                    return null;
                }

                return new UpstreamNode(service.ExternalName, port, weight);
            default:
                // 1.x ignores other types; say so rather than drop the node silently.
                scope.Warning(DiagnosticCodes.Suspicious, $"{path}.type", $"'{node.Type}' is neither Domain nor Service; the node is ignored (as in 1.x)");
                return null;
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DomainName();
}
