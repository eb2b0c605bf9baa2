using System.Text.Json.Nodes;

namespace Apisix.Webhook.Admission;

/// <summary>The parts of an <c>admission.k8s.io/v1</c> AdmissionReview request the webhook uses.</summary>
/// <param name="Uid">request.uid, echoed in the answer.</param>
/// <param name="Operation">CREATE, UPDATE, DELETE or CONNECT.</param>
/// <param name="Group">request.kind.group.</param>
/// <param name="Kind">request.kind.kind.</param>
/// <param name="Object">request.object (absent for DELETE).</param>
/// <param name="OldObject">request.oldObject (UPDATE).</param>
/// <param name="DryRun">request.dryRun.</param>
internal sealed record AdmissionRequest(string Uid, string Operation, string Group, string Kind, JsonObject? Object, JsonObject? OldObject, bool DryRun)
{
    /// <summary>
    /// Reads an AdmissionReview body; null with <paramref name="error"/> (for a 400) when it is not one.
    /// </summary>
    public static AdmissionRequest? Parse(JsonNode? review, out string? error)
    {
        error = null;
        if (review is not JsonObject root)
        {
            error = "the body must be an AdmissionReview object";
            return null;
        }

        if (root["apiVersion"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || root["apiVersion"]!.GetValue<string>() != "admission.k8s.io/v1" ||
            root["kind"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || root["kind"]!.GetValue<string>() != "AdmissionReview")
        {
            error = "only admission.k8s.io/v1 AdmissionReview is served";
            return null;
        }

        if (root["request"] is not JsonObject request)
        {
            error = "request is required";
            return null;
        }

        var uid = Text(request["uid"]);
        if (string.IsNullOrEmpty(uid))
        {
            error = "request.uid is required";
            return null;
        }

        var kind = request["kind"] as JsonObject;
        return new AdmissionRequest(
            uid,
            Text(request["operation"]) ?? "CREATE",
            Text(kind?["group"]) ?? string.Empty,
            Text(kind?["kind"]) ?? string.Empty,
            request["object"] as JsonObject,
            request["oldObject"] as JsonObject,
            request["dryRun"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
}
