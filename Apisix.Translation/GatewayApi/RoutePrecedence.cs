namespace Apisix.Translation.GatewayApi;

/// <summary>
/// The Gateway API precedence as APISIX priorities. APISIX already prefers a more specific host, an exact
/// URI and a longer prefix (radixtree_host_uri); the priority breaks ties among routes that share a URI
/// entry: Exact over RegularExpression over PathPrefix, then a method match, more header matches, more
/// query matches, then the older route (creationTimestamp), its namespace/name, rule order and match order.
/// </summary>
internal sealed class RoutePrecedence
{
    private const int RankBits = 26;
    private const long MaxRank = (1L << RankBits) - 1;
    private readonly Dictionary<(ObjectRef Route, int Rule, int Match), long> _ranks = [];

    public RoutePrecedence(IEnumerable<GatewayRoute> routes)
    {
        var ordered = routes
            .OrderBy(r => r.Metadata.CreationTimestamp ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => $"{r.Namespace}/{r.Name}", StringComparer.Ordinal);
        long rank = 0;
        foreach (var route in ordered)
        {
            var rules = route switch
            {
                HttpRoute http => http.Rules,
                GrpcRoute grpc => grpc.Rules,
                _ => default,
            };
            for (var i = 0; i < rules.Count; i++)
            {
                for (var j = 0; j < Math.Max(1, rules[i].Matches.Count); j++)
                {
                    _ranks[(route.Ref, i, j)] = rank++;
                }
            }
        }
    }

    /// <summary>The priority of match <paramref name="j"/> of rule <paramref name="i"/>.</summary>
    public long Priority(GatewayRoute route, int i, int j, HttpRouteMatch match)
    {
        // GRPCRoute: a service match outranks a method match, which outranks headers alone.
        long pathScore = route is GrpcRoute
            ? (match.GrpcService is null ? 0 : 2) + (match.GrpcMethod is null ? 0 : 1)
            : match.PathType switch
            {
                "Exact" => 3,
                "RegularExpression" => 2,
                _ => 1,
            };
        long method = match.Method is null ? 0 : 1;
        long headers = Math.Min(63, match.Headers.Count);
        long query = Math.Min(63, match.QueryParams.Count);
        var rank = Math.Min(MaxRank, _ranks.GetValueOrDefault((route.Ref, i, j)));
        return (pathScore << (RankBits + 13)) | (method << (RankBits + 12)) | (headers << (RankBits + 6)) | (query << RankBits) | (MaxRank - rank);
    }
}
