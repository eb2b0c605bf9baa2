namespace Apisix.Translation.Config;

/// <summary>A <c>timeout</c> object in whole seconds.</summary>
/// <param name="Connect">Connect timeout.</param>
/// <param name="Send">Send timeout.</param>
/// <param name="Read">Read timeout.</param>
public sealed record TimeoutSeconds(long Connect, long Send, long Read);
