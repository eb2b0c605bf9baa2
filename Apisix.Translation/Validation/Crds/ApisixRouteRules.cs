using Apisix.Translation.Crds;
using FluentValidation;

namespace Apisix.Translation.Validation.Crds;

/// <summary>The ApisixRoute CRD schema (reference §1.2) and its cross-field rules.</summary>
internal sealed class ApisixRouteRules : AbstractValidator<ApisixRoute>
{
    public ApisixRouteRules()
    {
        RuleFor(r => r).Must(r => !r.Http.IsEmpty || !r.Stream.IsEmpty).OverridePropertyName("spec").WithMessage("needs http or stream rules");
        RuleForEach(r => r.Http).ChildRules(http =>
        {
            http.RuleFor(h => h.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required");
            http.RuleFor(h => h.Match.Paths).Must(p => p.Count > 0).OverridePropertyName("match.paths").WithMessage("at least one path is required");
            http.RuleForEach(h => h.Match.Methods).Must(m => CrdValues.Methods.Contains(m)).OverridePropertyName("match.methods").WithMessage(CrdValues.OneOf(CrdValues.Methods));
            http.RuleForEach(h => h.Match.Exprs).ChildRules(expr =>
            {
                expr.RuleFor(e => e.Scope).Must(s => CrdValues.Scopes.Contains(s)).OverridePropertyName("subject.scope").WithMessage(CrdValues.OneOf(CrdValues.Scopes));
                expr.RuleFor(e => e.Op).Must(o => CrdValues.Operators.Contains(o)).OverridePropertyName("op").WithMessage(CrdValues.OneOf(CrdValues.Operators));
                expr.RuleFor(e => e).Must(e => (e.Value is null) != (e.Set is null)).OverridePropertyName("value").WithMessage("exactly one of value and set is required");
            }).OverridePropertyName("match.exprs");
            http.RuleFor(h => h).Must(h => !h.Backends.IsEmpty || !h.Upstreams.IsEmpty).OverridePropertyName("backends").WithMessage("a rule needs backends or upstreams");
            http.RuleForEach(h => h.Backends).ChildRules(backend =>
            {
                backend.RuleFor(b => b.ServiceName).NotEmpty().OverridePropertyName("serviceName").WithMessage("is required");
                backend.RuleFor(b => b.ServicePort).NotNull().OverridePropertyName("servicePort").WithMessage("is required");
                backend.RuleFor(b => b.ResolveGranularity).Must(g => g is null || CrdValues.Granularities.Contains(g)).OverridePropertyName("resolveGranularity").WithMessage(CrdValues.OneOf(CrdValues.Granularities));
                backend.RuleFor(b => b.Weight).GreaterThanOrEqualTo(0).OverridePropertyName("weight").WithMessage("must not be negative");
            }).OverridePropertyName("backends");
            http.RuleForEach(h => h.Upstreams).ChildRules(upstream =>
                upstream.RuleFor(u => u.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required"));
            http.RuleFor(h => h.PluginConfigName).Must(n => n is null || n.Length > 0).OverridePropertyName("plugin_config_name").WithMessage("must not be empty");
            http.RuleFor(h => h.Authentication!.Type).Must(t => CrdValues.AuthenticationTypes.Contains(t))
                .When(h => h.Authentication is { Enable: true }).OverridePropertyName("authentication.type").WithMessage(CrdValues.OneOf(CrdValues.AuthenticationTypes));
            http.RuleForEach(h => h.Plugins).ChildRules(PluginRules.Item).OverridePropertyName("plugins");
        });
        RuleForEach(r => r.Stream).ChildRules(stream =>
        {
            stream.RuleFor(s => s.Name).NotEmpty().OverridePropertyName("name").WithMessage("is required");
            stream.RuleFor(s => s.Protocol).Must(p => CrdValues.Protocols.Contains(p)).OverridePropertyName("protocol").WithMessage(CrdValues.OneOf(CrdValues.Protocols));
            stream.RuleFor(s => s.IngressPort).InclusiveBetween(1, 65535).OverridePropertyName("match.ingressPort").WithMessage("must be between 1 and 65535");
            stream.RuleFor(s => s.Backend.ServiceName).NotEmpty().OverridePropertyName("backend.serviceName").WithMessage("is required");
            stream.RuleForEach(s => s.Plugins).ChildRules(PluginRules.Item).OverridePropertyName("plugins");
        }).OverridePropertyName("spec.stream");
    }
}
