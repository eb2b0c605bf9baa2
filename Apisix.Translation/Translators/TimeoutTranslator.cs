using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// Duration timeouts to whole seconds (reference §2.4.2 and §2.9): when the block is present, all three
/// start at 60 and each positive duration replaces its field, truncated to whole seconds.
/// </summary>
internal static class TimeoutTranslator
{
    public const long DefaultSeconds = 60;

    public static TimeoutSeconds? Translate(DurationTimeout? timeout, string path, ObjectScope scope, bool negativeIsError)
    {
        if (timeout is null)
        {
            return null;
        }

        return new TimeoutSeconds(
            Field(timeout.Connect, $"{path}.connect", scope, negativeIsError),
            Field(timeout.Send, $"{path}.send", scope, negativeIsError),
            Field(timeout.Read, $"{path}.read", scope, negativeIsError));
    }

    private static long Field(string? value, string path, ObjectScope scope, bool negativeIsError)
    {
        if (value is null)
        {
            return DefaultSeconds;
        }

        if (!GoDuration.TryParse(value, out var nanoseconds))
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, $"'{value}' is not a duration (use e.g. 5s, 1m30s)");
            return DefaultSeconds;
        }

        if (nanoseconds < 0)
        {
            if (negativeIsError)
            {
                scope.Error(DiagnosticCodes.InvalidValue, path, $"'{value}' must not be negative");
            }
            else
            {
                scope.Warning(DiagnosticCodes.Suspicious, path, $"'{value}' is negative; the default of {DefaultSeconds}s is used");
            }

            return DefaultSeconds;
        }

        if (nanoseconds == 0)
        {
            return DefaultSeconds;
        }

        var seconds = GoDuration.WholeSeconds(nanoseconds);
        if (seconds == 0)
        {
            // 1.x would write 0, which APISIX rejects (timeouts must be > 0).
            scope.Error(DiagnosticCodes.InvalidValue, path, $"'{value}' truncates to 0 seconds, which APISIX rejects; use at least 1s");
            return DefaultSeconds;
        }

        return seconds;
    }
}
