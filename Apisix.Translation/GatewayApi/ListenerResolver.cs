using Apisix.Translation.Config;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// Works out each listener of our Gateways: the route kinds it takes (by protocol and
/// <c>allowedRoutes.kinds</c>), its certificates (ssls with id GenID(<c>Gateway_{ns}_{gw}_{listener}_{i}</c>)),
/// and its Accepted / ResolvedRefs / Programmed conditions.
/// </summary>
internal static class ListenerResolver
{
    public const string GatewayGroup = "gateway.networking.k8s.io";

    public static ListenerState Resolve(Gateway gateway, Listener listener, int index, TranslationContext context, ObjectScope scope)
    {
        var state = new ListenerState(gateway, listener);
        var path = $"spec.listeners[{index}]";
        string[] protocolKinds = listener.Protocol switch
        {
            "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
            "TLS" => listener.TlsMode == "Passthrough" ? ["TLSRoute"] : ["TLSRoute", "TCPRoute"],
            "TCP" => ["TCPRoute"],
            "UDP" => ["UDPRoute"],
            _ => [],
        };
        if (protocolKinds.Length == 0)
        {
            state.Usable = false;
            state.Conditions.Add(StatusCondition.Failed("Accepted", "UnsupportedProtocol", $"protocol {listener.Protocol} is not supported"));
            scope.Warning("UnsupportedProtocol", $"{path}.protocol", $"'{listener.Protocol}' is not HTTP, HTTPS, TLS, TCP or UDP; the listener is not served");
        }
        else
        {
            state.Conditions.Add(StatusCondition.Ok("Accepted"));
        }

        var refsProblem = ResolveKinds(state, protocolKinds, path, scope) ?? ResolveCertificates(state, path, context, scope);
        state.Conditions.Add(refsProblem ?? StatusCondition.Ok("ResolvedRefs"));
        // A listener still serves when only some kinds or certificates are invalid; it is not programmed
        // when it cannot serve at all (unsupported protocol, no kind left, or TLS without any certificate).
        var terminates = listener.Protocol == "HTTPS" || (listener.Protocol == "TLS" && listener.TlsMode != "Passthrough");
        var programmed = state.Usable && state.Kinds.Count > 0 && (!terminates || state.Ssls.Count > 0);
        state.Usable = programmed;
        state.Conditions.Add(programmed
            ? StatusCondition.Ok("Programmed")
            : StatusCondition.Failed("Programmed", "Invalid", "the listener cannot serve: " + (refsProblem?.Message ?? $"protocol {listener.Protocol}")));
        return state;
    }

    private static StatusCondition? ResolveKinds(ListenerState state, string[] protocolKinds, string path, ObjectScope scope)
    {
        if (state.Listener.AllowedKinds.IsEmpty)
        {
            state.Kinds.AddRange(protocolKinds);
            return null;
        }

        StatusCondition? problem = null;
        for (var i = 0; i < state.Listener.AllowedKinds.Count; i++)
        {
            var kind = state.Listener.AllowedKinds[i];
            var group = string.IsNullOrEmpty(kind.Group) ? GatewayGroup : kind.Group;
            if (group == GatewayGroup && protocolKinds.Contains(kind.Kind))
            {
                state.Kinds.Add(kind.Kind);
            }
            else
            {
                problem = StatusCondition.Failed("ResolvedRefs", "InvalidRouteKinds", $"{kind.Kind} routes cannot attach to a {state.Listener.Protocol} listener");
                scope.Warning("InvalidRouteKinds", $"{path}.allowedRoutes.kinds[{i}]", problem.Message);
            }
        }

        return problem;
    }

    private static StatusCondition? ResolveCertificates(ListenerState state, string path, TranslationContext context, ObjectScope scope)
    {
        var listener = state.Listener;
        var terminates = listener.Protocol == "HTTPS" || (listener.Protocol == "TLS" && listener.TlsMode != "Passthrough");
        if (!terminates)
        {
            return null;
        }

        if (listener.CertificateRefs.IsEmpty)
        {
            scope.Warning("InvalidCertificateRef", $"{path}.tls.certificateRefs", "a listener that terminates TLS needs a certificate");
            return StatusCondition.Failed("ResolvedRefs", "InvalidCertificateRef", "no certificateRefs");
        }

        StatusCondition? problem = null;
        for (var i = 0; i < listener.CertificateRefs.Count; i++)
        {
            var reference = listener.CertificateRefs[i];
            var refPath = $"{path}.tls.certificateRefs[{i}]";
            var secretNamespace = reference.Namespace ?? state.Gateway.Namespace;
            if (reference.Group.Length != 0 || (reference.Kind.Length != 0 && reference.Kind != "Secret"))
            {
                problem = Fail(scope, refPath, "InvalidCertificateRef", $"{reference.Kind} is not a Secret");
                continue;
            }

            if (secretNamespace != state.Gateway.Namespace && !ReferenceGrants.Permit(context, GatewayGroup, "Gateway", state.Gateway.Namespace, string.Empty, "Secret", secretNamespace, reference.Name))
            {
                problem = Fail(scope, refPath, "RefNotPermitted", $"Secret {secretNamespace}/{reference.Name} is in another namespace and no ReferenceGrant allows it");
                continue;
            }

            var secret = context.Input.Get<Secret>("Secret", secretNamespace, reference.Name);
            var certificateScope = new ObjectScope(scope.Owner, null);
            if (secret is null || SecretResolver.CertificatePair(secret, refPath, certificateScope) is not { } pair ||
                !CertificateInspector.Check(pair.Cert, pair.Key, [], refPath, $"{secretNamespace}/{reference.Name}", certificateScope))
            {
                problem = Fail(scope, refPath, "InvalidCertificateRef", secret is null
                    ? $"Secret {secretNamespace}/{reference.Name} not found"
                    : string.Join("; ", certificateScope.Diagnostics.Select(d => d.Message)));
                continue;
            }

            state.Ssls.Add(new Ssl
            {
                Id = IdGenerator.GenId($"Gateway_{state.Gateway.Namespace}_{state.Gateway.Name}_{listener.Name}_{i}"),
                Snis = listener.Hostname is { Length: > 0 } hostname ? new[] { hostname } : CertificateInspector.SubjectNames(pair.Cert),
                Cert = pair.Cert,
                Key = pair.Key,
                Status = 1,
                Labels = ManagedLabels.ManagedBy.SetItem("meta_secret_namespace", secretNamespace).SetItem("meta_secret_name", reference.Name),
            });
        }

        return problem;
    }

    private static StatusCondition Fail(ObjectScope scope, string path, string reason, string message)
    {
        scope.Warning(reason, path, message);
        return StatusCondition.Failed("ResolvedRefs", reason, message);
    }
}
