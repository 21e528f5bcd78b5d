using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Security;

/// <summary>Checks the x-functions-key header or the code query parameter against the configured keys.</summary>
public sealed class ApiKeyValidator(IOptions<ApiKeyOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[][] _keys = options.Value.Keys
        .Where(key => !string.IsNullOrWhiteSpace(key))
        .Select(key => Encoding.UTF8.GetBytes(key))
        .ToArray();

    public bool HasValidHeaderKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var header) && IsValid(header.ToString());

    public bool HasValidQueryKey(HttpContext context) =>
        context.Request.Query.TryGetValue(QueryName, out var code) && IsValid(code.ToString());

    public bool IsValid(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(candidate);
        var match = false;
        foreach (var key in _keys)
        {
            // Constant time per key so a caller cannot probe a key byte by byte.
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }
}
