using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Apisix.Webhook.Hosting;

/// <summary>Request counters and a latency histogram, written in the Prometheus text format.</summary>
internal sealed class WebhookMetrics
{
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
    private readonly ConcurrentDictionary<(string Endpoint, string Outcome), long> _requests = new();
    private readonly long[] _bucketCounts = new long[Buckets.Length + 1];
    private long _count;
    private long _sumMicroseconds;

    public void Record(string endpoint, string outcome, TimeSpan elapsed)
    {
        _requests.AddOrUpdate((endpoint, outcome), 1, (_, n) => n + 1);
        var seconds = elapsed.TotalSeconds;
        var bucket = 0;
        while (bucket < Buckets.Length && seconds > Buckets[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _bucketCounts[bucket]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicroseconds, (long)elapsed.TotalMicroseconds);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("# HELP apisix_webhook_requests_total Admission requests by endpoint and outcome.\n");
        text.Append("# TYPE apisix_webhook_requests_total counter\n");
        foreach (var ((endpoint, outcome), count) in _requests.OrderBy(p => p.Key.Endpoint, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"apisix_webhook_requests_total{{endpoint=\"{endpoint}\",outcome=\"{outcome}\"}} {count}\n");
        }

        text.Append("# HELP apisix_webhook_request_duration_seconds Time to answer an admission request.\n");
        text.Append("# TYPE apisix_webhook_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (var i = 0; i < Buckets.Length; i++)
        {
            cumulative += Interlocked.Read(ref _bucketCounts[i]);
            text.Append(CultureInfo.InvariantCulture, $"apisix_webhook_request_duration_seconds_bucket{{le=\"{Buckets[i]}\"}} {cumulative}\n");
        }

        var total = Interlocked.Read(ref _count);
        text.Append(CultureInfo.InvariantCulture, $"apisix_webhook_request_duration_seconds_bucket{{le=\"+Inf\"}} {total}\n");
        text.Append(CultureInfo.InvariantCulture, $"apisix_webhook_request_duration_seconds_sum {Interlocked.Read(ref _sumMicroseconds) / 1e6}\n");
        text.Append(CultureInfo.InvariantCulture, $"apisix_webhook_request_duration_seconds_count {total}\n");
        return text.ToString();
    }
}
