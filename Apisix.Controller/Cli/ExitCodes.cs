namespace Apisix.Controller.Cli;

/// <summary>The exit codes of the offline commands.</summary>
internal static class ExitCodes
{
    /// <summary>No error diagnostics.</summary>
    public const int Success = 0;

    /// <summary>Error diagnostics were found; the rest of the output is still printed.</summary>
    public const int DiagnosticErrors = 1;

    /// <summary>Bad usage, or input that could not be read at all.</summary>
    public const int UsageOrUnreadable = 2;
}
