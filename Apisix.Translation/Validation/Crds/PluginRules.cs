using Apisix.Translation.Crds;
using FluentValidation;

namespace Apisix.Translation.Validation.Crds;

/// <summary>The plugin item every APISIX CRD shares: a name; a config that is an object.</summary>
internal static class PluginRules
{
    public static void Item(InlineValidator<ApisixPlugin> plugin)
    {
        plugin.RuleFor(p => p.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required");
        plugin.RuleFor(p => p.Config).Must(c => c is null || c.ValueKind == System.Text.Json.JsonValueKind.Object)
            .OverridePropertyName("config").WithMessage("must be an object");
        plugin.RuleFor(p => p.SecretRef).Must(s => s is null || s.Length > 0).OverridePropertyName("secretRef").WithMessage("must not be empty");
    }
}
