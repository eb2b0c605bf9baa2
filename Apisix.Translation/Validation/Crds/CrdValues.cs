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
    public static readonly string[] PassHost = ["pass", "node", "rewrite"];
    public static readonly string[] CheckTypes = ["http", "https", "tcp"];

    /// <summary>"one of a, b, c", for messages.</summary>
    public static string OneOf(string[] values) => $"must be one of {string.Join(", ", values)}";
}
