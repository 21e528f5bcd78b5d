using CsCheck;
using MassCampaign.Domain.Campaigns;
using NodaTime;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CallingWindowSpecPropertyTests
{
    private static readonly Gen<IsoDayOfWeek[]> SomeDays =
        Gen.Int[1, 7].Select(d => (IsoDayOfWeek)d).ArrayUnique[1, 7];

    private static readonly Gen<int> MinuteOfDay = Gen.Int[0, 24 * 60 - 1];

    [Fact]
    public void Any_non_empty_set_of_distinct_days_in_any_case_and_order_parses_to_that_set()
    {
        Gen.Select(SomeDays, Gen.Bool.Array[7]).Sample((days, upper) =>
        {
            var names = days.Select((d, i) => upper[i] ? WeekdayNames.ToWire(d).ToUpperInvariant() : WeekdayNames.ToWire(d)).ToArray();

            Assert.True(CallingWindowSpec.TryParse(new CallingWindowDraft(names, null, null, "UTC"), out var spec, out _));
            Assert.Equal(days.Order(), spec.Days.ToArray());
        });
    }

    [Fact]
    public void Any_pair_of_times_is_accepted_exactly_when_start_is_before_end()
    {
        Gen.Select(MinuteOfDay, MinuteOfDay).Sample((a, b) =>
        {
            var start = LocalTime.FromMinutesSinceMidnight(a);
            var end = LocalTime.FromMinutesSinceMidnight(b);
            var draft = new CallingWindowDraft(null, $"{start:HH:mm}", $"{end:HH:mm}", "UTC");

            var ok = CallingWindowSpec.TryParse(draft, out var spec, out var errors);

            Assert.Equal(a < b, ok);
            if (ok)
            {
                Assert.Equal((start, end), (spec!.Start, spec.End));
            }
            else
            {
                Assert.Equal("callingWindow.end", Assert.Single(errors).Field);
            }
        });
    }
}
