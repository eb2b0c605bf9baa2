using System.Text;
using Apisix.Translation;
using Apisix.Translation.Validation;
using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apisix.Webhook.Tests;

/// <summary>The admission handler called in process, with the code Kestrel calls but without a socket.</summary>
internal static class InProcess
{
    public static AdmissionEndpoint Endpoint() =>
        new(new AdmissionValidator(ValidationOptions.Default, TranslationOptions.Default), new WebhookMetrics(), null, NullLogger<AdmissionEndpoint>.Instance);

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
