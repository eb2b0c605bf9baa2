using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Webhook.Admission;

/// <summary>
/// The parts of an <c>admission.k8s.io/v1</c> AdmissionReview request the webhook uses, read from the body in
/// one pass. <c>request.object</c> and <c>request.oldObject</c> stay as the bytes the API server sent: the
/// validator reads the object straight from them, and a JSON tree is made only when a caller asks for one
/// (the defaults of <c>/mutate</c>, the class check of an UPDATE).
/// </summary>
internal sealed class AdmissionRequest
{
    /// <summary>How deep a review may nest, for the one pass over it and for a tree made from its objects.</summary>
    private const int MaxDepth = 128;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };
    private static readonly JsonDocumentOptions TreeOptions = new() { MaxDepth = MaxDepth };

    private readonly ReadOnlyMemory<byte> _object;
    private readonly ReadOnlyMemory<byte> _oldObject;
    private JsonObject? _objectTree;
    private JsonObject? _oldObjectTree;

    private AdmissionRequest(string uid, string operation, string group, string kind, ReadOnlyMemory<byte> obj, ReadOnlyMemory<byte> oldObject, bool dryRun)
    {
        Uid = uid;
        Operation = operation;
        Group = group;
        Kind = kind;
        _object = obj;
        _oldObject = oldObject;
        DryRun = dryRun;
    }

    /// <summary>request.uid, echoed in the answer.</summary>
    public string Uid { get; }

    /// <summary>CREATE, UPDATE, DELETE or CONNECT (CREATE when absent).</summary>
    public string Operation { get; }

    /// <summary>request.kind.group.</summary>
    public string Group { get; }

    /// <summary>request.kind.kind.</summary>
    public string Kind { get; }

    /// <summary>request.dryRun.</summary>
    public bool DryRun { get; }

    /// <summary>True when request.object is a JSON object (it is absent for DELETE).</summary>
    public bool HasObject => !_object.IsEmpty;

    /// <summary>request.object as sent (UTF-8 JSON), empty when it is not an object.</summary>
    public ReadOnlySpan<byte> ObjectJson => _object.Span;

    /// <summary>request.object as a JSON tree, made on first use.</summary>
    public JsonObject? Object => _objectTree ??= Tree(_object);

    /// <summary>request.oldObject (UPDATE) as a JSON tree, made on first use.</summary>
    public JsonObject? OldObject => _oldObjectTree ??= Tree(_oldObject);

    /// <summary>
    /// Reads an AdmissionReview body; null with <paramref name="error"/> (for a 400) when it is not one.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON (or nests deeper than 128).</exception>
    /// <exception cref="InvalidOperationException">A string the review reads is not valid UTF-8 or has a lone surrogate.</exception>
    public static AdmissionRequest? Parse(ReadOnlyMemory<byte> body, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            EndOfBody(ref reader);
            error = "the body must be an AdmissionReview object";
            return null;
        }

        string? apiVersion = null, kind = null;
        Fields request = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (Twice(ref seen, name, ["apiVersion", "kind", "request"]))
            {
                error ??= $"the body has {name} twice";
                reader.Skip();
                continue;
            }

            switch (name)
            {
                case "apiVersion":
                    apiVersion = Text(ref reader);
                    break;
                case "kind":
                    kind = Text(ref reader);
                    break;
                case "request" when reader.TokenType == JsonTokenType.StartObject:
                    request = ReadRequest(ref reader, body, ref error);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        EndOfBody(ref reader);
        if (error is not null)
        {
            return null;
        }

        if (apiVersion != "admission.k8s.io/v1" || kind != "AdmissionReview")
        {
            error = "only admission.k8s.io/v1 AdmissionReview is served";
            return null;
        }

        if (!request.Present)
        {
            error = "request is required";
            return null;
        }

        if (string.IsNullOrEmpty(request.Uid))
        {
            error = "request.uid is required";
            return null;
        }

        return new AdmissionRequest(request.Uid, request.Operation ?? "CREATE", request.Group ?? string.Empty, request.Kind ?? string.Empty, request.Object, request.OldObject, request.DryRun);
    }

    /// <summary>The fields of <c>request</c>; the reader is on its opening brace and is left on its closing one.</summary>
    private static Fields ReadRequest(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, ref string? error)
    {
        var fields = new Fields { Present = true };
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (Twice(ref seen, name, ["uid", "operation", "dryRun", "kind", "object", "oldObject"]))
            {
                error ??= $"the body has request.{name} twice";
                reader.Skip();
                continue;
            }

            switch (name)
            {
                case "uid":
                    fields.Uid = Text(ref reader);
                    break;
                case "operation":
                    fields.Operation = Text(ref reader);
                    break;
                case "dryRun":
                    fields.DryRun = reader.TokenType == JsonTokenType.True;
                    reader.Skip();
                    break;
                case "kind" when reader.TokenType == JsonTokenType.StartObject:
                    var kindSeen = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var field = reader.GetString()!;
                        reader.Read();
                        if (Twice(ref kindSeen, field, ["group", "kind"]))
                        {
                            error ??= $"the body has request.kind.{field} twice";
                        }

                        if (field == "group")
                        {
                            fields.Group = Text(ref reader);
                        }
                        else if (field == "kind")
                        {
                            fields.Kind = Text(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "object":
                    fields.Object = ObjectBytes(ref reader, body);
                    break;
                case "oldObject":
                    fields.OldObject = ObjectBytes(ref reader, body);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return fields;
    }

    /// <summary>The bytes of the object the reader is on (empty for any other value), the reader moved past it.</summary>
    private static ReadOnlyMemory<byte> ObjectBytes(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return ReadOnlyMemory<byte>.Empty;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return body[start..(int)reader.BytesConsumed];
    }

    /// <summary>
    /// True when <paramref name="name"/> is one of the fields read here and was seen before: a review that
    /// says two things about one of them is refused rather than read one way or the other.
    /// </summary>
    private static bool Twice(ref int seen, string name, ReadOnlySpan<string> known)
    {
        var index = known.IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        var bit = 1 << index;
        var twice = (seen & bit) != 0;
        seen |= bit;
        return twice;
    }

    /// <summary>A string value, or null for any other value (which is skipped).</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>Nothing may follow the review but white space.</summary>
    private static void EndOfBody(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            // Not the content itself: it may be anything, a Secret's value included.
            throw new JsonException($"more JSON after the end of the review (at byte {reader.TokenStartIndex})");
        }
    }

    private static JsonObject? Tree(ReadOnlyMemory<byte> json) =>
        json.IsEmpty ? null : JsonNode.Parse(json.Span, documentOptions: TreeOptions) as JsonObject;

    private struct Fields
    {
        public bool Present;
        public string? Uid;
        public string? Operation;
        public string? Group;
        public string? Kind;
        public bool DryRun;
        public ReadOnlyMemory<byte> Object;
        public ReadOnlyMemory<byte> OldObject;
    }
}
