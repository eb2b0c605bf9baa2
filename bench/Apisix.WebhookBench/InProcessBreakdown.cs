using System.Diagnostics;
using System.Text.Json.Nodes;
using Apisix.Translation;
using Apisix.Translation.Manifests;
using Apisix.Translation.Validation;
using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The admission handler called in process, and the steps inside it, each timed over the same body after
/// a warm-up, so that a change can be traced to the step it moved.
/// </summary>
internal static class InProcessBreakdown
{
    private const int WarmUp = 20_000;
    private const int Calls = 20_000;

    public static void Run(byte[] body)
    {
        var endpoint = new AdmissionEndpoint(new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default), new WebhookMetrics(), null, NullLogger<AdmissionEndpoint>.Instance);
        var review = JsonNode.Parse(body)!;
        var obj = review["request"]!["object"]!.AsObject();
        var text = obj.ToJsonString();
        var item = ManifestReader.Read(text, "ApisixRoute").Objects[0];
        var input = TranslationInput.From([item]);

        Step("handler, whole (body to answer)", () => Handle(endpoint, body));
        Step("parse the review (JsonNode)", () => JsonNode.Parse(body));
        Step("parse + read the request fields", () => AdmissionRequest.Parse(JsonNode.Parse(body), out _));
        var validator = new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default);
        Step("AdmissionValidator.Validate, fresh", () => validator.Validate(AdmissionRequest.Parse(JsonNode.Parse(body), out _)!));
        Step("write the object as JSON text", () => obj.ToJsonString());
        Step("read it (ManifestReader)", () => ManifestReader.Read(text, "ApisixRoute"));
        Step("one-object snapshot (TranslationInput)", () => TranslationInput.From([item]));
        Step("validate + dry-run translate", () => Validator.Validate(input, ValidationOptions.Default, TranslationOptions.Default));
        Step("  of which translate", () => Translator.Translate(input));
        var plugins = ((Apisix.Translation.Crds.ApisixRoute)item).Http[0].Plugins;
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

        var times = new double[Calls];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Calls;
        Array.Sort(times);
        Console.WriteLine($"{name,-34} median {times[Calls / 2],7:F1} µs  p99 {times[Calls * 99 / 100],7:F1} µs  {allocated / 1024.0,6:F1} KB");
    }
}
