using System.Text.Json;
using Apisix.Translation.Crds;
using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;
using V1Alpha1 = Apisix.Translation.Crds.V1Alpha1;

namespace Apisix.Translation.Validation.Crds;

/// <summary>The CRD schemas of the 2.x <c>apisix.apache.org/v1alpha1</c> kinds (reference §1.8).</summary>
internal static partial class CrdRules
{
    private static readonly string[] ProviderTypes = ["ControlPlane"];
    private static readonly string[] AuthTypes = ["AdminKey"];
    private static readonly string[] CredentialTypes = ["jwt-auth", "basic-auth", "key-auth", "hmac-auth"];
    private static readonly string[] HttpPolicyTargets = ["HTTPRoute", "Ingress"];
    private static readonly string[] L4PolicyTargets = ["TCPRoute", "UDPRoute", "TLSRoute"];

    /// <summary>The findings of a v1alpha1 object; none for another kind.</summary>
    private static void CheckV1Alpha1(KubernetesObject item, Findings findings)
    {
        switch (item)
        {
            case V1Alpha1.GatewayProxy proxy:
                GatewayProxy(proxy, findings);
                break;
            case V1Alpha1.Consumer consumer:
                Credentials(consumer.Credentials, findings);
                Plugins(consumer.Plugins, "spec.plugins", findings);
                break;
            case V1Alpha1.PluginConfig pluginConfig:
                Plugins(pluginConfig.Plugins, "spec.plugins", findings);
                break;
            case V1Alpha1.BackendTrafficPolicy policy:
                BackendTrafficPolicy(policy, findings);
                break;
            case V1Alpha1.HttpRoutePolicy policy:
                TargetKinds(policy.TargetRefs, HttpPolicyTargets, findings);
                if (policy.Vars is { } vars && ExprShape.Problem(vars.CloneNode()) is { } problem)
                {
                    findings.Add("spec.vars", problem);
                }

                break;
            case V1Alpha1.L4RoutePolicy policy:
                TargetKinds(policy.TargetRefs, L4PolicyTargets, findings);
                Plugins(policy.Plugins, "spec.plugins", findings);
                break;
        }
    }

    /// <summary>A provider of type ControlPlane, reached by endpoints or a Service (not both), with an admin key given one way.</summary>
    private static void GatewayProxy(V1Alpha1.GatewayProxy proxy, Findings findings)
    {
        if (proxy.Provider is not { } provider)
        {
            findings.Add("spec.provider", "is required");
        }
        else
        {
            if (provider.Type is null || !ProviderTypes.Contains(provider.Type))
            {
                findings.Add("spec.provider.type", CrdValues.OneOf(ProviderTypes));
            }

            if (provider.ControlPlane is { } controlPlane)
            {
                ControlPlane(controlPlane, findings);
            }
            else if (provider.Type == "ControlPlane")
            {
                findings.Add("spec.provider.controlPlane", "is required when type is ControlPlane");
            }
        }

        Plugins(proxy.Plugins, "spec.plugins", findings);
        foreach (var (name, metadata) in proxy.PluginMetadata)
        {
            if (metadata.ValueKind != JsonValueKind.Object)
            {
                findings.Add($"spec.pluginMetadata.{name}", "must be an object");
            }
        }
    }

    private static void ControlPlane(V1Alpha1.ControlPlaneProvider controlPlane, Findings findings)
    {
        const string at = "spec.provider.controlPlane";
        findings.Check(controlPlane.Endpoints.IsEmpty == controlPlane.HasService, at, "exactly one of endpoints and service is required");
        if (controlPlane.HasService)
        {
            findings.Check(!string.IsNullOrWhiteSpace(controlPlane.ServiceName), $"{at}.service.name", "is required");
            findings.Check(controlPlane.ServicePort is >= 1 and <= 65535, $"{at}.service.port", "must be between 1 and 65535");
        }

        if (controlPlane.Auth is not { } auth)
        {
            findings.Add($"{at}.auth", "is required");
            return;
        }

        if (auth.Type is null || !AuthTypes.Contains(auth.Type))
        {
            findings.Add($"{at}.auth.type", CrdValues.OneOf(AuthTypes));
        }

        findings.Check((auth.AdminKeyValue is null) != (auth.AdminKeySecret is null), $"{at}.auth.adminKey", "exactly one of value and valueFrom.secretKeyRef is required");
    }

    /// <summary>Each credential has a type (the APISIX plugin name) and exactly one of config (an object) and secretRef.</summary>
    private static void Credentials(EquatableArray<V1Alpha1.ConsumerCredential> credentials, Findings findings)
    {
        for (var i = 0; i < credentials.Count; i++)
        {
            var credential = credentials[i];
            if (!CredentialTypes.Contains(credential.Type))
            {
                findings.Add($"spec.credentials[{i}].type", CrdValues.OneOf(CredentialTypes));
            }

            if ((credential.Config is null) == (credential.SecretRef is null))
            {
                findings.Add($"spec.credentials[{i}]", "exactly one of config and secretRef is required");
            }
            else if (credential.Config is { ValueKind: not JsonValueKind.Object })
            {
                findings.Add($"spec.credentials[{i}].config", "must be an object");
            }
        }
    }

    /// <summary>
    /// 1 to 16 Services of the core group, then the upstream settings of 2.x: a key only with chash, timeouts
    /// in whole seconds, an active probe timeout as a duration string.
    /// </summary>
    private static void BackendTrafficPolicy(V1Alpha1.BackendTrafficPolicy policy, Findings findings)
    {
        var targets = policy.TargetRefs;
        findings.Check(!targets.IsEmpty, "spec.targetRefs", "is required");
        findings.Check(targets.Count <= 16, "spec.targetRefs", "must have at most 16 items");
        for (var i = 0; i < targets.Count; i++)
        {
            findings.Check(targets[i].Kind == "Service", $"spec.targetRefs[{i}].kind", "must be Service");
            findings.Check(targets[i].Group.Length == 0, $"spec.targetRefs[{i}].group", "must be empty (the core group)");
        }

        var settings = policy.Settings;
        Settings(settings, "spec", CrdValues.PolicySchema, findings);
        if (settings.LoadBalancer is { Type: not "chash", Key: { Length: > 0 } })
        {
            findings.Add("spec.loadbalancer.key", "is only allowed with chash");
        }

        if (settings.Timeout is { } timeout)
        {
            WholeSeconds(timeout.Connect, "spec.timeout.connect", findings);
            WholeSeconds(timeout.Send, "spec.timeout.send", findings);
            WholeSeconds(timeout.Read, "spec.timeout.read", findings);
        }

        if (settings.HealthCheck?.Active?.Timeout is { ValueKind: not JsonValueKind.String })
        {
            findings.Add("spec.healthCheck.active.timeout", "must be a duration string such as 5s");
        }
    }

    /// <summary>A BackendTrafficPolicy timeout: <c>^[0-9]+s$</c>.</summary>
    private static void WholeSeconds(string? value, string path, Findings findings)
    {
        if (value is not null && (value.Length < 2 || value[^1] != 's' || value.AsSpan(0, value.Length - 1).ContainsAnyExceptInRange('0', '9')))
        {
            findings.Add(path, "must be a whole number of seconds such as 60s");
        }
    }

    /// <summary>A policy's targets are of the given kinds.</summary>
    private static void TargetKinds(EquatableArray<ObjectReference> targets, string[] kinds, Findings findings)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (!kinds.Contains(targets[i].Kind))
            {
                findings.Add($"spec.targetRefs[{i}].kind", CrdValues.OneOf(kinds));
            }
        }
    }
}
