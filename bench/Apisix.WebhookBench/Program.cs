using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

// The admission webhook under an open-loop load over TLS: requests are sent on a fixed schedule
// (default 1,000 req/s) whether or not earlier ones have returned, so a stall shows up in the tail
// instead of slowing the load down.
//
// Baseline: POST /noop on the same server, same TLS, same body, which reads the body and answers a
// fixed AdmissionReview. Blocks of /noop and /validate alternate so machine noise lands on both.
//
//   dotnet run -c Release --project bench/Apisix.WebhookBench -- [rate] [seconds-per-block] [rounds]
//   ... -- --in-process   the handler and its steps timed in process (no sockets)
//   ... -- --loop         /validate one at a time, for a profiler
//   ... -- --same-process the webhook in the load client's process (the setup before 2026-11-25 afternoon)
//   ... -- --cold-hot     inside the server under the load: validation as a request meets it, and again at once
//   ... -- --coarse-pacing  the scheduler before 2026-11-25 evening (a 1 ms sleep, then every request due)
//
// The webhook runs in a process of its own, as it does in a cluster, where the API server calling it is
// another process on another machine: this program starts itself with --serve for that.
if (args.Contains("--serve"))
{
    // The server side of the benchmark, in its own process: started by the load side below.
    await Serve(args[Array.IndexOf(args, "--serve") + 1], args[Array.IndexOf(args, "--serve") + 2]);
    return;
}

var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var rate = numbers.Length > 0 ? int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var seconds = numbers.Length > 1 ? double.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var rounds = numbers.Length > 2 ? int.Parse(numbers[2], System.Globalization.CultureInfo.InvariantCulture) : 4;

if (args.Contains("--in-process"))
{
    // Where a review's time goes, without sockets or TLS: the handler Kestrel calls, and its parts.
    InProcessBreakdown.Run(Review(RouteWithFivePlugins("bench", "default")));
    return;
}

var directory = Directory.CreateTempSubdirectory("apisix-webhook-bench").FullName;
Process? server = null;
try
{
    var (authority, certificateFile, keyFile) = Certificates(directory);
    WebApplication? app = null;
    Uri address;
    if (args.Contains("--same-process"))
    {
        // The load client and the webhook share one process, its thread pool and its garbage collector.
        app = BuildServer(certificateFile, keyFile);
        await app.StartAsync();
        address = new Uri(app.Urls.First());
    }
    else
    {
        // The API server is another process (on another node, in a cluster): so is the load client here.
        (server, address) = StartServer(certificateFile, keyFile);
    }

    using var client = Client(address, authority);
    var serverProcess = server;
    // The webhook's collections, read from its own process when it has one.
    async Task<GcCounts> ServerGc() => serverProcess is null ? GcCounts.Now() : GcCounts.Parse(await client.GetStringAsync("/bench/gc"));
    long ServerWorkingSet()
    {
        var process = serverProcess ?? Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    var body = Review(RouteWithFivePlugins("bench", "default"));
    Console.WriteLine($"body {body.Length} bytes, {rate} req/s, {rounds} rounds of {seconds} s per endpoint, TLS 1.3, HTTP/1.1 keep-alive, webhook {(server is null ? "in the load client's process" : $"in its own process ({server.Id})")}");
    Console.WriteLine($"DOTNET_GCgen0size={Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "(runtime default; the chart sets 0x4000000)"}");

    // Check the two endpoints answer as expected before timing them.
    var check = JsonNode.Parse(await (await client.PostAsync("/validate", Content(body))).Content.ReadAsStringAsync())!;
    if (check["response"]?["allowed"]?.GetValue<bool>() != true)
    {
        throw new InvalidOperationException($"the benchmark route is not admitted: {check.ToJsonString()}");
    }

    // Warm-up: a webhook lives for days, so what is measured is the warmed process. Behind Kestrel and TLS
    // the tiered JIT is still replacing instrumented code after 20,000 admissions (a profile of requests
    // 20,000-50,000 found a third of the validation time in "InstrumentedTier" code); it settles by
    // about 35,000. Hence 60,000.
    await Flood(client, 60_000);

    if (args.Contains("--loop"))
    {
        Console.WriteLine(string.Join('\n', (await client.GetStringAsync("/metrics")).Split('\n').Where(l => l.Contains("duration_seconds_sum") || l.Contains("duration_seconds_count"))));
        // For profilers (dotnet-trace): /validate one request at a time, nothing else.
        for (var i = 0; i < 30_000; i++)
        {
            using var response = await client.PostAsync("/validate", Content(body));
            await response.Content.ReadAsByteArrayAsync();
        }

        Console.WriteLine(string.Join('\n', (await client.GetStringAsync("/metrics")).Split('\n').Where(l => l.Contains("duration_seconds_sum") || l.Contains("duration_seconds_count"))));
        return;
    }

    if (args.Contains("--cold-hot"))
    {
        await client.GetStringAsync("/bench/times");
        await Run(client, "/validate", body, rate, seconds);
        await Run(client, "/bench/cold-hot", body, rate, seconds);
        Console.WriteLine((await client.GetStringAsync("/bench/times")).Replace("; ", "\n"));
        return;
    }

    // Service time alone: one request at a time, no queueing.
    foreach (var path in (string[])["/noop", "/validate"])
    {
        var serial = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(path, Content(body));
            await response.Content.ReadAsByteArrayAsync();
            serial.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine($"serial {path,-9} p50 {Percentile(serial, 50):F3} ms  p99 {Percentile(serial, 99):F3} ms");
    }

    await Run(client, "/noop", body, rate, 3);
    await Run(client, "/validate", body, rate, 3);

    await client.GetStringAsync("/bench/times");
    var noop = new List<double>();
    var validate = new List<double>();
    var sent = new long[2];
    var collections = await ServerGc();
    for (var round = 0; round < rounds; round++)
    {
        var n = await Run(client, "/noop", body, rate, seconds);
        noop.AddRange(n.Latencies);
        sent[0] += n.Completed;
        var v = await Run(client, "/validate", body, rate, seconds);
        validate.AddRange(v.Latencies);
        sent[1] += v.Completed;

        // Each pair of blocks on its own: a stall of the machine lands in one block and shows here.
        Console.WriteLine($"  round {round + 1}: p99 noop {Percentile(n.Latencies, 99):F2} ms, validate {Percentile(v.Latencies, 99):F2} ms, ratio {Percentile(v.Latencies, 99) / Percentile(n.Latencies, 99):F2}; max {n.Latencies.Max():F1} / {v.Latencies.Max():F1} ms; sent within half an interval of the one before: {n.Bunched} / {v.Bunched}");
    }

    Console.WriteLine($"garbage collections of the webhook during the blocks (both endpoints): {await ServerGc() - collections}");
    Console.WriteLine(await client.GetStringAsync("/bench/times"));
    Report("noop", noop, sent[0], rounds * seconds);
    Report("validate", validate, sent[1], rounds * seconds);
    Console.WriteLine($"ratio validate/noop  p50 {Percentile(validate, 50) / Percentile(noop, 50):F2}  p99 {Percentile(validate, 99) / Percentile(noop, 99):F2}");

    // Cluster size: the webhook keeps nothing between requests (a one-object snapshot per review), so the
    // objects it has seen cannot slow it down. Shown by admitting 20,000 distinct objects (names,
    // namespaces, hosts) and measuring /validate again, with the process's working set before and after.
    // Windows three blocks long, so the p99 rests on 150 slow requests rather than 50.
    collections = await ServerGc();
    var before = await Run(client, "/validate", body, rate, seconds * 3);
    var collectionsBefore = await ServerGc() - collections;
    var workingBefore = ServerWorkingSet();
    await Flood(client, 20_000);
    (await client.PostAsync("/bench/collect", null)).EnsureSuccessStatusCode();
    collections = await ServerGc();
    var after = await Run(client, "/validate", body, rate, seconds * 3);
    var collectionsAfter = await ServerGc() - collections;
    Console.WriteLine($"garbage collections in the window before the flood: {collectionsBefore}; after it: {collectionsAfter}");
    var workingAfter = ServerWorkingSet();
    Console.WriteLine($"after 20,000 distinct objects: p50 {Percentile(after.Latencies, 50):F2} ms (before {Percentile(before.Latencies, 50):F2}), p99 {Percentile(after.Latencies, 99):F2} ms (before {Percentile(before.Latencies, 99):F2}), ratio p99 {Percentile(after.Latencies, 99) / Percentile(before.Latencies, 99):F2}; working set {workingAfter / 1048576} MiB (before {workingBefore / 1048576} MiB)");

    if (app is not null)
    {
        await app.StopAsync();
    }
}
finally
{
    if (server is { HasExited: false })
    {
        server.StandardInput.Close();
        if (!server.WaitForExit(10_000))
        {
            server.Kill();
        }
    }

    Directory.Delete(directory, recursive: true);
}

// The webhook as the benchmark runs it: the real app, plus /noop (the baseline) and two endpoints the
// load side uses to read the server's collections and to collect before the cluster-size window.
static WebApplication BuildServer(string certificateFile, string keyFile)
{
    var app = WebhookApp.Build(new WebhookOptions
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        CertificateFile = certificateFile,
        KeyFile = keyFile,
    });
    // The time each request spends inside the app (body read, handler, answer written), kept per path so the
    // load side can tell the server's share of a tail from the sockets' and TLS's.
    var serverTimes = new ServerTimes();
    app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        serverTimes.Add(context.Request.Path.Value!, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
    });
    app.MapGet("/bench/times", () => serverTimes.TakeSummary());
    var fixedAnswer = Encoding.UTF8.GetBytes("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"bench","allowed":true}}""");
    app.MapPost("/noop", async (HttpContext context) =>
    {
        // Read what /validate reads, answer without looking at it.
        var buffer = new byte[16 * 1024];
        while (await context.Request.Body.ReadAsync(buffer) > 0)
        {
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(fixedAnswer);
    });
    // --cold-hot: the review's validation timed inside the server under the load, twice per request: first as
    // the request meets it (cold: the processor did other work for the last millisecond), then at once again
    // (hot). The body is read and the answer written as /noop does.
    var probe = new AdmissionValidator(Apisix.Translation.Validation.ValidationOptions.Default, Apisix.Translation.TranslationOptions.Default);
    app.MapPost("/bench/cold-hot", async (HttpContext context) =>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var started = Stopwatch.GetTimestamp();
        var request = AdmissionRequest.Parse(buffer.ToArray(), out _)!;
        var parsed = Stopwatch.GetTimestamp();
        probe.Validate(request);
        var cold = Stopwatch.GetTimestamp();
        probe.Validate(request);
        var hot = Stopwatch.GetTimestamp();
        serverTimes.Add("parse the review", Stopwatch.GetElapsedTime(started, parsed).TotalMicroseconds);
        serverTimes.Add("validate, cold", Stopwatch.GetElapsedTime(parsed, cold).TotalMicroseconds);
        serverTimes.Add("validate again, hot", Stopwatch.GetElapsedTime(cold, hot).TotalMicroseconds);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(fixedAnswer);
    });
    app.MapGet("/bench/gc", () => GcCounts.Now().Format());
    app.MapPost("/bench/collect", () => GC.Collect());
    return app;
}

// Runs the server until the load side closes standard input; its address goes to standard output.
static async Task Serve(string certificateFile, string keyFile)
{
    var app = BuildServer(certificateFile, keyFile);
    await app.StartAsync();
    Console.WriteLine("listening " + app.Urls.First());
    await Console.In.ReadToEndAsync();
    await app.StopAsync();
}

static (Process Server, Uri Address) StartServer(string certificateFile, string keyFile)
{
    // This same program with --serve: the apphost when there is one, else the dotnet host and the dll.
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(GcCounts).Assembly.Location);
    }

    foreach (var argument in (string[])["--serve", certificateFile, keyFile])
    {
        start.ArgumentList.Add(argument);
    }

    var server = Process.Start(start)!;
    // The server's log lines come first; after the address, its output is drained so it never blocks on it.
    string line;
    do
    {
        line = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the benchmark server exited before listening");
    }
    while (!line.StartsWith("listening ", StringComparison.Ordinal));

    _ = server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    return (server, new Uri(line["listening ".Length..]));
}

static async Task<(List<double> Latencies, long Completed, int Bunched)> Run(HttpClient client, string path, byte[] body, int rate, double seconds)
{
    var total = (int)(rate * seconds);
    var latencies = new double[total];
    var sentAt = new long[total];
    var failures = 0;
    var tasks = new Task[total];
    var clock = Stopwatch.StartNew();
    var interval = Stopwatch.Frequency / (double)rate;
    // A dedicated thread sends each request at its due time, i * interval: it sleeps to just short of that
    // moment and spins the rest, so arrivals are evenly spaced (as wrk2 -R paces them) rather than released
    // in pairs whenever a millisecond sleep overran. Sending never waits for earlier answers, so a stalled
    // server cannot slow the load down (no coordinated omission); latency runs from the moment each
    // request is handed to the client. --coarse-pacing keeps the earlier scheduler (a 1 ms sleep, then
    // everything due), for comparison.
    var coarse = Environment.GetCommandLineArgs().Contains("--coarse-pacing");
    var dispatcher = new Thread(() =>
    {
        Pacer.PreciseSleeps();
        for (var i = 0; i < total;)
        {
            if (coarse)
            {
                var now = clock.ElapsedTicks;
                for (; i < total && (long)(i * interval) <= now; i++)
                {
                    tasks[i] = Send(i);
                }

                Thread.Sleep(1);
                continue;
            }

            Pacer.WaitUntil(clock, (long)(i * interval));
            tasks[i] = Send(i);
            i++;
        }
    }) { IsBackground = true, Name = "load" };
    dispatcher.Start();
    dispatcher.Join();

    async Task Send(int index)
    {
        var sent = clock.ElapsedTicks;
        sentAt[index] = sent;
        using var response = await client.PostAsync(path, Content(body));
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Interlocked.Increment(ref failures);
        }

        latencies[index] = (clock.ElapsedTicks - sent) * 1000.0 / Stopwatch.Frequency;
    }

    await Task.WhenAll(tasks);
    if (failures > 0)
    {
        throw new InvalidOperationException($"{failures} of {total} requests to {path} did not get 200");
    }

    // How even the arrivals were: requests sent less than half an interval after the one before.
    var bunched = 0;
    for (var i = 1; i < total; i++)
    {
        bunched += sentAt[i] - sentAt[i - 1] < interval / 2 ? 1 : 0;
    }

    return (latencies.ToList(), total, bunched);
}

static async Task Flood(HttpClient client, int count)
{
    var gate = new SemaphoreSlim(16);
    var tasks = Enumerable.Range(0, count).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            using var response = await client.PostAsync("/validate", Content(Review(RouteWithFivePlugins($"route-{i}", $"team-{i % 500}"))));
            response.EnsureSuccessStatusCode();
        }
        finally
        {
            gate.Release();
        }
    });
    await Task.WhenAll(tasks);
}

static void Report(string name, List<double> latencies, long count, double seconds) =>
    Console.WriteLine($"{name,-9} p50 {Percentile(latencies, 50):F2} ms  p90 {Percentile(latencies, 90):F2} ms  p99 {Percentile(latencies, 99):F2} ms  max {latencies.Max():F2} ms  throughput {count / seconds:F0} req/s");

static double Percentile(List<double> values, double percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}

static ByteArrayContent Content(byte[] body)
{
    var content = new ByteArrayContent(body);
    content.Headers.ContentType = new("application/json");
    return content;
}

static byte[] Review(string obj) => Encoding.UTF8.GetBytes(new JsonObject
{
    ["apiVersion"] = "admission.k8s.io/v1",
    ["kind"] = "AdmissionReview",
    ["request"] = new JsonObject
    {
        ["uid"] = Guid.NewGuid().ToString(),
        ["kind"] = new JsonObject { ["group"] = "apisix.apache.org", ["version"] = "v2", ["kind"] = "ApisixRoute" },
        ["operation"] = "CREATE",
        ["object"] = JsonNode.Parse(obj),
    },
}.ToJsonString());

static string RouteWithFivePlugins(string name, string ns) => """
    {"apiVersion":"apisix.apache.org/v2","kind":"ApisixRoute","metadata":{"name":"@NAME","namespace":"@NS"},
     "spec":{"http":[{"name":"api","match":{"hosts":["@NAME.@NS.example.com"],"paths":["/api/*"],"methods":["GET","POST"]},
       "backends":[{"serviceName":"api","servicePort":80}],
       "plugins":[
         {"name":"limit-count","enable":true,"config":{"count":100,"time_window":60,"rejected_code":429}},
         {"name":"cors","enable":true,"config":{"allow_origins":"https://app.example.com","allow_methods":"GET,POST"}},
         {"name":"proxy-rewrite","enable":true,"config":{"regex_uri":["^/api/(.*)","/$1"],"headers":{"set":{"X-Api":"v1"}}}},
         {"name":"key-auth","enable":true,"config":{"header":"apikey"}},
         {"name":"response-rewrite","enable":true,"config":{"headers":{"set":{"X-Served-By":"apisix"}}}}]}]}}
    """.Replace("@NAME", name, StringComparison.Ordinal).Replace("@NS", ns, StringComparison.Ordinal);

static HttpClient Client(Uri address, X509Certificate2 authority)
{
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
    handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    };
    return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
}

static (X509Certificate2 Authority, string CertificateFile, string KeyFile) Certificates(string directory)
{
    using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    var caRequest = new CertificateRequest("CN=bench CA", caKey, HashAlgorithmName.SHA256);
    caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
    var authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
    var names = new SubjectAlternativeNameBuilder();
    names.AddIpAddress(IPAddress.Loopback);
    request.CertificateExtensions.Add(names.Build());
    using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(8));
    var certificateFile = Path.Combine(directory, "server.crt");
    var keyFile = Path.Combine(directory, "server.key");
    File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
    File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    return (authority, certificateFile, keyFile);
}

/// <summary>
/// A process's collections (a gen1 or gen2 collection counts in the lower generations too) and its total pause:
/// the webhook's are printed for each measured window, so that a stall in a window can be told apart from a
/// collection. With --same-process they include the load client's.
/// </summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCounts operator -(GcCounts later, GcCounts earlier) =>
        new(later.Gen0 - earlier.Gen0, later.Gen1 - earlier.Gen1, later.Gen2 - earlier.Gen2, later.Paused - earlier.Paused);

    public string Format() => string.Join(' ', Gen0, Gen1, Gen2, Paused.Ticks);

    public static GcCounts Parse(string text)
    {
        var parts = text.Split(' ').Select(long.Parse).ToArray();
        return new((int)parts[0], (int)parts[1], (int)parts[2], TimeSpan.FromTicks(parts[3]));
    }

    public override string ToString() => $"{Gen0} (of which gen1 {Gen1}, gen2 {Gen2}), paused {Paused.TotalMilliseconds:F1} ms";
}

/// <summary>
/// Waits to a tick of a stopwatch with a few microseconds' error and without burning a core: a sleep to
/// just short of the moment, then a spin. On Linux the thread's timer slack is cut from the default 50 µs
/// so the sleep itself wakes close to when it was asked to.
/// </summary>
internal static partial class Pacer
{
    private const long SpinTicksBeforeDue = 60_000; // ns: the spin covers the sleep's wake-up latency

    public static void PreciseSleeps()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = prctl(29 /* PR_SET_TIMERSLACK */, 1, 0, 0, 0);
        }
    }

    public static void WaitUntil(Stopwatch clock, long dueTicks)
    {
        var ticksPerNanosecond = Stopwatch.Frequency / 1e9;
        var early = (long)(SpinTicksBeforeDue * ticksPerNanosecond);
        var left = dueTicks - clock.ElapsedTicks;
        if (left > early)
        {
            var sleepNanoseconds = (long)((left - early) / ticksPerNanosecond);
            if (OperatingSystem.IsLinux())
            {
                var request = new TimeSpec { Seconds = sleepNanoseconds / 1_000_000_000, Nanoseconds = sleepNanoseconds % 1_000_000_000 };
                _ = nanosleep(in request, IntPtr.Zero);
            }
            else
            {
                Thread.Sleep(TimeSpan.FromTicks(sleepNanoseconds / 100));
            }
        }

        while (clock.ElapsedTicks < dueTicks)
        {
            Thread.SpinWait(20);
        }
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int nanosleep(in TimeSpec request, IntPtr remaining);
}

/// <summary>Server-side times per path, in microseconds, summarised and cleared on request.</summary>
internal sealed class ServerTimes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _times = [];

    public void Add(string path, double microseconds)
    {
        if (path is "/bench/gc" or "/bench/times" or "/bench/collect")
        {
            return;
        }

        lock (_gate)
        {
            if (!_times.TryGetValue(path, out var list))
            {
                _times[path] = list = [];
            }

            list.Add(microseconds);
        }
    }

    public string TakeSummary()
    {
        lock (_gate)
        {
            var text = string.Join("; ", _times.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            {
                p.Value.Sort();
                double At(double q) => p.Value[Math.Min(p.Value.Count - 1, (int)Math.Ceiling(q * p.Value.Count) - 1)];
                return $"{p.Key} in the app p50 {At(0.5):F0} µs p90 {At(0.9):F0} µs p99 {At(0.99):F0} µs";
            }));
            _times.Clear();
            return text;
        }
    }
}
