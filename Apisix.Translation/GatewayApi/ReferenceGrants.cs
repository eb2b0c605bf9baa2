namespace Apisix.Translation.GatewayApi;

/// <summary>Whether a ReferenceGrant in the target's namespace lets a kind in another namespace refer to it.</summary>
internal static class ReferenceGrants
{
    public static bool Permit(TranslationContext context, string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName) =>
        fromNamespace == toNamespace ||
        context.Input.All<ReferenceGrant>().Any(grant => grant.Namespace == toNamespace && grant.Allows(fromGroup, fromKind, fromNamespace, toGroup, toKind, toName));
}
