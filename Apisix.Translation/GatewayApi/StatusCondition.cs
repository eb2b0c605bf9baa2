namespace Apisix.Translation.GatewayApi;

/// <summary>A status condition as the Gateway API writes them.</summary>
/// <param name="Type">Accepted, ResolvedRefs, Programmed, ...</param>
/// <param name="Status">"True" or "False".</param>
/// <param name="Reason">The spec's reason, e.g. NotAllowedByListeners.</param>
/// <param name="Message">Words for people.</param>
public sealed record StatusCondition(string Type, string Status, string Reason, string Message)
{
    /// <summary>A True condition whose reason is its type (Accepted/Accepted, ResolvedRefs/ResolvedRefs).</summary>
    public static StatusCondition Ok(string type, string message = "") => new(type, "True", type, message);

    /// <summary>A False condition.</summary>
    public static StatusCondition Failed(string type, string reason, string message) => new(type, "False", reason, message);
}
