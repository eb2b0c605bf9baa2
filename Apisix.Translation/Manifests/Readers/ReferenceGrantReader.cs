using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Reads a ReferenceGrant strictly.</summary>
internal static class ReferenceGrantReader
{
    public static ReferenceGrant Read(FieldReader root, ObjectMeta metadata)
    {
        return root.Spec(spec => new ReferenceGrant
        {
            Metadata = metadata,
            From = spec.List("from", f => new ReferenceGrantFrom(f.String("group") ?? string.Empty, f.RequiredString("kind"), f.RequiredString("namespace"))),
            To = spec.List("to", t => new ReferenceGrantTo(t.String("group") ?? string.Empty, t.RequiredString("kind"), t.String("name"))),
        }) ?? new ReferenceGrant { Metadata = metadata };
    }
}
