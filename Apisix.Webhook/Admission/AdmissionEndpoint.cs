using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Webhook.Hosting;

namespace Apisix.Webhook.Admission;

/// <summary>
/// <c>POST /validate</c> and <c>POST /mutate</c>: one handler each for every kind. It never answers 5xx:
/// bad bodies get 4xx, and an internal failure is a well-formed denial.
/// </summary>
internal sealed class AdmissionEndpoint(AdmissionValidator validator, WebhookMetrics metrics, ClientCertificateVerifier? clients, ILogger<AdmissionEndpoint> logger)
{
    /// <summary>
    /// The API server's limits on warnings (KEP-1693): past 4,096 characters in all it cuts each warning to
    /// 256 and drops the rest unsaid. Kept within, the last line can say how many were cut.
    /// </summary>
    private const int MaxWarningRunes = 256;
    private const int MaxWarningsRunes = 4 * 1024;

    public async Task Handle(HttpContext context, bool mutate)
    {
        var start = Stopwatch.GetTimestamp();
        var endpoint = mutate ? "mutate" : "validate";
        var outcome = await Answer(context, endpoint, mutate);
        metrics.Record(endpoint, outcome, Stopwatch.GetElapsedTime(start));
    }

    private async Task<string> Answer(HttpContext context, string endpoint, bool mutate)
    {
        if (clients is not null && !clients.Verify(context.Connection.ClientCertificate))
        {
            return await Refuse(context, endpoint, StatusCodes.Status401Unauthorized, "a client certificate signed by the configured CA is required");
        }

        byte[]? body;
        try
        {
            body = await ReadBody(context);
        }
        catch (BadHttpRequestException exception)
        {
            // A body cut short or longer than announced: the caller's fault, a 400 rather than a 500.
            return await Refuse(context, endpoint, StatusCodes.Status400BadRequest, $"the body could not be read: {exception.Message}");
        }

        if (body is null)
        {
            return await Refuse(context, endpoint, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {WebhookOptions.MaxBodyBytes} bytes");
        }

        AdmissionRequest? request;
        string? error;
        try
        {
            request = AdmissionRequest.Parse(body, out error);
        }
        catch (JsonException exception)
        {
            return await Refuse(context, endpoint, StatusCodes.Status400BadRequest, $"the body is not JSON: {exception.Message}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's word for a string it cannot decode (invalid UTF-8, a lone surrogate).
            return await Refuse(context, endpoint, StatusCodes.Status400BadRequest, "the body is not JSON: a string is not valid UTF-8 or has a lone surrogate");
        }

        if (request is null)
        {
            return await Refuse(context, endpoint, StatusCodes.Status400BadRequest, error!);
        }

        AdmissionDecision decision;
        try
        {
            decision = mutate ? Mutate(request) : validator.Validate(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Our bug, not the user's: answer a denial rather than a 500, and keep the details in the log.
            Log.InternalError(logger, exception, endpoint, request.Uid);
            decision = AdmissionDecision.Deny("the webhook could not check this object (internal error); see its log");
        }

        if (decision.Allowed)
        {
            Log.Allowed(logger, endpoint, request.Kind, request.Operation, request.Uid, decision.Warnings.Count);
        }
        else
        {
            Log.Denied(logger, endpoint, request.Kind, request.Operation, request.Uid, decision.Warnings.Count);
        }

        context.Response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            WriteResponse(json, request.Uid, decision);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        return decision.Allowed ? (decision.Patch is null ? "allowed" : "patched") : "denied";
    }

    private AdmissionDecision Mutate(AdmissionRequest request)
    {
        if (request.Operation is not ("CREATE" or "UPDATE") || request.Group != "apisix.apache.org" || request.Object is not { } original)
        {
            return AdmissionDecision.Allow();
        }

        // An object the library cannot read is left as it is, for /validate to deny with the reason.
        var (read, ours) = validator.Read(request.ObjectJson, request.Kind);
        if (!ours || read.Objects.IsEmpty)
        {
            return AdmissionDecision.Allow();
        }

        var operations = JsonPatchBuilder.Diff(original, Defaulter.Apply(request.Kind, original));
        return operations.Count == 0 ? AdmissionDecision.Allow() : AdmissionDecision.Modified(operations.ToJsonString());
    }

    /// <summary>The AdmissionReview answer, written straight into the response (no tree, no string).</summary>
    private static void WriteResponse(Utf8JsonWriter json, string uid, AdmissionDecision decision)
    {
        json.WriteStartObject();
        json.WriteString("apiVersion", "admission.k8s.io/v1");
        json.WriteString("kind", "AdmissionReview");
        json.WriteStartObject("response");
        json.WriteString("uid", uid);
        json.WriteBoolean("allowed", decision.Allowed);
        if (!decision.Allowed)
        {
            json.WriteStartObject("status");
            json.WriteNumber("code", StatusCodes.Status403Forbidden);
            json.WriteString("message", decision.Message);
            json.WriteEndObject();
        }

        if (decision.Warnings.Count > 0)
        {
            WriteWarnings(json, decision.Warnings);
        }

        if (decision.Patch is not null)
        {
            json.WriteString("patchType", "JSONPatch");
            json.WriteBase64String("patch", Encoding.UTF8.GetBytes(decision.Patch));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The warnings, each cut to the API server's length, as many as fit its total, then a count of the rest.</summary>
    private static void WriteWarnings(Utf8JsonWriter json, IReadOnlyList<string> warnings)
    {
        json.WriteStartArray("warnings");
        var budget = MaxWarningsRunes - 64; // room for the count
        var shown = 0;
        foreach (var warning in warnings)
        {
            var (line, runes) = Cut(warning, MaxWarningRunes);
            if (runes > budget)
            {
                break;
            }

            json.WriteStringValue(line);
            budget -= runes;
            shown++;
        }

        if (shown < warnings.Count)
        {
            json.WriteStringValue($"({warnings.Count - shown} more warnings not shown)");
        }

        json.WriteEndArray();
    }

    /// <summary>The first <paramref name="max"/> characters (runes: a surrogate pair is never split) and their count.</summary>
    private static (string Text, int Runes) Cut(string text, int max)
    {
        var runes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes == max)
            {
                return (text[..end], runes);
            }

            end += rune.Utf16SequenceLength;
            runes++;
        }

        return (text, runes);
    }

    /// <summary>Bodies up to this size that announce their length are read into an array of that length.</summary>
    private const int PresizedBodyBytes = 64 * 1024;

    /// <summary>The body, or null when it is larger than the limit (never read whole).</summary>
    /// <remarks>
    /// The API server always sends a Content-Length; a review of up to <see cref="PresizedBodyBytes"/> (nearly
    /// all of them) is read straight into an array of that size. A larger or chunked body is collected as it
    /// arrives, so a caller that announces 3 MiB and sends nothing holds no more than what it sent.
    /// </remarks>
    private static async Task<byte[]?> ReadBody(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared > WebhookOptions.MaxBodyBytes)
        {
            return null;
        }

        if (declared is { } length and <= PresizedBodyBytes)
        {
            var body = new byte[length];
            var filled = 0;
            int read;
            while (filled < body.Length && (read = await context.Request.Body.ReadAsync(body.AsMemory(filled), context.RequestAborted)) > 0)
            {
                filled += read;
            }

            if (filled < body.Length)
            {
                return body[..filled];
            }

            // Kestrel stops at Content-Length; a stream that sends more is refused, never buffered.
            var probe = ArrayPool<byte>.Shared.Rent(1);
            try
            {
                if (await context.Request.Body.ReadAsync(probe.AsMemory(0, 1), context.RequestAborted) > 0)
                {
                    throw new BadHttpRequestException("the body is longer than its Content-Length", StatusCodes.Status400BadRequest);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(probe, clearArray: true);
            }

            return body;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var buffer = new MemoryStream();
            int count;
            while ((count = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + count > WebhookOptions.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, count);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            // A review may carry credentials (an ApisixConsumer's): nothing of it stays in the shared pool.
            ArrayPool<byte>.Shared.Return(chunk, clearArray: true);
        }
    }

    private async Task<string> Refuse(HttpContext context, string endpoint, int status, string reason)
    {
        Log.Refused(logger, endpoint, status, reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(reason + "\n");
        return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
