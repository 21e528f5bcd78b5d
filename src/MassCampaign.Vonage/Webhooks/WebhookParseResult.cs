using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Vonage.Webhooks;

/// <summary>A parsed webhook, or the reasons it could not be read (each naming the field), never an exception.</summary>
public sealed class WebhookParseResult<T>
    where T : class
{
    private WebhookParseResult(T? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static WebhookParseResult<T> Success(T value) => new(value, []);

    public static WebhookParseResult<T> Failure(IReadOnlyList<string> errors) => new(null, errors);
}
