using Apisix.Translation.Crds;
using FluentValidation;

namespace Apisix.Translation.Validation.Crds;

/// <summary>The ApisixTls CRD schema (reference §1.4).</summary>
internal sealed class ApisixTlsRules : AbstractValidator<ApisixTls>
{
    public ApisixTlsRules()
    {
        RuleFor(t => t.Hosts).Must(h => h.Count > 0).OverridePropertyName("spec.hosts").WithMessage("at least one host is required");
        RuleFor(t => t.Secret).NotNull().OverridePropertyName("spec.secret").WithMessage("is required");
        RuleFor(t => t.Secret!.Name).NotEmpty().When(t => t.Secret is not null).OverridePropertyName("spec.secret.name").WithMessage("is required");
        RuleFor(t => t.Secret!.Namespace).NotEmpty().When(t => t.Secret is not null).OverridePropertyName("spec.secret.namespace").WithMessage("is required");
        RuleFor(t => t.Client!.CaSecret).NotNull().When(t => t.Client is not null).OverridePropertyName("spec.client.caSecret").WithMessage("is required when client is set");
        RuleFor(t => t.Client!.Depth).GreaterThanOrEqualTo(0).When(t => t.Client is not null).OverridePropertyName("spec.client.depth").WithMessage("must not be negative");
    }
}

/// <summary>The ApisixConsumer CRD schema (reference §1.5): one auth method, each with value or secretRef.</summary>
internal sealed class ApisixConsumerRules : AbstractValidator<ApisixConsumer>
{
    public ApisixConsumerRules()
    {
        RuleFor(c => c).Must(c => !c.AuthParameter.IsEmpty || !c.Plugins.IsEmpty).OverridePropertyName("spec.authParameter").WithMessage("one auth method is required");
        RuleForEach(c => c.Plugins).ChildRules(PluginRules.Item).OverridePropertyName("spec.plugins");
    }
}

/// <summary>The ApisixPluginConfig CRD schema (reference §1.6).</summary>
internal sealed class ApisixPluginConfigRules : AbstractValidator<ApisixPluginConfig>
{
    public ApisixPluginConfigRules()
    {
        RuleFor(p => p.Plugins).Must(p => p.Count > 0).OverridePropertyName("spec.plugins").WithMessage("is required");
        RuleForEach(p => p.Plugins).ChildRules(PluginRules.Item).OverridePropertyName("spec.plugins");
    }
}

/// <summary>The ApisixGlobalRule CRD schema (reference §1.6).</summary>
internal sealed class ApisixGlobalRuleRules : AbstractValidator<ApisixGlobalRule>
{
    public ApisixGlobalRuleRules()
    {
        RuleFor(g => g.Plugins).Must(p => p.Count > 0).OverridePropertyName("spec.plugins").WithMessage("is required");
        RuleForEach(g => g.Plugins).ChildRules(PluginRules.Item).OverridePropertyName("spec.plugins");
    }
}

/// <summary>The ApisixClusterConfig CRD schema (reference §1.7).</summary>
internal sealed class ApisixClusterConfigRules : AbstractValidator<ApisixClusterConfig>
{
    public ApisixClusterConfigRules()
    {
        RuleFor(c => c.AdminBaseUrl).NotEmpty().When(c => c.AdminKey is not null || c.AdminClientTimeout is not null)
            .OverridePropertyName("spec.admin.baseURL").WithMessage("is required when admin is set");
        RuleFor(c => c.SkywalkingSampleRatio).InclusiveBetween(0.00001, 1).When(c => c.SkywalkingSampleRatio is not null)
            .OverridePropertyName("spec.monitoring.skywalking.sampleRatio").WithMessage("must be between 0.00001 and 1");
    }
}
