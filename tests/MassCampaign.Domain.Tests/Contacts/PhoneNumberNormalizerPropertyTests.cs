using System.Collections.Concurrent;
using CsCheck;
using MassCampaign.Domain.Contacts;
using PhoneNumbers;

namespace MassCampaign.Domain.Tests.Contacts;

public sealed class PhoneNumberNormalizerPropertyTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string[] Regions = ["US", "CA", "GB", "DE", "FR", "IT", "IN", "NP", "AU", "BR", "JP", "MX"];

    private static readonly ConcurrentDictionary<string, PhoneNumberNormalizer> Normalizers = new();

    /// <summary>Real numbers: a region's example mobile or fixed-line number with its last three digits varied.</summary>
    private static readonly Gen<(string Region, PhoneNumber Number)> ValidNumber =
        Gen.Select(Gen.OneOf(Regions), Gen.Bool, Gen.Int[0, 999])
            .Select((region, mobile, tail) =>
            {
                var example = Util.GetExampleNumberForType(region, mobile ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE);
                var e164 = Util.Format(example, PhoneNumberFormat.E164);
                return (region, Util.Parse($"{e164[..^3]}{tail:D3}", region));
            })
            .Where(pair => Util.IsValidNumber(pair.Item2));

    private static readonly Gen<PhoneNumberFormat> AnyFormat = Gen.OneOf(
        PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL, PhoneNumberFormat.RFC3966);

    private static readonly Gen<string> AnyTyping =
        Gen.Char["0123456789+-() .xe#*abc"].Array[0, 22].Select(chars => new string(chars));

    private static PhoneNumberNormalizer For(string region) => Normalizers.GetOrAdd(region, r => new PhoneNumberNormalizer(r));

    [Fact]
    public void A_valid_number_written_in_any_format_normalizes_to_its_e164()
    {
        Gen.Select(ValidNumber, AnyFormat).Sample((pair, format) =>
        {
            var (region, number) = pair;
            var written = Util.Format(number, format);

            var result = For(region).Normalize(written);

            Assert.Equal(PhoneNormalization.Valid(Util.Format(number, PhoneNumberFormat.E164)), result);
        });
    }

    [Fact]
    public void Canonical_e164_of_a_valid_number_is_returned_as_the_same_string()
    {
        ValidNumber.Sample((region, number) =>
        {
            var e164 = Util.Format(number, PhoneNumberFormat.E164);

            var result = For(region).Normalize(e164);

            Assert.True(result.IsValid, result.Reason);
            Assert.Same(e164, result.E164);
        });
    }

    [Fact]
    public void Normalizing_an_e164_result_gives_it_back_unchanged()
    {
        Gen.Select(Gen.OneOf(Regions), AnyTyping).Sample((region, raw) =>
        {
            var first = For(region).Normalize(raw);
            if (!first.IsValid)
            {
                return;
            }

            Assert.Matches(@"^\+[1-9][0-9]{1,14}$", first.E164);
            // Another default region on purpose: with a leading + the region must not matter.
            Assert.Equal(first, For("JP").Normalize(first.E164));
        });
    }

    [Fact]
    public void Every_result_is_either_an_e164_or_a_reason_and_never_an_exception()
    {
        Gen.Select(Gen.OneOf(Regions), AnyTyping).Sample((region, raw) =>
        {
            var result = For(region).Normalize(raw);

            Assert.Equal(result.IsValid, result.E164 is not null);
            Assert.Equal(result.IsValid, string.IsNullOrEmpty(result.Reason));
        });
    }

    [Fact]
    public void One_normalizer_shared_by_parallel_threads_answers_as_it_does_on_one_thread()
    {
        var normalizer = new PhoneNumberNormalizer("US");
        Gen.Select(ValidNumber, AnyFormat)
            .Select((pair, format) => Util.Format(pair.Number, format))
            .Array[200, 400]
            .Sample(inputs =>
            {
                var sequential = inputs.Select(normalizer.Normalize).ToArray();

                var parallel = inputs.AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(normalizer.Normalize).ToArray();

                Assert.Equal(sequential, parallel);
            }, iter: 20);
    }
}
