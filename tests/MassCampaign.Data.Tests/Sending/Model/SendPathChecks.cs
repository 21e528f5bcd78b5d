using MassCampaign.Data.Sending;
using Npgsql;
using static MassCampaign.Domain.Recipients.RecipientStatuses;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>The promises of DESIGN.md §4 rule 3, checked against the database after every step and at the end of a run.</summary>
internal sealed class SendPathChecks(NpgsqlDataSource dataSource, SendPathRepository sendPath, Guid campaign, SendPathModel model)
{
    public async Task AfterStepAsync(string step)
    {
        foreach (var row in await ReadRowsAsync())
        {
            var r = model[row.Id];
            var expected = (r.Status, r.Attempt, r.ResolveBy);
            Assert.True(expected == (row.Status, row.Attempt, row.ResolveBy),
                $"after {step}: recipient {row.Id} is {row.Status} attempt {row.Attempt} resolve by {row.ResolveBy:HH:mm} "
                + $"in the database; the model expects {r}");

            // Never twice: only the 'resend' policy, once a deadline passed, may send a recipient again.
            Assert.True(r.ProviderAccepted <= 1 + r.Resends,
                $"after {step}: the provider accepted recipient {r.Id} {r.ProviderAccepted} times, with {r.Resends} resends by policy");

            // Unknown only where real: handed over, and no definite outcome recorded.
            if (row.Status == Unknown)
            {
                Assert.True(r.Current is { Handed: true, Outcome: null or SendOutcomeKind.Ambiguous },
                    $"after {step}: recipient {r.Id} is unknown but its attempt {r.Attempt} was never handed over or has an outcome");
            }
        }

        var tally = await sendPath.GetProgressAsync(campaign, default);
        Assert.Equal(model.Tally, tally);
        Assert.Equal(model.IsFinished, tally.IsFinished);
    }

    /// <summary>Blacklisted recipients the model still has waiting that the last claim closed as skipped.</summary>
    public async Task<IReadOnlyList<ModelRecipient>> SkippedAtClaimAsync()
    {
        var skipped = (await ReadRowsAsync()).Where(row => row.Status == SkippedBlacklisted).Select(row => row.Id).ToHashSet();
        return [.. model.Recipients.Where(r => r.Status != SkippedBlacklisted && skipped.Contains(r.Id))];
    }

    public async Task AtCompletionAsync()
    {
        Assert.True((await sendPath.GetProgressAsync(campaign, default)).IsFinished, "the campaign never finished");
        foreach (var r in model.Recipients)
        {
            // Never lost: every recipient ends in a final outcome; an unknown only as the 'leave' policy left it.
            Assert.True(r.Status is Sent or Delivered or Failed or SkippedBlacklisted || (r.Status == Unknown && !model.Resend),
                $"recipient {r.Id} ended {r}");
            Assert.True(r.EverHanded || r.Status != Unknown, $"recipient {r.Id} was never handed over but ended unknown");
            Assert.True(r.Status is not (Sent or Delivered) || r.ProviderAccepted > 0,
                $"recipient {r.Id} ended {r.Status} but the provider never took an SMS for it");

            // Never after STOP.
            if (r.StoppedWhileWaiting)
            {
                Assert.Equal(SkippedBlacklisted, r.Status);
                Assert.Equal(r.AcceptedAtStop, r.ProviderAccepted);
            }
        }
    }

    private async Task<IReadOnlyList<Row>> ReadRowsAsync()
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, status, attempt, resolve_by FROM campaign_recipients WHERE campaign_id = @campaign ORDER BY id");
        command.Parameters.AddWithValue("campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private sealed record Row(long Id, string Status, int Attempt, DateTimeOffset? ResolveBy);
}
