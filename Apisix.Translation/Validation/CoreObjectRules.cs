using System.Buffers;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Networking;

namespace Apisix.Translation.Validation;

/// <summary>
/// The translated APISIX objects against APISIX's own core object schemas (reference apisix.md §2) in the
/// chosen version: what the Admin API refuses with a 400 although every Kubernetes field passed its own rules
/// (a consumer username with a dot, a name over the length limit, a label value with a space, a host
/// APISIX's host pattern does not take). Each finding goes to the Kubernetes object the APISIX object came
/// from, at the field that produced the value where that is clear, else at the APISIX field
/// (<c>(route "demo_api_v1").uris[1]</c>) with the value in the message.
/// </summary>
/// <remarks>
/// Runs on every admission review, so the walk is plain comparisons: no regex, no LINQ, and a path, a message
/// or an owner lookup only for a finding. Values the translation or the CRD rules refuse already (an
/// ApisixRoute host outside the 1.x CRD pattern, a timeout of 0, a port out of range) never reach an APISIX
/// object and are not checked again. The settings of an ApisixUpstream are checked on the ApisixUpstream
/// itself, where they are written, rather than on every upstream they end up in.
/// </remarks>
internal sealed class CoreObjectRules
{
    /// <summary>Names (and usernames) may be 256 characters long from this version, 100 before.</summary>
    private static readonly ApisixVersion LongNamesSince = new(3, 15);

    /// <summary>A consumer username may hold <c>-</c> from this version.</summary>
    private static readonly ApisixVersion HyphenInUsernamesSince = new(3, 13);

    /// <summary>A host (or SNI) may be a lone <c>*</c> from this version.</summary>
    private static readonly ApisixVersion LoneWildcardHostSince = new(3, 15);

    /// <summary>Two global rules may not hold the same plugin from this version.</summary>
    private static readonly ApisixVersion UniqueGlobalRulePluginsSince = new(3, 15);

    private const int MaxUriLength = 4096;

    private const int MaxLabelLength = 256;

    private const int MinFilterFuncLength = 10;

    /// <summary>A username before 3.13: <c>[a-zA-Z0-9_]</c>; from 3.13 <c>-</c> too.</summary>
    private static readonly SearchValues<char> UsernameCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>What PCRE's <c>\s</c> matches without UTF mode, as APISIX compiles <c>^\S+$</c>.</summary>
    private static readonly SearchValues<char> Whitespace = SearchValues.Create("\t\n\v\f\r ");

    /// <summary>A chash key on a header or cookie: <c>^[a-zA-Z0-9-_]+$</c>.</summary>
    private static readonly SearchValues<char> HeaderKeyCharacters = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>A chash key <c>arg_*</c> on vars: <c>[0-9a-zA-z_-]+</c> (APISIX's <c>A-z</c> also takes <c>[\]^`</c>).</summary>
    private static readonly SearchValues<char> ArgKeyCharacters = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz");

    /// <summary>The variables a chash key on vars may name besides <c>arg_*</c>.</summary>
    private static readonly string[] HashVariables = ["uri", "server_name", "server_addr", "request_uri", "remote_port", "remote_addr", "query_string", "host", "hostname", "mqtt_client_id"];

    private readonly TranslationResult _result;
    private readonly TranslationInput _input;
    private readonly ValidationOptions _options;
    private readonly Action<KubernetesObject, string, string> _report;

    private CoreObjectRules(TranslationResult result, TranslationInput input, ValidationOptions options, Action<KubernetesObject, string, string> report)
    {
        _result = result;
        _input = input;
        _options = options;
        _report = report;
    }

    private ApisixVersion Version => _options.Version;

    /// <summary>The longest name (route, upstream) or consumer username the version takes.</summary>
    private int MaxNameLength => Version >= LongNamesSince ? 256 : 100;

    /// <summary>Checks every object of <paramref name="result"/>, and the settings of every ApisixUpstream this controller serves.</summary>
    /// <param name="result">The translation.</param>
    /// <param name="input">What was translated: the owners of the objects.</param>
    /// <param name="options">The APISIX version and the code-execution policy.</param>
    /// <param name="translation">Which objects this controller serves.</param>
    /// <param name="report">Takes each finding: the Kubernetes object, the field path, the message.</param>
    public static void Check(TranslationResult result, TranslationInput input, ValidationOptions options, TranslationOptions translation, Action<KubernetesObject, string, string> report)
    {
        var rules = new CoreObjectRules(result, input, options, report);
        var configuration = result.Configuration;
        foreach (var route in configuration.Routes)
        {
            rules.Route(route);
        }

        foreach (var upstream in configuration.Upstreams)
        {
            rules.Upstream(upstream);
        }

        foreach (var ssl in configuration.Ssls)
        {
            rules.Ssl(ssl);
        }

        foreach (var consumer in configuration.Consumers)
        {
            rules.Consumer(consumer);
        }

        foreach (var pluginConfig in configuration.PluginConfigs)
        {
            rules.Labels("plugin_configs", pluginConfig.Id, "plugin_config", pluginConfig.Name ?? pluginConfig.Id, pluginConfig.Labels);
        }

        rules.GlobalRules(configuration.GlobalRules);
        foreach (var streamRoute in configuration.StreamRoutes)
        {
            rules.StreamRoute(streamRoute);
        }

        foreach (var apisixUpstream in input.All<ApisixUpstream>())
        {
            if (translation.SelectsCrd(apisixUpstream.IngressClassName))
            {
                rules.UpstreamSettings(apisixUpstream, apisixUpstream.Settings, -1);
                for (var i = 0; i < apisixUpstream.PortLevelSettings.Count; i++)
                {
                    rules.UpstreamSettings(apisixUpstream, apisixUpstream.PortLevelSettings[i].Settings, i);
                }
            }
        }
    }

    private void Route(Route route)
    {
        var name = route.Name ?? route.Id;
        if (route.Name is { } routeName && Characters(routeName) > MaxNameLength)
        {
            RouteFinding(route, "name", -1, TooLong("route name", routeName));
        }

        Labels("routes", route.Id, "route", name, route.Labels);
        if (route.Host is { } host && !IsHost(host))
        {
            RouteFinding(route, "host", -1, NotAHost(host));
        }

        Items(route, route.Hosts, "hosts", "host", static (rules, host) => rules.IsHost(host) ? null : rules.NotAHost(host));
        Items(route, route.Uris, "uris", "path", static (_, uri) => uri.Length > 0 && Characters(uri) <= MaxUriLength ? null : $"must be 1 to {MaxUriLength} characters long, got {Characters(uri)}");
        Items(route, route.Methods, "methods", "method", static (_, _) => null);
        Items(route, route.RemoteAddrs, "remote_addrs", "address", static (_, address) => IsRemoteAddr(address) ? null
            : $"'{address}' is not an address APISIX takes: an IPv4 address of four dotted numbers (with /0 to /32), or an IPv6 address (with a prefix length)");
        if (route.UpstreamId is null && route.Plugins is null)
        {
            RouteFinding(route, "upstream_id", -1, "the route has neither an upstream nor plugins, which APISIX refuses (a plugin_config alone does not count)");
        }

        if (route.FilterFunc is { } filterFunc)
        {
            FilterFunc(route, filterFunc);
        }
    }

    /// <summary>A list of a route (unique items): <paramref name="problem"/>'s finding for a bad item, else one for a repeat.</summary>
    private void Items(Route route, EquatableArray<string>? list, string field, string what, Func<CoreObjectRules, string, string?> problem)
    {
        var items = list ?? default;
        var repeats = new RepeatFinder<string, string>(items, static item => item);
        for (var j = 0; j < items.Count; j++)
        {
            var repeated = repeats.At(j);
            if (problem(this, items[j]) is { } message)
            {
                RouteFinding(route, field, j, message);
            }
            else if (repeated)
            {
                RouteFinding(route, field, j, Repeated(what, items[j]));
            }
        }
    }

    /// <summary>
    /// <c>filter_func</c>: at least 10 characters, starting with <c>function</c>, and <c>return</c> it must compile
    /// to a function. Only where the policy allows code: elsewhere the route already has the denial.
    /// </summary>
    private void FilterFunc(Route route, string code)
    {
        if (Owner("routes", route.Id) is not { } owner || !_options.AllowsCodeIn(owner.Namespace))
        {
            return;
        }

        var problem = code.Length < MinFilterFuncLength ? $"must be at least {MinFilterFuncLength} characters long, got {code.Length}"
            : !code.StartsWith("function", StringComparison.Ordinal) ? "must start with 'function' (APISIX loads it as `return <filter_func>`)"
            : PluginChecks.LuaProblem("return " + code, mustReturnFunction: true, _options.Lua);
        if (problem is not null)
        {
            _report(owner, RoutePath(owner, route, "filter_func", -1), problem);
        }
    }

    private void Upstream(Upstream upstream)
    {
        var name = upstream.Name ?? upstream.Id;
        if (upstream.Name is { } upstreamName && Characters(upstreamName) > MaxNameLength)
        {
            UpstreamFinding(upstream, "name", -1, TooLong("upstream name", upstreamName));
        }

        Labels("upstreams", upstream.Id, "upstream", name, upstream.Labels);
        var nodes = upstream.Nodes ?? default;
        for (var k = 0; k < nodes.Count; k++)
        {
            var node = nodes[k];
            if (!IsHost(node.Host))
            {
                UpstreamFinding(upstream, "nodes", k, $"node host '{node.Host}'{FromService(upstream)} is not a host APISIX takes (letters, digits and - . _ [ ] :)");
            }

            if (node.Port is < 1 or > 65535)
            {
                UpstreamFinding(upstream, "nodes", k, $"node port {node.Port}{FromService(upstream)} must be between 1 and 65535");
            }
        }
    }

    private void Ssl(Ssl ssl)
    {
        Labels("ssls", ssl.Id, "ssl", ssl.Id, ssl.Labels);
        if (ssl.Snis is not { } snis)
        {
            return;
        }

        if (snis.IsEmpty)
        {
            SslFinding(ssl, -1, "the ssl has no SNI (no hosts, and the certificate names none), which APISIX refuses; list the hosts");
        }

        for (var j = 0; j < snis.Count; j++)
        {
            if (!IsHost(snis[j]))
            {
                SslFinding(ssl, j, NotAHost(snis[j]));
            }
        }
    }

    private void Consumer(Consumer consumer)
    {
        var username = consumer.Username;
        Labels("consumers", username, "consumer", username, consumer.Labels);
        var invalid = UsernameProblemAt(username, Version);
        if (username.Length == 0 || invalid >= 0)
        {
            var allowed = Version >= HyphenInUsernamesSince ? "letters, digits, _ and -" : "letters, digits and _ (and - from 3.13)";
            ConsumerFinding(consumer, invalid, $"makes the consumer username '{username}', which APISIX {Version} refuses: a username may only have {allowed}");
        }
        else if (Characters(username) > MaxNameLength)
        {
            ConsumerFinding(consumer, -1, $"makes the consumer username '{username}' {Characters(username)} characters long; APISIX {Version} allows at most {MaxNameLength}{LongerLater()}");
        }
    }

    /// <summary>
    /// Where <paramref name="username"/> leaves <c>^[a-zA-Z0-9_]+$</c> (from 3.13 <c>^[a-zA-Z0-9_\-]+$</c>), or -1.
    /// Our usernames never hold <c>-</c> (1.x makes it <c>_</c>), but a dot in a name stays.
    /// </summary>
    internal static int UsernameProblemAt(string username, ApisixVersion version)
    {
        var hyphens = version >= HyphenInUsernamesSince;
        for (var i = 0; i < username.Length; i++)
        {
            if (!UsernameCharacters.Contains(username[i]) && !(hyphens && username[i] == '-'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>From 3.15 two global rules may not hold the same plugin: the later one (by id) is refused.</summary>
    private void GlobalRules(EquatableArray<GlobalRule> globalRules)
    {
        if (globalRules.Count < 2 || Version < UniqueGlobalRulePluginsSince)
        {
            return;
        }

        var holders = new Dictionary<string, GlobalRule>(StringComparer.Ordinal);
        foreach (var globalRule in globalRules)
        {
            foreach (var (plugin, _) in globalRule.Plugins.Pairs)
            {
                if (!holders.TryAdd(plugin, globalRule) && Owner("global_rules", globalRule.Id) is { } owner)
                {
                    var holder = holders[plugin];
                    var holderOwner = _result.Owners.Find("global_rules", holder.Id)?.ToString() ?? $"global_rule {holder.Id}";
                    _report(owner, GlobalRulePluginPath(owner, globalRule, plugin), $"{plugin} is also a global plugin of {holderOwner}; APISIX {Version} refuses a second global rule with the same plugin (merge them into one)");
                }
            }
        }
    }

    private void StreamRoute(StreamRoute streamRoute)
    {
        Labels("stream_routes", streamRoute.Id, "stream_route", streamRoute.Id, streamRoute.Labels);
        if (streamRoute.Sni is { } sni && !IsHost(sni) && Owner("stream_routes", streamRoute.Id) is { } owner)
        {
            _report(owner, StreamRoutePath(owner, streamRoute), NotAHost(sni));
        }
    }

    /// <summary>
    /// The upstream fields an ApisixUpstream writes that APISIX checks beyond our CRD: the chash key, unique
    /// status codes. <paramref name="port"/> is the <c>portLevelSettings</c> index, or -1 for the top level.
    /// </summary>
    private void UpstreamSettings(ApisixUpstream owner, UpstreamSettings settings, int port)
    {
        if (settings.LoadBalancer is { Type: "chash", HashOn: { } hashOn, Key: { Length: > 0 } key } && HashKeyProblem(hashOn, key) is { } problem)
        {
            _report(owner, $"{SettingsPath(port)}.loadbalancer.key", problem);
        }

        if (settings.HealthCheck is not { } check)
        {
            return;
        }

        StatusCodes(owner, check.Active?.Healthy?.HttpCodes, port, "active.healthy");
        StatusCodes(owner, check.Active?.Unhealthy?.HttpCodes, port, "active.unhealthy");
        StatusCodes(owner, check.Passive?.Healthy?.HttpCodes, port, "passive.healthy");
        StatusCodes(owner, check.Passive?.Unhealthy?.HttpCodes, port, "passive.unhealthy");
    }

    private void StatusCodes(ApisixUpstream owner, EquatableArray<int>? codes, int port, string block)
    {
        var list = codes ?? default;
        var repeated = new RepeatFinder<int, int>(list, static item => item);
        for (var j = 0; j < list.Count; j++)
        {
            if (repeated.At(j))
            {
                _report(owner, $"{SettingsPath(port)}.healthCheck.{block}.httpCodes[{j}]", $"{list[j]} is listed twice; APISIX refuses repeated status codes");
            }
        }
    }

    private static string SettingsPath(int port) => port < 0 ? "spec" : $"spec.portLevelSettings[{port}]";

    /// <summary>What APISIX says about a chash <paramref name="key"/> for <paramref name="hashOn"/>, or null when it takes it.</summary>
    private static string? HashKeyProblem(string hashOn, string key)
    {
        switch (hashOn)
        {
            case "vars":
                var isArg = key.StartsWith("arg_", StringComparison.Ordinal) && key.Length > 4 && !key.AsSpan(4).ContainsAnyExcept(ArgKeyCharacters);
                return isArg || Array.IndexOf(HashVariables, key) >= 0
                    ? null
                    : $"'{key}' is not a variable APISIX hashes on: one of {string.Join(", ", HashVariables)}, or arg_<name> (use hashOn: vars_combinations for other variables, as $var)";
            case "header" or "cookie":
                return !key.AsSpan().ContainsAnyExcept(HeaderKeyCharacters)
                    ? null
                    : $"'{key}' is not a {hashOn} name APISIX hashes on: letters, digits, - and _ only";
            default:
                return null;
        }
    }

    /// <summary>Every label value must be 1 to 256 characters without whitespace (keys are free).</summary>
    private void Labels(string collection, string id, string type, string name, EquatableMap<string>? labels)
    {
        if (labels is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map.Pairs)
        {
            if (value.Length == 0 || value.AsSpan().ContainsAny(Whitespace) || Characters(value) > MaxLabelLength)
            {
                if (Owner(collection, id) is { } owner)
                {
                    var path = owner.Metadata.Labels.TryGetValue(key, out var own) && own == value
                        ? $"metadata.labels[{key}]"
                        : $"({type} \"{name}\").labels[{key}]";
                    _report(owner, path, $"label {key}: the value '{value}' must be 1 to {MaxLabelLength} characters without whitespace (APISIX refuses the {type})");
                }
            }
        }
    }

    /// <summary>APISIX's <c>host_def</c>: <c>^\*?[0-9a-zA-Z-._\[\]:]+$</c>, and from 3.15 a lone <c>*</c>.</summary>
    private bool IsHost(string host)
    {
        if (host == "*")
        {
            return Version >= LoneWildcardHostSince;
        }

        return WildcardHost.Matches(host, WildcardHost.ApisixCharacters);
    }

    /// <summary>
    /// APISIX's <c>remote_addr</c>: an IPv4 or IPv6 address (the schema formats), IPv4/CIDR
    /// (<c>([0-9]{1,3}\.){3}[0-9]{1,3}/([12]?[0-9]|3[0-2])</c>) or IPv6 with a prefix of 1 to 3 digits.
    /// </summary>
    internal static bool IsRemoteAddr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return SchemaEvaluator.FormatHolds(value, "ipv4") || SchemaEvaluator.FormatHolds(value, "ipv6");
        }

        var mask = value.AsSpan(slash + 1);
        if (mask.Length is < 1 or > 3 || mask.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var address = value[..slash];
        if (address.Contains(':', StringComparison.Ordinal))
        {
            return SchemaEvaluator.FormatHolds(address, "ipv6");
        }

        var ipv4Mask = mask.Length == 1 || (mask.Length == 2 && (mask[0] is '1' or '2' || (mask[0] == '3' && mask[1] <= '2')));
        return ipv4Mask && IsDottedQuad(address);
    }

    /// <summary><c>([0-9]{1,3}\.){3}[0-9]{1,3}</c>.</summary>
    private static bool IsDottedQuad(string address)
    {
        var parts = 0;
        var digits = 0;
        foreach (var c in address)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                parts++;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c) && digits < 3)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return parts == 3 && digits > 0;
    }

    /// <summary>The length as APISIX's validator counts it (characters, not UTF-16 units); cheap for the usual short string.</summary>
    private static int Characters(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    private string TooLong(string what, string value) =>
        $"makes the {what} '{value}', {Characters(value)} characters long; APISIX {Version} allows at most {MaxNameLength}{LongerLater()}";

    private string LongerLater() => Version < LongNamesSince ? " (256 from 3.15)" : string.Empty;

    private string NotAHost(string host) => host == "*"
        ? $"a lone * as a host is only taken from APISIX 3.15 (this is {Version}); use *.example.com or leave the host out"
        : $"'{host}' is not a host APISIX takes: letters, digits and - . _ [ ] :, with an optional leading *";

    private static string Repeated(string what, string value) => $"{what} '{value}' is listed twice; APISIX refuses repeated items";

    private string FromService(Upstream upstream) =>
        _result.UpstreamSources.TryGetValue(upstream.Id, out var source) ? $" (from Service {source.Namespace}/{source.Service})" : string.Empty;

    /// <summary>The Kubernetes object behind an APISIX object, as read (for its fields and lines).</summary>
    private KubernetesObject? Owner(string collection, string id) =>
        _result.Owners.Find(collection, id) is { } owner ? _input.Get<KubernetesObject>(owner.Kind, owner.Namespace, owner.Name) : null;

    private void RouteFinding(Route route, string field, int index, string message)
    {
        if (Owner("routes", route.Id) is { } owner)
        {
            _report(owner, RoutePath(owner, route, field, index), message);
        }
    }

    private void UpstreamFinding(Upstream upstream, string field, int index, string message)
    {
        if (Owner("upstreams", upstream.Id) is { } owner)
        {
            _report(owner, UpstreamPath(owner, upstream, field, index), message);
        }
    }

    private void SslFinding(Ssl ssl, int index, string message)
    {
        if (Owner("ssls", ssl.Id) is { } owner)
        {
            _report(owner, SslPath(owner, ssl, index), message);
        }
    }

    private void ConsumerFinding(Consumer consumer, int invalid, string message)
    {
        if (Owner("consumers", consumer.Username) is not { } owner)
        {
            return;
        }

        // The username is {namespace}_{name}: a character before the joining '_' is the namespace's.
        var path = owner is ApisixConsumer && invalid >= 0 && invalid < owner.Namespace.Length ? "metadata.namespace" : "metadata.name";
        _report(owner, owner is ApisixConsumer ? path : ApisixField("consumer", consumer.Username, "username", -1), message);
    }

    /// <summary>The field of the Kubernetes object that produced a route field, else the APISIX field.</summary>
    private static string RoutePath(KubernetesObject owner, Route route, string field, int index)
    {
        switch (owner)
        {
            case ApisixRoute apisixRoute when RuleOf(apisixRoute, route) is var i and >= 0:
                var match = field switch
                {
                    "hosts" => "match.hosts",
                    "uris" => "match.paths",
                    "methods" => "match.methods",
                    "remote_addrs" => "match.remoteAddrs",
                    "filter_func" => "match.filter_func",
                    "name" => "name",
                    _ => null,
                };
                if (match is not null)
                {
                    return index < 0 ? $"spec.http[{i}].{match}" : $"spec.http[{i}].{match}[{index}]";
                }

                break;
            case Ingress when field == "name":
                return "metadata.name";
            case Ingress ingress when field == "host":
                for (var i = 0; i < ingress.Rules.Count; i++)
                {
                    if (ingress.Rules[i].Host == route.Host)
                    {
                        return $"spec.rules[{i}].host";
                    }
                }

                break;
            case Ingress ingress when field == "upstream_id" && IngressBackendPath(ingress, route) is { } backend:
                return backend;
        }

        return ApisixField("route", route.Name ?? route.Id, field, index);
    }

    /// <summary>The http rule of <paramref name="owner"/> that made <paramref name="route"/> (named <c>{ns}_{name}_{rule}</c>), or -1.</summary>
    private static int RuleOf(ApisixRoute owner, Route route)
    {
        for (var i = 0; i < owner.Http.Count; i++)
        {
            if (route.Name == $"{owner.Namespace}_{owner.Name}_{owner.Http[i].Name}")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The backend of the Ingress path (or default backend) that made <paramref name="route"/>.</summary>
    private static string? IngressBackendPath(Ingress ingress, Route route)
    {
        if (ingress.DefaultBackend is not null && route.Name == $"ing_{ingress.Namespace}_{ingress.Name}_default-backend")
        {
            return "spec.defaultBackend";
        }

        for (var i = 0; i < ingress.Rules.Count; i++)
        {
            var paths = ingress.Rules[i].Paths ?? default;
            for (var j = 0; j < paths.Count; j++)
            {
                if (route.Name == $"ing_{ingress.Namespace}_{ingress.Name}_{IdGenerator.GenId((ingress.Rules[i].Host ?? string.Empty) + (paths[j].Path ?? string.Empty))}")
                {
                    return $"spec.rules[{i}].http.paths[{j}].backend";
                }
            }
        }

        return null;
    }

    /// <summary>For a name: the ApisixRoute field that names the Service or ApisixUpstream; else the APISIX field.</summary>
    private static string UpstreamPath(KubernetesObject owner, Upstream upstream, string field, int index)
    {
        if (field == "name" && owner is ApisixRoute route && upstream.Name is { } name)
        {
            var prefix = $"{route.Namespace}_";
            for (var i = 0; i < route.Http.Count; i++)
            {
                var rule = route.Http[i];
                for (var j = 0; j < rule.Upstreams.Count; j++)
                {
                    if (name == prefix + rule.Upstreams[j].Name)
                    {
                        return $"spec.http[{i}].upstreams[{j}].name";
                    }
                }

                for (var j = 0; j < rule.Backends.Count; j++)
                {
                    if (name.StartsWith($"{prefix}{rule.Backends[j].ServiceName}_", StringComparison.Ordinal))
                    {
                        return $"spec.http[{i}].backends[{j}].serviceName";
                    }
                }
            }

            for (var i = 0; i < route.Stream.Count; i++)
            {
                if (name.StartsWith($"{prefix}{route.Stream[i].Backend.ServiceName}_", StringComparison.Ordinal))
                {
                    return $"spec.stream[{i}].backend.serviceName";
                }
            }
        }

        return ApisixField("upstream", upstream.Name ?? upstream.Id, field, index);
    }

    /// <summary>The host of the ApisixTls or Ingress <c>spec.tls[k]</c> entry that made an SNI; else the APISIX field.</summary>
    private static string SslPath(KubernetesObject owner, Ssl ssl, int index)
    {
        var sni = index >= 0 ? ssl.Snis!.Value[index] : null;
        switch (owner)
        {
            case ApisixTls tls when sni is not null:
                for (var j = 0; j < tls.Hosts.Count; j++)
                {
                    if (tls.Hosts[j] == sni)
                    {
                        return $"spec.hosts[{j}]";
                    }
                }

                break;
            case Ingress ingress:
                for (var k = 0; k < ingress.Tls.Count; k++)
                {
                    if (IdGenerator.GenId($"Ingress_{ingress.Namespace}_{ingress.Name}_{k}") != ssl.Id)
                    {
                        continue;
                    }

                    var hosts = ingress.Tls[k].Hosts;
                    for (var j = 0; j < hosts.Count && sni is not null; j++)
                    {
                        if (string.Equals(hosts[j], sni, StringComparison.OrdinalIgnoreCase))
                        {
                            return $"spec.tls[{k}].hosts[{j}]";
                        }
                    }

                    // The SNIs came from the certificate's names.
                    return $"spec.tls[{k}].secretName";
                }

                break;
        }

        return ApisixField("ssl", ssl.Id, "snis", index);
    }

    /// <summary>The stream rule's <c>match.host</c> (rule found by its id <c>{ns}_{name}_{rule}_tcp</c>); else the APISIX field.</summary>
    private static string StreamRoutePath(KubernetesObject owner, StreamRoute streamRoute)
    {
        if (owner is ApisixRoute route)
        {
            for (var i = 0; i < route.Stream.Count; i++)
            {
                if (IdGenerator.GenId($"{route.Namespace}_{route.Name}_{route.Stream[i].Name}_tcp") == streamRoute.Id)
                {
                    return $"spec.stream[{i}].match.host";
                }
            }
        }

        return ApisixField("stream_route", streamRoute.Id, "sni", -1);
    }

    /// <summary>The plugin entry of the ApisixGlobalRule, or the monitoring block of the ApisixClusterConfig; else the APISIX field.</summary>
    private static string GlobalRulePluginPath(KubernetesObject owner, GlobalRule globalRule, string plugin)
    {
        switch (owner)
        {
            case ApisixGlobalRule rule:
                for (var k = 0; k < rule.Plugins.Count; k++)
                {
                    if (rule.Plugins[k].Enable && rule.Plugins[k].Name == plugin)
                    {
                        return $"spec.plugins[{k}]";
                    }
                }

                break;
            case ApisixClusterConfig when plugin is "prometheus" or "skywalking":
                return $"spec.monitoring.{plugin}";
        }

        return ApisixField("global_rule", globalRule.Id, $"plugins.{plugin}", -1);
    }

    /// <summary><c>(route "demo_api_v1").uris[1]</c>: an APISIX field, for values no single Kubernetes field holds.</summary>
    private static string ApisixField(string type, string name, string field, int index) =>
        index < 0 ? $"({type} \"{name}\").{field}" : $"({type} \"{name}\").{field}[{index}]";
}
