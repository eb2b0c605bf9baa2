using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Networking;

/// <summary>
/// Decides which Ingresses are ours. The class is <c>spec.ingressClassName</c>, else the deprecated
/// <c>kubernetes.io/ingress.class</c> annotation (the Kubernetes precedence, as 2.x; 1.x read the annotation
/// first). A class is ours when it equals the configured class name, or names an IngressClass whose
/// <c>spec.controller</c> is our controller. An Ingress with no class is ours when the default
/// IngressClass (annotated <c>is-default-class: "true"</c>) is ours.
/// </summary>
public static class IngressClassSelector
{
    /// <summary>The annotation older Ingresses use for the class.</summary>
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>The class an Ingress asks for, or null when it names none.</summary>
    public static string? RequestedClass(Ingress ingress) =>
        !string.IsNullOrEmpty(ingress.IngressClassName) ? ingress.IngressClassName
        : ingress.Metadata.Annotations.TryGetValue(ClassAnnotation, out var annotated) && annotated.Length > 0 ? annotated
        : null;

    /// <summary>True when this controller serves <paramref name="ingress"/>.</summary>
    public static bool IsOurs(Ingress ingress, TranslationInput input, TranslationOptions options)
    {
        var requested = RequestedClass(ingress);
        if (requested is null)
        {
            return input.All<IngressClass>().Any(c => c.IsDefault && c.Controller == options.ControllerName);
        }

        return IsOurClass(requested, input, options);
    }

    /// <summary>True when the class name <paramref name="className"/> is served by this controller.</summary>
    public static bool IsOurClass(string className, TranslationInput input, TranslationOptions options)
    {
        // 1.x's "apisix-and-all" means "apisix" for Ingresses.
        var configured = options.IngressClass == TranslationOptions.AllIngressClasses ? "apisix" : options.IngressClass;
        if (className == configured)
        {
            return true;
        }

        var ingressClass = input.Get<IngressClass>("IngressClass", null, className);
        return ingressClass is not null && ingressClass.Controller == options.ControllerName;
    }
}
