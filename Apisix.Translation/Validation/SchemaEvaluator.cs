using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>
/// Evaluates a JSON Schema the way APISIX's validator (api7/jsonschema) does, which differs from a stock
/// validator on purpose: defaults are written into the config while <c>properties</c> are checked, before
/// <c>required</c>, combinators, <c>if/then/else</c>, <c>dependencies</c> and <c>minProperties</c>; an empty
/// object also passes <c>type: array</c> and an empty array <c>type: object</c>; patterns are unanchored;
/// <c>$secret://</c> and <c>$env://</c> strings skip string checks. <c>x-since</c>/<c>x-until</c> on a
/// property limit it to the APISIX versions that have it.
/// </summary>
internal sealed partial class SchemaEvaluator(ApisixVersion version, string plugin)
{
    /// <summary>Validates <paramref name="value"/> (changed in place: defaults are filled in).</summary>
    public List<SchemaFinding> Validate(JsonNode? value, JsonObject schema)
    {
        var findings = new List<SchemaFinding>();
        Check(value, schema, string.Empty, findings);
        return findings;
    }

    private bool Check(JsonNode? value, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        var before = findings.Count;
        if (!CheckType(value, schema, path, findings))
        {
            return false;
        }

        if (schema["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            findings.Add(new(path, $"must be one of {string.Join(", ", choices.Select(c => c?.ToJsonString() ?? "null"))}, got {Show(value)}"));
        }
        else if (schema["x-enum-since"] is JsonObject enumSince && value?.GetValueKind() == JsonValueKind.String &&
            enumSince[value.GetValue<string>()]?.ToString() is { } since && ApisixVersion.TryParse(since, out var first) && version < first)
        {
            findings.Add(new(path, $"{Show(value)} is not a value of {plugin} before APISIX {first}"));
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            findings.Add(new(path, $"must be {constant.ToJsonString()}, got {Show(value)}"));
        }

        switch (value)
        {
            case JsonObject { Count: 0 } when !AllowsType(schema, "object"):
                // An empty Lua table passed "array": the array keywords apply to it as an empty array.
                CheckArray([], schema, path, findings);
                break;
            case JsonArray { Count: 0 } when !AllowsType(schema, "array"):
                CheckObject([], schema, path, findings);
                break;
            case JsonObject obj:
                CheckObject(obj, schema, path, findings);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, findings);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                CheckNumber(JsonValues.Double(scalar)!.Value, schema, path, findings);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                CheckString(scalar.GetValue<string>(), schema, path, findings);
                break;
        }

        CheckCombinators(value, schema, path, findings);
        return findings.Count == before;
    }

    private static bool CheckType(JsonNode? value, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        if (schema["type"] is not { } type)
        {
            return true;
        }

        var allowed = type is JsonArray list ? list.Select(t => t?.ToString() ?? string.Empty).ToList() : [type.ToString()];
        if (allowed.Any(t => HasType(value, t)))
        {
            return true;
        }

        findings.Add(new(path, $"must be {string.Join(" or ", allowed.Select(Article))}, got {TypeOf(value)}"));
        return false;
    }

    /// <summary>True when the schema names <paramref name="type"/> (or names no type at all).</summary>
    private static bool AllowsType(JsonObject schema, string type) => schema["type"] switch
    {
        null => true,
        JsonArray list => list.Any(t => t?.ToString() == type),
        var single => single.ToString() == type,
    };

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        // A Lua table is both: an empty object passes "array" and an empty array passes "object".
        "object" => value is JsonObject || value is JsonArray { Count: 0 },
        "array" => value is JsonArray || value is JsonObject { Count: 0 },
        "string" => value?.GetValueKind() == JsonValueKind.String,
        "number" => value?.GetValueKind() == JsonValueKind.Number,
        "integer" => JsonValues.Double(value) is { } number && number == Math.Floor(number),
        "boolean" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "null" => value is null,
        _ => false,
    };

    private void CheckObject(JsonObject obj, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        var properties = schema["properties"] as JsonObject;
        if (properties is not null)
        {
            foreach (var (name, propertySchemaNode) in properties)
            {
                if (propertySchemaNode is not JsonObject propertySchema)
                {
                    continue;
                }

                if (obj.TryGetPropertyValue(name, out var child))
                {
                    var childPath = Join(path, name);
                    if (!InVersion(propertySchema, name, childPath, findings))
                    {
                        continue;
                    }

                    Check(child, propertySchema, childPath, findings);
                }
                else if (propertySchema["default"] is { } defaultValue && Available(propertySchema))
                {
                    // APISIX writes defaults into the config before anything below is evaluated.
                    obj[name] = defaultValue.DeepClone();
                }
            }
        }

        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            var name = required?.ToString() ?? string.Empty;
            if (!obj.ContainsKey(name))
            {
                findings.Add(new(Join(path, name), $"`{name}` is required"));
            }
        }

        var patterns = schema["patternProperties"] as JsonObject;
        var additional = schema["additionalProperties"];
        foreach (var (name, child) in patterns is null && additional is null ? [] : obj.ToList())
        {
            var matched = properties?.ContainsKey(name) == true;
            foreach (var (pattern, patternSchema) in patterns ?? [])
            {
                if (patternSchema is JsonObject childSchema && Matches(name, pattern))
                {
                    matched = true;
                    Check(child, childSchema, Join(path, name), findings);
                }
            }

            if (!matched && additional is not null)
            {
                if (additional.GetValueKind() == JsonValueKind.False)
                {
                    findings.Add(new(Join(path, name), $"`{name}` is not a known field"));
                }
                else if (additional is JsonObject additionalSchema)
                {
                    Check(child, additionalSchema, Join(path, name), findings);
                }
            }
        }

        if (JsonValues.Int(schema["minProperties"]) is { } minProperties && obj.Count < minProperties)
        {
            findings.Add(new(path, $"must have at least {minProperties} field(s)"));
        }

        if (JsonValues.Int(schema["maxProperties"]) is { } maxProperties && obj.Count > maxProperties)
        {
            findings.Add(new(path, $"must have at most {maxProperties} field(s)"));
        }

        foreach (var (name, dependency) in schema["dependencies"] as JsonObject ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                continue;
            }

            if (dependency is JsonArray needed)
            {
                foreach (var other in needed.Select(n => n?.ToString() ?? string.Empty).Where(n => !obj.ContainsKey(n)))
                {
                    findings.Add(new(Join(path, other), $"`{other}` is required when {name} is set"));
                }
            }
            else if (dependency is JsonObject dependencySchema)
            {
                Check(obj, dependencySchema, path, findings);
            }
        }
    }

    private void CheckArray(JsonArray array, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], itemSchema, $"{path}[{i}]", findings);
            }
        }
        else if (schema["items"] is JsonArray tuple)
        {
            for (var i = 0; i < Math.Min(tuple.Count, array.Count); i++)
            {
                if (tuple[i] is JsonObject positional)
                {
                    Check(array[i], positional, $"{path}[{i}]", findings);
                }
            }
        }

        if (JsonValues.Int(schema["minItems"]) is { } minItems && array.Count < minItems)
        {
            findings.Add(new(path, $"must have at least {minItems} item(s), got {array.Count}"));
        }

        if (JsonValues.Int(schema["maxItems"]) is { } maxItems && array.Count > maxItems)
        {
            findings.Add(new(path, $"must have at most {maxItems} item(s), got {array.Count}"));
        }

        if (JsonValues.Bool(schema["uniqueItems"]) == true)
        {
            for (var i = 1; i < array.Count; i++)
            {
                if (array.Take(i).Any(earlier => JsonNode.DeepEquals(earlier, array[i])))
                {
                    findings.Add(new($"{path}[{i}]", "duplicates an earlier item"));
                }
            }
        }
    }

    private static void CheckNumber(double number, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        var minimum = JsonValues.Double(schema["minimum"]);
        var maximum = JsonValues.Double(schema["maximum"]);
        if ((minimum is { } min && number < min) || (maximum is { } max && number > max))
        {
            findings.Add(new(path, (minimum, maximum) switch
            {
                ({ } low, { } high) => $"must be between {Show(low)} and {Show(high)}, got {Show(number)}",
                ({ } low, null) => $"must be at least {Show(low)}, got {Show(number)}",
                (null, { } high) => $"must be at most {Show(high)}, got {Show(number)}",
                _ => string.Empty,
            }));
        }

        if (JsonValues.Double(schema["exclusiveMinimum"]) is { } exclusiveMin && number <= exclusiveMin)
        {
            findings.Add(new(path, $"must be greater than {Show(exclusiveMin)}, got {Show(number)}"));
        }

        if (JsonValues.Double(schema["exclusiveMaximum"]) is { } exclusiveMax && number >= exclusiveMax)
        {
            findings.Add(new(path, $"must be less than {Show(exclusiveMax)}, got {Show(number)}"));
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        // Secret and environment references are resolved at runtime, so their form is not checked (3.17+).
        if (text.StartsWith("$secret://", StringComparison.Ordinal) || text.StartsWith("$env://", StringComparison.Ordinal))
        {
            return;
        }

        var length = text.EnumerateRunes().Count();
        if (JsonValues.Int(schema["minLength"]) is { } minLength && length < minLength)
        {
            findings.Add(new(path, $"must be at least {minLength} character(s) long, got {length}"));
        }

        if (JsonValues.Int(schema["maxLength"]) is { } maxLength && length > maxLength)
        {
            findings.Add(new(path, $"must be at most {maxLength} character(s) long, got {length}"));
        }

        if (schema["pattern"]?.ToString() is { } pattern && !Matches(text, pattern))
        {
            findings.Add(new(path, $"'{text}' does not match {pattern}"));
        }

        if (schema["format"]?.ToString() is { } format && !FormatHolds(text, format))
        {
            findings.Add(new(path, $"'{text}' is not a valid {format}"));
        }
    }

    private void CheckCombinators(JsonNode? value, JsonObject schema, string path, List<SchemaFinding> findings)
    {
        foreach (var branch in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Check(value, branch, path, findings);
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            var attempts = anyOf.OfType<JsonObject>().Select(branch => Attempt(value, branch, path)).ToList();
            if (!attempts.Any(a => a.Count == 0))
            {
                findings.Add(new(path, $"matches none of the allowed forms ({Closest(attempts)})"));
            }
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var attempts = oneOf.OfType<JsonObject>().Select(branch => Attempt(value, branch, path)).ToList();
            var passed = attempts.Count(a => a.Count == 0);
            if (passed == 0)
            {
                findings.Add(new(path, $"matches none of the allowed forms ({Closest(attempts)})"));
            }
            else if (passed > 1)
            {
                findings.Add(new(path, $"matches {passed} of the exclusive forms; it must match exactly one"));
            }
        }

        if (schema["not"] is JsonObject notSchema && Attempt(value, notSchema, path).Count == 0)
        {
            findings.Add(new(path, "matches a form that is not allowed"));
        }

        if (schema["if"] is JsonObject ifSchema)
        {
            var branch = Attempt(value, ifSchema, path).Count == 0 ? schema["then"] : schema["else"];
            if (branch is JsonObject branchSchema)
            {
                Check(value, branchSchema, path, findings);
            }
        }
    }

    /// <summary>Tries a branch on the live value, as APISIX does: defaults a branch fills in stay.</summary>
    private List<SchemaFinding> Attempt(JsonNode? value, JsonObject branch, string path)
    {
        var findings = new List<SchemaFinding>();
        Check(value, branch, path, findings);
        return findings;
    }

    private static string Closest(List<List<SchemaFinding>> attempts)
    {
        var best = attempts.Where(a => a.Count > 0).OrderBy(a => a.Count).FirstOrDefault();
        return best is null ? "no form given" : string.Join("; ", best.Take(2).Select(f => f.Path.Length == 0 ? f.Message : $"{f.Path}: {f.Message}"));
    }

    private bool InVersion(JsonObject propertySchema, string name, string path, List<SchemaFinding> findings)
    {
        if (propertySchema["x-since"]?.ToString() is { } since && ApisixVersion.TryParse(since, out var first) && version < first)
        {
            findings.Add(new(path, $"`{name}` is not in {plugin} before APISIX {first}"));
            return false;
        }

        if (propertySchema["x-until"]?.ToString() is { } until && ApisixVersion.TryParse(until, out var gone) && version >= gone)
        {
            // Schemas without additionalProperties: false accept it, so APISIX ignores it rather than refusing.
            findings.Add(new(path, $"`{name}` is ignored by {plugin} since APISIX {gone}", IsWarning: true));
            return false;
        }

        return true;
    }

    private bool Available(JsonObject propertySchema) =>
        !(propertySchema["x-since"]?.ToString() is { } since && ApisixVersion.TryParse(since, out var first) && version < first) &&
        !(propertySchema["x-until"]?.ToString() is { } until && ApisixVersion.TryParse(until, out var gone) && version >= gone);

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

}
