namespace Apisix.Translation.Validation.Crds;

/// <summary>The value sets of the CRD schemas (reference §1), shared by the rule classes.</summary>
internal static class CrdValues
{
    public static readonly string[] Methods = ["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"];
    public static readonly string[] Scopes = ["Cookie", "Header", "Path", "Query", "Variable", "Body"];
    public static readonly string[] Operators = ["Equal", "NotEqual", "GreaterThan", "GreaterThanEqual", "LessThan", "LessThanEqual", "In", "NotIn", "RegexMatch", "RegexNotMatch", "RegexMatchCaseInsensitive", "RegexNotMatchCaseInsensitive"];
    public static readonly string[] AuthenticationTypes = ["basicAuth", "keyAuth", "jwtAuth", "wolfRBAC", "hmacAuth", "ldapAuth"];
    public static readonly string[] Granularities = ["endpoint", "service"];
    public static readonly string[] Protocols = ["TCP", "UDP"];
    public static readonly string[] Balancers = ["roundrobin", "chash", "ewma", "least_conn"];
    public static readonly string[] HashOn = ["vars", "vars_combinations", "header", "cookie", "consumer"];
    public static readonly string[] Schemes = ["http", "https", "grpc", "grpcs"];
    public static readonly string[] PortLevelSchemes = ["http", "grpc"];
    public static readonly string[] Schemes2x = ["http", "https", "grpc", "grpcs", "tcp", "tls", "udp"];
    public static readonly string[] PassHost = ["pass", "node", "rewrite"];
    public static readonly string[] CheckTypes = ["http", "https", "tcp"];

    /// <summary>An ApisixUpstream's settings: the 1.x schema's schemes, and active-check concurrency and successes of at least 1.</summary>
    public static readonly SettingsSchema UpstreamSchema = new(Schemes, LeastCount: 1);

    /// <summary>A port's settings in an ApisixUpstream: as <see cref="UpstreamSchema"/>, with only http and grpc (1.x).</summary>
    public static readonly SettingsSchema PortLevelSchema = new(PortLevelSchemes, LeastCount: 1);

    /// <summary>A BackendTrafficPolicy's settings (2.x): the 2.x schemes, and concurrency and successes from 0.</summary>
    public static readonly SettingsSchema PolicySchema = new(Schemes2x, LeastCount: 0);

    /// <summary>"one of a, b, c", for messages.</summary>
    public static string OneOf(string[] values) => $"must be one of {string.Join(", ", values)}";

    /// <summary>How the schemas of upstream settings differ: the schemes, and the least active-check concurrency and success count.</summary>
    public sealed record SettingsSchema(string[] Schemes, int LeastCount);
}
