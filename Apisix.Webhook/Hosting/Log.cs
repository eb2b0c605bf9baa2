namespace Apisix.Webhook.Hosting;

/// <summary>The webhook's log lines, structured. Nothing from an object's content (Secrets!) is ever logged.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded serving certificate {Subject}, valid until {NotAfter}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the serving certificate ({Reason}); keeping the previous one")]
    public static partial void CertificateFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Endpoint} {Kind} {Operation} uid={Uid}: allowed, {Warnings} warning(s)")]
    public static partial void Allowed(ILogger logger, string endpoint, string kind, string operation, string uid, int warnings);

    /// <summary>Denials are what an operator looks for; admissions are counted in the metrics and logged at Debug.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} {Kind} {Operation} uid={Uid}: denied, {Warnings} warning(s)")]
    public static partial void Denied(ILogger logger, string endpoint, string kind, string operation, string uid, int warnings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint}: refused a request ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string endpoint, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Endpoint}: internal error while answering uid={Uid}")]
    public static partial void InternalError(ILogger logger, Exception exception, string endpoint, string uid);
}
