namespace Apisix.Translation.Simulation;

/// <summary>A route expectation in a test did not hold.</summary>
public sealed class RouteExpectationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RouteExpectationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RouteExpectationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RouteExpectationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
