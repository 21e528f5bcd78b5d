using System.Security.Cryptography;
using System.Text;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Vonage.Tests.Webhooks;

public sealed class VonageSignatureTests
{
    private const string Secret = "example_signature_secret";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1578787200);

    // The worked example of VONAGE.md §4.1, note the '=' and '&' inside the text value.
    private static readonly Dictionary<string, string> WorkedExample = new()
    {
        ["msisdn"] = "447700900000",
        ["to"] = "AcmeInc",
        ["messageId"] = "0A0000001234567B",
        ["status"] = "delivered",
        ["err-code"] = "0",
        ["message-timestamp"] = "2020-01-01 12:00:00",
        ["timestamp"] = "1578787200",
        ["nonce"] = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        ["text"] = "a=b&c",
    };

    private const string WorkedExampleBase =
        "&err-code=0&message-timestamp=2020-01-01 12:00:00&messageId=0A0000001234567B&msisdn=447700900000"
        + "&nonce=aaaaaaaa-bbbb-cccc-dddd-0123456789ab&status=delivered&text=a_b_c&timestamp=1578787200&to=AcmeInc";

    [Fact]
    public void Base_string_of_the_worked_example_sorts_ordinally_and_sanitises_values()
    {
        Assert.Equal(WorkedExampleBase, VonageSignature.BuildBaseString(WorkedExample));
    }

    [Fact]
    public void Worked_example_md5hash_matches_the_documented_value()
    {
        Assert.Equal("0662d09d5a34759a453aca4275e6de33", VonageSignature.Compute(WorkedExample, Secret, VonageSignatureMethod.Md5Hash));
    }

    [Fact]
    public void Worked_example_hmac_sha256_matches_the_documented_value()
    {
        Assert.Equal(
            "5640819CF0D03E5193CC67817EDD243FFF0E258157C4663ACEFA2EF005AC3F93",
            VonageSignature.Compute(WorkedExample, Secret, VonageSignatureMethod.Sha256));
    }

    public static TheoryData<VonageSignatureMethod> Methods =>
    [
        VonageSignatureMethod.Md5Hash, VonageSignatureMethod.Md5, VonageSignatureMethod.Sha1,
        VonageSignatureMethod.Sha256, VonageSignatureMethod.Sha512,
    ];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_matches_an_independent_computation_over_a_hand_written_base_string(VonageSignatureMethod method)
    {
        var parameters = new Dictionary<string, string>
        {
            ["to"] = "447700900000",
            ["api_key"] = "abcd1234",
            ["k&e=y"] = "v=a&l",
            ["timestamp"] = "1700000000",
            ["sig"] = "ignored",
        };
        const string handWritten = "&api_key=abcd1234&k_e_y=v_a_l&timestamp=1700000000&to=447700900000";
        const string secret = "s3cr3t";

        Assert.Equal(handWritten, VonageSignature.BuildBaseString(parameters));
        Assert.Equal(Independent(method, handWritten, secret), VonageSignature.Compute(parameters, secret, method));
    }

    [Fact]
    public void Md5hash_is_lowercase_and_hmac_is_uppercase_hex()
    {
        var md5 = VonageSignature.Compute(WorkedExample, Secret, VonageSignatureMethod.Md5Hash);
        var sha1 = VonageSignature.Compute(WorkedExample, Secret, VonageSignatureMethod.Sha1);

        Assert.Equal(md5.ToLowerInvariant(), md5);
        Assert.Equal(sha1.ToUpperInvariant(), sha1);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Signed_parameters_verify(VonageSignatureMethod method)
    {
        var signature = new VonageSignature(Secret, method, new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        var signed = signature.Sign(Without(WorkedExample, "timestamp"));

        Assert.Equal("1578787200", signed["timestamp"]);
        Assert.Equal(SignatureCheck.Valid, signature.Verify(signed));
    }

    [Fact]
    public void Signature_compares_without_regard_to_hex_case()
    {
        var signature = Verifier(VonageSignatureMethod.Sha256);
        var lower = With(WorkedExample, "sig", "5640819cf0d03e5193cc67817edd243fff0e258157c4663acefa2ef005ac3f93");

        Assert.Equal(SignatureCheck.Valid, signature.Verify(lower));
    }

    [Fact]
    public void Wrong_secret_is_rejected()
    {
        var signed = With(WorkedExample, "sig", VonageSignature.Compute(WorkedExample, "another_secret", VonageSignatureMethod.Md5Hash));

        Assert.Equal(SignatureCheck.Mismatch, Verifier(VonageSignatureMethod.Md5Hash).Verify(signed));
    }

    [Fact]
    public void Tampered_value_is_rejected()
    {
        var signed = With(WorkedExample, "sig", "0662d09d5a34759a453aca4275e6de33");
        var tampered = With(signed, "status", "failed");

        Assert.Equal(SignatureCheck.Valid, Verifier(VonageSignatureMethod.Md5Hash).Verify(signed));
        Assert.Equal(SignatureCheck.Mismatch, Verifier(VonageSignatureMethod.Md5Hash).Verify(tampered));
    }

    [Fact]
    public void Signature_of_another_method_is_rejected()
    {
        var signed = With(WorkedExample, "sig", "0662d09d5a34759a453aca4275e6de33");

        Assert.Equal(SignatureCheck.Mismatch, Verifier(VonageSignatureMethod.Sha256).Verify(signed));
    }

    [Fact]
    public void Missing_sig_is_rejected()
    {
        Assert.Equal(SignatureCheck.MissingSignature, Verifier(VonageSignatureMethod.Md5Hash).Verify(WorkedExample));
    }

    [Fact]
    public void Missing_timestamp_is_rejected()
    {
        var signed = With(Without(WorkedExample, "timestamp"), "sig", "0662d09d5a34759a453aca4275e6de33");

        Assert.Equal(SignatureCheck.InvalidTimestamp, Verifier(VonageSignatureMethod.Md5Hash).Verify(signed));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamp_more_than_five_minutes_away_is_rejected(int secondsFromNow)
    {
        var signature = new VonageSignature(
            Secret, VonageSignatureMethod.Md5Hash, new ManualTimeProvider(Now.AddSeconds(-secondsFromNow)), TimeSpan.FromMinutes(5));
        var signed = With(WorkedExample, "sig", "0662d09d5a34759a453aca4275e6de33");

        Assert.Equal(SignatureCheck.StaleTimestamp, signature.Verify(signed));
    }

    [Fact]
    public void Timestamp_within_five_minutes_is_accepted()
    {
        var signature = new VonageSignature(
            Secret, VonageSignatureMethod.Md5Hash, new ManualTimeProvider(Now.AddSeconds(299)), TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.Valid, signature.Verify(With(WorkedExample, "sig", "0662d09d5a34759a453aca4275e6de33")));
    }

    [Fact]
    public void No_signature_secret_means_no_verifier()
    {
        Assert.Null(VonageSignature.FromOptions(new VonageOptions(), TimeProvider.System));
        Assert.NotNull(VonageSignature.FromOptions(new VonageOptions { SignatureSecret = Secret }, TimeProvider.System));
    }

    private static VonageSignature Verifier(VonageSignatureMethod method) =>
        new(Secret, method, new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

    private static string Independent(VonageSignatureMethod method, string baseString, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(baseString);
        return method switch
        {
            VonageSignatureMethod.Md5Hash => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(baseString + secret))).ToLowerInvariant(),
            VonageSignatureMethod.Md5 => Convert.ToHexString(new HMACMD5(key).ComputeHash(data)),
            VonageSignatureMethod.Sha1 => Convert.ToHexString(new HMACSHA1(key).ComputeHash(data)),
            VonageSignatureMethod.Sha256 => Convert.ToHexString(new HMACSHA256(key).ComputeHash(data)),
            VonageSignatureMethod.Sha512 => Convert.ToHexString(new HMACSHA512(key).ComputeHash(data)),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> fields, string key, string value) =>
        new(fields) { [key] = value };

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.Where(f => f.Key != key).ToDictionary();
}
