using System.Diagnostics;
using System.Globalization;
using Apisix.Bench;
using Apisix.Translation;
using Apisix.Translation.Serialization;

// Translate-and-serialize against a baseline of serializing the same output only, measured in the same
// run, alternating, so that machine noise hits both sides alike. Run in Release:
//   dotnet run -c Release --project bench/Apisix.Bench -- [iterations]
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
if (args.Contains("--validate"))
{
    ValidationBench.Run(iterations);
    return;
}

var objects = SyntheticCluster.Build(routes: 10_000, services: 1_000, endpoints: 50_000);
var input = TranslationInput.From(objects);
var output = Translator.Translate(input).Configuration;
Console.WriteLine($"input: {objects.Count} objects; output: {output.Routes.Count} routes, {output.Upstreams.Count} upstreams, {output.Upstreams.Sum(u => u.Nodes?.Count ?? 0)} nodes");

if (args.Contains("--alloc"))
{
    // Where the allocations go: the same work at three sizes, per route.
    foreach (var routes in new[] { 10, 100, 1000, 10_000 })
    {
        var small = TranslationInput.From(SyntheticCluster.Build(routes, Math.Max(1, routes / 10), Math.Max(1, routes / 10) * 50));
        Translator.Translate(small);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Translator.Translate(small);
        Console.WriteLine($"{routes} ApisixRoutes: {(GC.GetAllocatedBytesForCurrentThread() - before) / routes} bytes per ApisixRoute");
    }

    // What the output keeps alive: the part of the allocations every later collection must trace.
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var kept = Translator.Translate(input);
    var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"the result of the full input retains {(heapAfter - heapBefore) / (1024.0 * 1024.0):F1} MiB ({kept.Configuration.Routes.Count} routes)");

    return;
}

if (args.Contains("--loop"))
{
    // For profilers: translate over and over, nothing else.
    for (var i = 0; i < 40; i++)
    {
        Translator.Translate(input);
    }

    return;
}

var translate = new List<Sample>();
var baseline = new List<Sample>();
var translateOnly = new List<Sample>();
// Warm-up: tiered compilation takes the first five or so translations to reach its final code, and a
// controller re-translates on every change, so the figures are for a warmed process.
const int WarmUpIterations = 8;
for (var i = 0; i < WarmUpIterations; i++)
{
    Measure(() => Serialize(Translator.Translate(input).Configuration));
    Measure(() => Serialize(output));
}

for (var i = 0; i < iterations; i++)
{
    translate.Add(Measure(() => Serialize(Translator.Translate(input).Configuration)));
    baseline.Add(Measure(() => Serialize(output)));
    translateOnly.Add(Measure(() => Translator.Translate(input).Configuration.Routes.Count));
}

if (args.Contains("--explain"))
{
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        var fresh = Translator.Translate(input).Configuration;
        var translated = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        Serialize(fresh);
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        Serialize(fresh);
        Console.WriteLine($"translate {translated:F0} ms, first serialize {first:F0} ms, second serialize {watch.Elapsed.TotalMilliseconds:F0} ms, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }
}

var t = Median(translate);
var b = Median(baseline);
var o = Median(translateOnly);
Console.WriteLine($"samples with a collection inside: translate+serialize {translate.Count(x => x.GcPauseMilliseconds > 0)} of {translate.Count}, serialize only {baseline.Count(x => x.GcPauseMilliseconds > 0)} of {baseline.Count}");
Console.WriteLine($"mean ratio (time)  : {translate.Average(x => x.Milliseconds) / baseline.Average(x => x.Milliseconds):F2} (collections included)");
Console.WriteLine($"translate+serialize: median {t.Milliseconds:F1} ms (GC pauses {t.GcPauseMilliseconds:F1} ms), {t.AllocatedMiB:F1} MiB allocated");
Console.WriteLine($"serialize only     : median {b.Milliseconds:F1} ms (GC pauses {b.GcPauseMilliseconds:F1} ms), {b.AllocatedMiB:F1} MiB allocated");
Console.WriteLine($"translate only     : median {o.Milliseconds:F1} ms (GC pauses {o.GcPauseMilliseconds:F1} ms) (for information)");
Console.WriteLine($"ratio (time)       : {t.Milliseconds / b.Milliseconds:F2}");
Console.WriteLine($"ratio (allocations): {t.AllocatedMiB / b.AllocatedMiB:F2}");
Console.WriteLine($"peak working set   : {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB");

static long Serialize(Apisix.Translation.Config.ApisixConfiguration configuration)
{
    using var sink = new CountingStream();
    ApisixJson.Serialize(sink, configuration, indented: false);
    return sink.Length;
}

static Sample Measure(Func<long> action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var pauseBefore = GC.GetTotalPauseDuration();
    var watch = Stopwatch.StartNew();
    action();
    watch.Stop();
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    var paused = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
    return new Sample(watch.Elapsed.TotalMilliseconds, allocated / (1024.0 * 1024.0), paused);
}

static Sample Median(List<Sample> samples)
{
    var byTime = samples.OrderBy(s => s.Milliseconds).ToList();
    var byAlloc = samples.OrderBy(s => s.AllocatedMiB).ToList();
    var byPause = samples.OrderBy(s => s.GcPauseMilliseconds).ToList();
    return new Sample(byTime[byTime.Count / 2].Milliseconds, byAlloc[byAlloc.Count / 2].AllocatedMiB, byPause[byPause.Count / 2].GcPauseMilliseconds);
}

internal readonly record struct Sample(double Milliseconds, double AllocatedMiB, double GcPauseMilliseconds);
