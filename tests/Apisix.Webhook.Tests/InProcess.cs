using System.Text;
using System.Text.Json.Nodes;
using Apisix.Translation;
using Apisix.Translation.Validation;
using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apisix.Webhook.Tests;

/// <summary>The admission handler called in process, with the code Kestrel calls but without a socket.</summary>
internal static class InProcess
{
    public static AdmissionEndpoint Endpoint(ILogger<AdmissionEndpoint>? logger = null) =>
        new(new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default), new WebhookMetrics(), null, logger ?? NullLogger<AdmissionEndpoint>.Instance);

    /// <summary>The response of an AdmissionReview that must be answered 200.</summary>
    public static async Task<JsonObject> Review(AdmissionEndpoint endpoint, string review, bool mutate)
    {
        var bytes = Encoding.UTF8.GetBytes(review);
        var (status, body) = await Call(endpoint, new MemoryStream(bytes), bytes.Length, mutate);
        Assert.True(status == StatusCodes.Status200OK, body);
        return JsonNode.Parse(body)!["response"]!.AsObject();
    }

    /// <summary>POSTs <paramref name="body"/> (with a Content-Length when <paramref name="length"/> is given); fails on a hang.</summary>
    public static async Task<(int Status, string Body)> Call(AdmissionEndpoint endpoint, Stream body, long? length, bool mutate)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = body;
        context.Request.ContentLength = length;
        var response = new MemoryStream();
        context.Response.Body = response;
        var call = endpoint.Handle(context, mutate);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(finished == call, "the handler hung");
        await call;
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }
}
