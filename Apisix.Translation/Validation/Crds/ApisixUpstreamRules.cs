using Apisix.Translation.Crds;
using FluentValidation;

namespace Apisix.Translation.Validation.Crds;

/// <summary>The ApisixUpstream CRD schema (reference §1.3), for the top level and each port-level entry.</summary>
internal sealed class ApisixUpstreamRules : AbstractValidator<ApisixUpstream>
{
    public ApisixUpstreamRules()
    {
        RuleFor(u => u.Settings).SetValidator(new SettingsRules()).OverridePropertyName<ApisixUpstream, UpstreamSettings>("spec");
        RuleForEach(u => u.PortLevelSettings).ChildRules(port =>
        {
            port.RuleFor(p => p.Port).InclusiveBetween(1, 65535).OverridePropertyName("port").WithMessage("must be between 1 and 65535");
            port.RuleFor(p => p.Settings).SetValidator(new SettingsRules()).OverridePropertyName<PortLevelSettings, UpstreamSettings>(string.Empty);
        }).OverridePropertyName("spec.portLevelSettings");
        RuleForEach(u => u.ExternalNodes).ChildRules(node =>
        {
            node.RuleFor(n => n.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required");
            node.RuleFor(n => n.Port).InclusiveBetween(1, 65535).When(n => n.Port is not null).OverridePropertyName("port").WithMessage("must be between 1 and 65535");
            node.RuleFor(n => n.Weight).GreaterThanOrEqualTo(0).OverridePropertyName("weight").WithMessage("must not be negative");
        }).OverridePropertyName("spec.externalNodes");
        RuleForEach(u => u.Subsets).ChildRules(subset =>
        {
            subset.RuleFor(s => s.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required");
            subset.RuleFor(s => s.Labels).Must(l => !l.IsEmpty).OverridePropertyName("labels").WithMessage("at least one label is required");
        }).OverridePropertyName("spec.subsets");
    }

    /// <summary>loadbalancer, scheme, retries, passHost, tlsSecret and the health check shape.</summary>
    private sealed class SettingsRules : AbstractValidator<UpstreamSettings>
    {
        public SettingsRules()
        {
            RuleFor(s => s.LoadBalancer!.Type).Must(t => t is not null && CrdValues.Balancers.Contains(t)).When(s => s.LoadBalancer is not null)
                .OverridePropertyName("loadbalancer.type").WithMessage(CrdValues.OneOf(CrdValues.Balancers));
            RuleFor(s => s.LoadBalancer!.HashOn).Must(h => h is null || CrdValues.HashOn.Contains(h)).When(s => s.LoadBalancer is not null)
                .OverridePropertyName("loadbalancer.hashOn").WithMessage(CrdValues.OneOf(CrdValues.HashOn));
            RuleFor(s => s.LoadBalancer!.Key).NotEmpty().When(s => s.LoadBalancer is { Type: "chash" } balancer && balancer.HashOn != "consumer")
                .OverridePropertyName("loadbalancer.key").WithMessage("is required for chash");
            RuleFor(s => s.Scheme).Must(s => s is null || CrdValues.Schemes.Contains(s)).OverridePropertyName("scheme").WithMessage(CrdValues.OneOf(CrdValues.Schemes));
            RuleFor(s => s.Retries).GreaterThanOrEqualTo(0).OverridePropertyName("retries").WithMessage("must not be negative");
            RuleFor(s => s.PassHost).Must(p => string.IsNullOrEmpty(p) || CrdValues.PassHost.Contains(p)).OverridePropertyName("passHost").WithMessage(CrdValues.OneOf(CrdValues.PassHost));
            RuleFor(s => s.UpstreamHost).NotEmpty().When(s => s.PassHost == "rewrite").OverridePropertyName("upstreamHost").WithMessage("is required when passHost is rewrite");
            RuleFor(s => s.TlsSecret!.Namespace).NotEmpty().When(s => s.TlsSecret is not null).OverridePropertyName("tlsSecret.namespace").WithMessage("is required");
            RuleFor(s => s.HealthCheck!.Active).NotNull().When(s => s.HealthCheck is not null).OverridePropertyName("healthCheck.active").WithMessage("is required when healthCheck is set");
            RuleFor(s => s.HealthCheck!.Active!.Type).Must(t => t is null || CrdValues.CheckTypes.Contains(t)).When(s => s.HealthCheck?.Active is not null)
                .OverridePropertyName("healthCheck.active.type").WithMessage(CrdValues.OneOf(CrdValues.CheckTypes));
            RuleFor(s => s.HealthCheck!.Active!.Port).InclusiveBetween(1, 65535).When(s => s.HealthCheck?.Active?.Port is not null and not 0)
                .OverridePropertyName("healthCheck.active.port").WithMessage("must be between 1 and 65535");
            RuleFor(s => s.HealthCheck!.Passive!.Type).Must(t => t is null || CrdValues.CheckTypes.Contains(t)).When(s => s.HealthCheck?.Passive is not null)
                .OverridePropertyName("healthCheck.passive.type").WithMessage(CrdValues.OneOf(CrdValues.CheckTypes));
        }
    }
}
