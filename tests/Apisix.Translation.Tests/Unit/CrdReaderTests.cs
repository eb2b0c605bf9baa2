using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// The CRD schema rules (reference §1) that the reader applies: a field the schema does not have is a
/// warning, since the API server would drop it, and the object is still read; what the API server would
/// refuse outright (a required field missing, a list that must not be empty) is an error and the object
/// is not read.
/// </summary>
public sealed class CrdReaderTests
{
    private const string Http = "{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}]}";
    private const string Stream = "{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80}}";

    /// <summary>kind, spec (YAML flow), the path of the one field the schema does not have.</summary>
    public static TheoryData<string, string, string> DroppedFields() => new()
    {
        // A stream backend has no weight (1.x and 2.x): only http backends are weighted.
        { "ApisixRoute", "{stream: [{name: t, protocol: TCP, match: {ingressPort: 9000}, backend: {serviceName: s, servicePort: 80, weight: 5}}]}", "spec.stream[0].backend.weight" },

        // Only an active health check probes, so only it has intervals.
        { "ApisixUpstream", "{healthCheck: {active: {}, passive: {healthy: {interval: 1s}}}}", "spec.healthCheck.passive.healthy.interval" },
        { "ApisixUpstream", "{healthCheck: {active: {}, passive: {unhealthy: {interval: 1s}}}}", "spec.healthCheck.passive.unhealthy.interval" },

        // A consumer's value is read whole, yet its schema lists the fields of each method (2.x adds private_key and key_id).
        { "ApisixConsumer", "{authParameter: {keyAuth: {value: {key: k, header: h}}}}", "spec.authParameter.keyAuth.value.header" },
        { "ApisixConsumer", "{authParameter: {basicAuth: {value: {username: u, password: p, key: k}}}}", "spec.authParameter.basicAuth.value.key" },
        { "ApisixConsumer", "{authParameter: {jwtAuth: {value: {key: k, private_key: p, expires: 60}}}}", "spec.authParameter.jwtAuth.value.expires" },
        { "ApisixConsumer", "{authParameter: {wolfRBAC: {value: {appId: a}}}}", "spec.authParameter.wolfRBAC.value.appId" },
        { "ApisixConsumer", "{authParameter: {hmacAuth: {value: {key_id: a, secret_key: s, signedHeaders: [x]}}}}", "spec.authParameter.hmacAuth.value.signedHeaders" },
        { "ApisixConsumer", "{authParameter: {ldapAuth: {value: {user_dn: u, password: p}}}}", "spec.authParameter.ldapAuth.value.password" },

        // clientTimeout is in the 1.x Go type but not in its CRD schema.
        { "ApisixClusterConfig", "{admin: {baseURL: 'http://apisix:9180', clientTimeout: 5s}}", "spec.admin.clientTimeout" },
    };

    [Theory]
    [MemberData(nameof(DroppedFields))]
    public void FieldOutsideTheSchema_IsAWarning_AndTheObjectIsRead(string kind, string spec, string path)
    {
        var read = Read(kind, spec);

        Assert.Single(read.Objects);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, path, "unknown field (the API server would drop it)"), (finding.Severity, finding.Code, finding.Path, finding.Message));
        Assert.Equal(new ObjectRef(kind, kind == "ApisixClusterConfig" ? null : "ns", "x"), finding.Object);
    }

    /// <summary>kind, spec (YAML flow), the one path the reader refuses, the code, the message.</summary>
    public static TheoryData<string, string, string, string, string> RefusedFields() => new()
    {
        // authentication.enable is required in 1.x and 2.x alike.
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [{serviceName: s, servicePort: 80}], authentication: {type: keyAuth}}]}", "spec.http[0].authentication.enable", DiagnosticCodes.RequiredField, "is required" },

        // 1.x minItems 1: a list that is given has an item, even where another list could stand in for it.
        { "ApisixRoute", $"{{http: [], stream: [{Stream}]}}", "spec.http", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", $"{{http: [{Http}], stream: []}}", "spec.stream", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x], hosts: []}, backends: [{serviceName: s, servicePort: 80}]}]}", "spec.http[0].match.hosts", DiagnosticCodes.SchemaViolation, "must have at least one item" },
        { "ApisixRoute", "{http: [{name: r, match: {paths: [/x]}, backends: [], upstreams: [{name: u}]}]}", "spec.http[0].backends", DiagnosticCodes.SchemaViolation, "must have at least one item" },

        // admin.baseURL is required (and not empty) once admin is given.
        { "ApisixClusterConfig", "{admin: {adminKey: k}}", "spec.admin.baseURL", DiagnosticCodes.RequiredField, "is required" },
        { "ApisixClusterConfig", "{admin: {baseURL: ''}}", "spec.admin.baseURL", DiagnosticCodes.RequiredField, "must not be empty" },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public void RefusedField_IsAnError_AndTheObjectIsNotRead(string kind, string spec, string path, string code, string message)
    {
        var read = Read(kind, spec);

        Assert.Empty(read.Objects);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, code, path, message), (finding.Severity, finding.Code, finding.Path, finding.Message));
        Assert.Equal(new ObjectRef(kind, kind == "ApisixClusterConfig" ? null : "ns", "x"), finding.Object);
    }

    private static ManifestReadResult Read(string kind, string spec) =>
        ManifestReader.Read($"apiVersion: apisix.apache.org/v2\nkind: {kind}\nmetadata: {{name: x, namespace: ns}}\nspec: {spec}\n", "test.yaml");
}
