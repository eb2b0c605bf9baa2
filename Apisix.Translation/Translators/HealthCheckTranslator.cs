using System.Text.Json;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// Health checks (reference §2.9): passive then active, active required; thresholds 0..254 (0 left out); an interval of at least 1s wherever an active healthy/unhealthy block is given.
/// </summary>
internal static class HealthCheckTranslator
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static HealthChecks? Translate(HealthCheckSettings check, string path, ObjectScope scope)
    {
        var passive = check.Passive is null ? null : TranslatePassive(check.Passive, $"{path}.passive", scope);
        if (check.Active is null)
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{path}.active", "is required when healthCheck is set");
            return null;
        }

        return new HealthChecks { Active = TranslateActive(check.Active, $"{path}.active", scope), Passive = passive };
    }

    private static PassiveCheck TranslatePassive(PassiveHealthCheck passive, string path, ObjectScope scope) => new()
    {
        Type = CheckType(passive.Type, $"{path}.type", scope),
        Healthy = Healthy(passive.Healthy, $"{path}.healthy", scope, needsInterval: false),
        Unhealthy = Unhealthy(passive.Unhealthy, $"{path}.unhealthy", scope, needsInterval: false),
    };

    private static ActiveCheck TranslateActive(ActiveHealthCheck active, string path, ObjectScope scope)
    {
        if (active.Port is < 0 or > 65535)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.port", $"must be between 0 (not set) and 65535, got {active.Port}");
        }

        if (active.Concurrency is < 0)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.concurrency", $"must not be negative, got {active.Concurrency}");
        }

        return new ActiveCheck
        {
            Type = CheckType(active.Type, $"{path}.type", scope),
            Timeout = ProbeTimeout(active.Timeout, $"{path}.timeout", scope),
            // 0 is left out, as 1.x does (omitempty), so APISIX's default of 10 applies; 0 probers would never probe.
            Concurrency = active.Concurrency is 0 ? null : active.Concurrency,
            Host = string.IsNullOrEmpty(active.Host) ? null : active.Host,
            Port = active.Port is null or 0 ? null : active.Port,
            HttpPath = string.IsNullOrEmpty(active.HttpPath) ? null : active.HttpPath,
            HttpsVerifyCertificate = active.StrictTls ?? true,
            ReqHeaders = active.RequestHeaders.IsEmpty ? (EquatableArray<string>?)null : active.RequestHeaders,
            Healthy = Healthy(active.Healthy, $"{path}.healthy", scope, needsInterval: true),
            Unhealthy = Unhealthy(active.Unhealthy, $"{path}.unhealthy", scope, needsInterval: true),
        };
    }

    private static string CheckType(string? type, string path, ObjectScope scope)
    {
        if (string.IsNullOrEmpty(type))
        {
            return "http";
        }

        if (type is not ("http" or "https" or "tcp"))
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, $"invalid value '{type}'; expected http, https or tcp");
        }

        return type;
    }

    /// <summary>
    /// The CRD types the probe timeout as a Go duration number, i.e. nanoseconds; we also take a duration
    /// string (deviation 5). A number that truncates to 0 s is warned about, since 1.x silently dropped it.
    /// </summary>
    private static long? ProbeTimeout(JsonBlob? timeout, string path, ObjectScope scope)
    {
        if (timeout is null)
        {
            return null;
        }

        long nanoseconds;
        switch (timeout.ValueKind)
        {
            case JsonValueKind.Number when double.TryParse(timeout.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 0:
                nanoseconds = (long)Math.Min(number, long.MaxValue);
                if (nanoseconds > 0 && nanoseconds < NanosecondsPerSecond)
                {
                    scope.Warning(DiagnosticCodes.Suspicious, path, $"{timeout} is read as nanoseconds (a Go duration) and truncates to 0 seconds, so no timeout is set; write a duration string such as \"5s\"");
                }

                break;
            case JsonValueKind.String when GoDuration.TryParse(timeout.ToString().Trim('"'), out var parsed) && parsed >= 0:
                nanoseconds = parsed;
                break;
            default:
                scope.Error(DiagnosticCodes.InvalidValue, path, $"must be a non-negative duration (\"5s\") or a number of nanoseconds, got {timeout}");
                return null;
        }

        var seconds = nanoseconds / NanosecondsPerSecond;
        return seconds == 0 ? null : seconds;
    }

    private static CheckThresholds Healthy(HealthyThresholds? healthy, string path, ObjectScope scope, bool needsInterval)
    {
        if (healthy is null)
        {
            return new CheckThresholds();
        }

        return new CheckThresholds
        {
            HttpStatuses = Codes(healthy.HttpCodes, $"{path}.httpCodes", scope),
            Successes = Threshold(healthy.Successes, $"{path}.successes", scope),
            Interval = needsInterval ? Interval(healthy.Interval, $"{path}.interval", scope) : null,
        };
    }

    private static CheckThresholds Unhealthy(UnhealthyThresholds? unhealthy, string path, ObjectScope scope, bool needsInterval)
    {
        if (unhealthy is null)
        {
            return new CheckThresholds();
        }

        return new CheckThresholds
        {
            HttpStatuses = Codes(unhealthy.HttpCodes, $"{path}.httpCodes", scope),
            HttpFailures = Threshold(unhealthy.HttpFailures, $"{path}.httpFailures", scope),
            TcpFailures = Threshold(unhealthy.TcpFailures, $"{path}.tcpFailures", scope),
            Timeouts = Threshold(unhealthy.Timeouts, $"{path}.timeouts", scope),
            Interval = needsInterval ? Interval(unhealthy.Interval, $"{path}.interval", scope) : null,
        };
    }

    /// <summary>Thresholds are 0..254 (the 1.x translator and the 2.x CRD); 0 means "not set" and is left out.</summary>
    private static int? Threshold(int? value, string path, ObjectScope scope)
    {
        if (value is < 0 or > 254)
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, $"must be between 0 and 254, got {value}");
        }

        return value is 0 ? null : value;
    }

    private static EquatableArray<int>? Codes(EquatableArray<int>? codes, string path, ObjectScope scope)
    {
        if (codes is not { } list)
        {
            return null;
        }

        if (list.IsEmpty)
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, "must not be empty when given");
            return null;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is < 200 or > 599)
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}[{i}]", $"must be an HTTP status between 200 and 599, got {list[i]}");
            }
        }

        return list;
    }

    private static long? Interval(string? interval, string path, ObjectScope scope)
    {
        if (!GoDuration.TryParse(interval, out var nanoseconds) || nanoseconds < NanosecondsPerSecond)
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, interval is null
                ? "is required (at least 1s) for active health checks"
                : $"'{interval}' must be a duration of at least 1s");
            return null;
        }

        return nanoseconds / NanosecondsPerSecond;
    }
}
