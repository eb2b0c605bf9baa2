using System.Text.Json.Nodes;

namespace Apisix.Translation.Translators;

/// <summary>
/// One ApisixConsumer auth method to its consumer plugin (reference §2.11), for values and Secrets alike,
/// with the 1.x defaults and our fixes (jwt <c>exp</c> 86400, hmac <c>signed_headers</c> split).
/// </summary>
internal static class ConsumerAuthTranslator
{
    public const long DefaultJwtExp = 86400;
    private const long HmacNegativeBodyLimit = 524288;

    /// <summary>The APISIX plugin name for an auth method.</summary>
    public static string PluginName(string method) => method switch
    {
        "keyAuth" => "key-auth",
        "basicAuth" => "basic-auth",
        "jwtAuth" => "jwt-auth",
        "wolfRBAC" => "wolf-rbac",
        "hmacAuth" => "hmac-auth",
        "ldapAuth" => "ldap-auth",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not an auth method"),
    };

    public static JsonObject Translate(string method, ConsumerCredentialReader reader) => method switch
    {
        "keyAuth" => new JsonObject { ["key"] = reader.Required("key") },
        "basicAuth" => new JsonObject { ["username"] = reader.Required("username"), ["password"] = reader.Required("password") },
        "jwtAuth" => Jwt(reader),
        "wolfRBAC" => Optional(reader, "server", "appid", "header_prefix"),
        "hmacAuth" => Hmac(reader),
        "ldapAuth" => new JsonObject { ["user_dn"] = reader.Required("user_dn") },
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not an auth method"),
    };

    private static JsonObject Jwt(ConsumerCredentialReader reader)
    {
        var config = new JsonObject { ["key"] = reader.Required("key") };
        AddString(config, reader, "secret");
        AddString(config, reader, "public_key");
        config["private_key"] = reader.String("private_key") ?? string.Empty;
        AddString(config, reader, "algorithm");

        // 1.x wrote 868400 for a missing, invalid or non-positive exp; we write 86400 (deviation 1).
        var exp = reader.Integer("exp");
        config["exp"] = exp is null or < 1 ? DefaultJwtExp : exp;
        if (reader.Boolean("base64_secret") == true)
        {
            config["base64_secret"] = true;
        }

        if (reader.Integer("lifetime_grace_period") is { } grace and not 0)
        {
            config["lifetime_grace_period"] = grace;
        }

        return config;
    }

    private static JsonObject Hmac(ConsumerCredentialReader reader)
    {
        var config = new JsonObject();

        // 2.x names the key id key_id; 1.x access_key. Either is accepted; key_id wins when both are set.
        var idKey = reader.Has("key_id") ? "key_id" : "access_key";
        config[idKey] = reader.Required(idKey);
        config["secret_key"] = reader.Required("secret_key");
        var algorithm = reader.String("algorithm");
        if (algorithm is not null || reader.FromSecret)
        {
            config["algorithm"] = algorithm ?? "hmac-sha256";
        }

        // Negative skews become 0, and 0 is left out (omit-empty, as 1.x).
        if (reader.Integer("clock_skew") is > 0 and var skew)
        {
            config["clock_skew"] = skew;
        }

        if (reader.StringList("signed_headers") is { Count: > 0 } headers)
        {
            config["signed_headers"] = new JsonArray(headers.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray());
        }

        if (reader.Boolean("keep_headers") == true)
        {
            config["keep_headers"] = true;
        }

        var encode = reader.Boolean("encode_uri_params");
        if (encode == true || (encode is null && reader.FromSecret))
        {
            config["encode_uri_params"] = true;
        }

        if (reader.Boolean("validate_request_body") == true)
        {
            config["validate_request_body"] = true;
        }

        if (reader.Integer("max_req_body") is { } maxBody and not 0)
        {
            config["max_req_body"] = maxBody < 0 ? HmacNegativeBodyLimit : maxBody;
        }

        return config;
    }

    private static JsonObject Optional(ConsumerCredentialReader reader, params string[] keys)
    {
        var config = new JsonObject();
        foreach (var key in keys)
        {
            AddString(config, reader, key);
        }

        return config;
    }

    private static void AddString(JsonObject config, ConsumerCredentialReader reader, string key)
    {
        if (reader.String(key) is { Length: > 0 } value)
        {
            config[key] = value;
        }
    }
}
