using Apisix.Translation.Config;

namespace Apisix.Translation.GatewayApi;

/// <summary>What the translation works out about one listener before routes attach to it.</summary>
internal sealed class ListenerState(Gateway gateway, Listener listener)
{
    public Gateway Gateway { get; } = gateway;

    public Listener Listener { get; } = listener;

    /// <summary>The route kinds this listener takes.</summary>
    public List<string> Kinds { get; } = [];

    public List<StatusCondition> Conditions { get; } = [];

    public List<Ssl> Ssls { get; } = [];

    public int AttachedRoutes { get; set; }

    /// <summary>False when the listener cannot serve (unsupported protocol).</summary>
    public bool Usable { get; set; } = true;
}
