namespace Apisix.Translation;

/// <summary>The stable codes that <see cref="Diagnostic.Code"/> takes. Tools may match on them.</summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid YAML or JSON.</summary>
    public const string MalformedManifest = "MalformedManifest";

    /// <summary>A document lacks <c>apiVersion</c>, <c>kind</c> or <c>metadata.name</c>.</summary>
    public const string InvalidObject = "InvalidObject";

    /// <summary>A kind (or apiVersion) this library does not read, or (a 2.x v1alpha1 kind) reads and checks but does not translate.</summary>
    public const string UnknownKind = "UnknownKind";

    /// <summary>A field the kind's schema does not have.</summary>
    public const string UnknownField = "UnknownField";

    /// <summary>A value of the wrong JSON type.</summary>
    public const string WrongType = "WrongType";

    /// <summary>A required field is missing or empty.</summary>
    public const string RequiredField = "RequiredField";

    /// <summary>A value outside what the field allows.</summary>
    public const string InvalidValue = "InvalidValue";

    /// <summary>Two objects or rules claim the same name or id.</summary>
    public const string Duplicate = "Duplicate";

    /// <summary>A referenced Service does not exist or lacks the port.</summary>
    public const string BackendNotFound = "BackendNotFound";

    /// <summary>A referenced ApisixUpstream does not exist or cannot be used.</summary>
    public const string UpstreamNotFound = "UpstreamNotFound";

    /// <summary>A referenced Secret does not exist, or lacks a key.</summary>
    public const string SecretNotFound = "SecretNotFound";

    /// <summary>A Secret exists but lacks a key or holds data of the wrong shape.</summary>
    public const string InvalidSecret = "InvalidSecret";

    /// <summary>A reference to another namespace that no ReferenceGrant allows.</summary>
    public const string RefNotPermitted = "RefNotPermitted";

    /// <summary>A plugin entry cannot be translated.</summary>
    public const string InvalidPluginConfig = "InvalidPluginConfig";

    /// <summary>An object this object depends on has errors of its own.</summary>
    public const string DependencyInvalid = "DependencyInvalid";

    /// <summary>A value the CRD schema does not allow: the API server would refuse the object.</summary>
    public const string SchemaViolation = "SchemaViolation";

    /// <summary>
    /// A translated APISIX object breaks APISIX's own schema for that object (a consumer username with a dot,
    /// a name over the length limit): the Admin API would refuse it.
    /// </summary>
    public const string ApisixSchemaViolation = "ApisixSchemaViolation";

    /// <summary>A value is accepted but behaves in a way the user may not expect.</summary>
    public const string Suspicious = "Suspicious";
}
