using System.Globalization;

namespace Apisix.Translation;

/// <summary>A Kubernetes int-or-string value, such as a Service port reference.</summary>
public sealed record IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The integer form, when it is one.</summary>
    public int? Number { get; }

    /// <summary>The string form, when it is one.</summary>
    public string? Text { get; }

    /// <summary>An integer value.</summary>
    public static IntOrString FromInt(int number) => new(number, null);

    /// <summary>A string value.</summary>
    public static IntOrString FromString(string text) => new(null, text);

    /// <summary>The value as written.</summary>
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
