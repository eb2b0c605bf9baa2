using System.Diagnostics;
using Apisix.Translation;
using Apisix.Translation.Manifests;
using Apisix.Translation.Validation;
using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The admission handler called in process, and the steps inside it, each timed over the same body after
/// a warm-up, so that a change can be traced to the step it moved. Each step is timed twice: back to back
/// ("hot": caches and branch predictors full of it) and after the processor has slept for a millisecond
/// ("idle"), which is how a webhook at 1,000 reviews/s meets each review. On this VM a step costs two to
/// four times as much idle as hot, and the idle figure is the one the latency under load follows.
/// </summary>
internal static class InProcessBreakdown
{
    private const int WarmUp = 20_000;
    private const int HotCalls = 20_000;
    private const int IdleCalls = 2_000;

    public static void Run(byte[] body)
    {
        var endpoint = new AdmissionEndpoint(new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default), new WebhookMetrics(), null, NullLogger<AdmissionEndpoint>.Instance);
        var request = AdmissionRequest.Parse(body, out _)!;
        var obj = request.ObjectJson.ToArray();
        var item = ManifestReader.ReadJson(obj, "ApisixRoute").Objects[0];
        var input = TranslationInput.From([item]);
        var validator = new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default);
        var plugins = ((Apisix.Translation.Crds.ApisixRoute)item).Http[0].Plugins;

        Console.WriteLine($"{"step",-38} {"hot median",10} {"idle median",12} {"allocated",10}");
        Step("handler, whole (body to answer)", () => Handle(endpoint, body));
        Step("parse the review (AdmissionRequest)", () => AdmissionRequest.Parse(body, out _));
        Step("AdmissionValidator.Validate, fresh", () => validator.Validate(AdmissionRequest.Parse(body, out _)!));
        Step("read the object (ManifestReader)", () => ManifestReader.ReadJson(obj, "ApisixRoute"));
        Step("one-object snapshot (TranslationInput)", () => TranslationInput.From([item]));
        Step("validate + dry-run translate", () => Validator.Validate(input, ValidationOptions.Default, TranslationOptions.Default));
        Step("  of which translate", () => Translator.Translate(input));
        Step("  of which the 5 plugin schemas", () =>
        {
            foreach (var plugin in plugins)
            {
                PluginValidator.Validate(plugin.Name, plugin.Config!.CloneNode(), "config", "default", ValidationOptions.Default);
            }
        });
    }

    private static void Handle(AdmissionEndpoint endpoint, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        context.Response.Body = Stream.Null;
        endpoint.Handle(context, mutate: false).GetAwaiter().GetResult();
    }

    private static void Step(string name, Action action)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            action();
        }

        var hot = new double[HotCalls];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < HotCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            hot[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / HotCalls;
        var idle = new double[IdleCalls];
        for (var i = 0; i < IdleCalls; i++)
        {
            Thread.Sleep(1);
            var started = Stopwatch.GetTimestamp();
            action();
            idle[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(hot);
        Array.Sort(idle);
        Console.WriteLine($"{name,-38} {hot[HotCalls / 2],7:F1} µs {idle[IdleCalls / 2],9:F1} µs {allocated / 1024.0,7:F1} KB");
    }
}
