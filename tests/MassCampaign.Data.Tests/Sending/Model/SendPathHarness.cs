using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Suppression;
using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>
/// Runs <see cref="SendPathStep"/>s against the real send path of one fresh campaign, plays the engine and the
/// provider around it, and keeps <see cref="SendPathModel"/> in step; every step is followed by the checks of
/// <see cref="SendPathChecks"/>.
/// </summary>
internal sealed class SendPathHarness
{
    public static readonly TimeSpan UnknownResolveAfter = TimeSpan.FromMinutes(15);

    private static readonly string[] Zones = ["America/New_York"];
    private static readonly ReceiptSweep EverySweep = new(Limit: 1000, RetireAfter: TimeSpan.FromDays(1), MaxAttempts: 1000);

    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly List<OpenBatch> _out = [];
    private readonly SendPathRepository _sendPath;
    private readonly DeliveryReceiptStore _receipts;
    private readonly BlacklistRepository _blacklist;
    private readonly SendPathChecks _checks;
    private bool _driving;

    private SendPathHarness(NpgsqlDataSource dataSource, Guid campaign, SendPathModel model)
    {
        Campaign = campaign;
        Model = model;
        _sendPath = new SendPathRepository(dataSource, _clock);
        _receipts = new DeliveryReceiptStore(dataSource);
        _blacklist = new BlacklistRepository(dataSource);
        _checks = new SendPathChecks(dataSource, _sendPath, campaign, model);
    }

    public Guid Campaign { get; }

    public SendPathModel Model { get; }

    private DateTimeOffset Now => _clock.Now;

    public static async Task<SendPathHarness> StartAsync(NpgsqlDataSource dataSource, SendPathCase run)
    {
        var seed = new SendPathSeed(dataSource);
        var campaign = await seed.CampaignAsync();
        var recipients = await seed.RecipientsAsync(campaign, run.Recipients);
        var model = new SendPathModel(recipients.Select(r => new ModelRecipient(r.Id, r.Phone)), run.Resend, UnknownResolveAfter);
        return new SendPathHarness(dataSource, campaign, model);
    }

    public async Task RunAsync(SendPathStep step)
    {
        switch (step)
        {
            case SendPathStep.Claim claim: await ClaimAsync(claim.Limit); break;
            case SendPathStep.Hand hand when Pick(hand.Batch) is { } batch && batch.HandedThrough < batch.Members.Count:
                await HandAsync(batch, batch.HandedThrough + 1 + hand.Through % (batch.Members.Count - batch.HandedThrough), hand.Reach);
                break;
            case SendPathStep.Finish finish when Pick(finish.Batch) is { } batch:
                await HandAsync(batch, batch.Members.Count, finish.Reach);
                await RecordAsync(batch, finish.Kinds);
                break;
            case SendPathStep.Pause pause:
                foreach (var batch in _out.ToList())
                {
                    await RecordAsync(batch, pause.Kinds);
                }

                break;
            case SendPathStep.Crash: await CrashAsync(); break;
            case SendPathStep.LostAnswer lost when Pick(lost.Batch) is { } batch: await CrashAsync(survivor: batch); break;
            case SendPathStep.Receipt receipt: await ReceiptAsync(receipt.Pick, receipt.Status); break;
            case SendPathStep.Sweep: await SweepAsync(); break;
            case SendPathStep.Stop stop: await StopAsync(Model.Recipients.ElementAt(stop.Pick % Model.Recipients.Count)); break;
            case SendPathStep.Resolve resolve: await ResolveAsync(Now.AddMinutes(resolve.Minutes)); break;
        }

        await _checks.AfterStepAsync(_driving ? $"{step} (driving to completion)" : step.ToString());
    }

    /// <summary>
    /// Sends everything left as a healthy engine would (every request reaches the provider and is accepted), waiting
    /// for retries and unknown deadlines as they come, until the campaign is finished or nothing moves any more.
    /// </summary>
    public async Task DriveToCompletionAsync()
    {
        _driving = true;
        for (var round = 0; round < 200 && !(await _sendPath.GetProgressAsync(Campaign, default)).IsFinished; round++)
        {
            if (_out.Count > 0)
            {
                await RunAsync(new SendPathStep.Finish(0, Reach: -1, Kinds: 0));
            }
            else if (Model.Recipients.Any(r => r.IsDue(Now)))
            {
                await RunAsync(new SendPathStep.Claim(8));
            }
            else if (Model.Recipients.Where(r => r.Status == RecipientStatuses.Pending).Min(r => r.NextAttemptAt) is { } retry)
            {
                _clock.Now = retry;
                await RunAsync(new SendPathStep.Claim(8));
            }
            else if (Model.NextUnknownDeadline is { } deadline)
            {
                await RunAsync(new SendPathStep.Resolve((int)Math.Ceiling((deadline - Now).TotalMinutes)));
            }
            else
            {
                break;
            }
        }

        await _checks.AtCompletionAsync();
    }

    private OpenBatch? Pick(int index) => _out.Count == 0 ? null : _out[index % _out.Count];

    private async Task ClaimAsync(int limit)
    {
        var claimed = await _sendPath.ClaimBatchAsync(Campaign, Zones, limit, Now, default);
        foreach (var recipient in claimed)
        {
            Model.Claimed(recipient, Now);
        }

        var skipped = await _checks.SkippedAtClaimAsync();
        foreach (var recipient in skipped)
        {
            Model.SkippedAtClaim(recipient, Now);
        }

        if (claimed.Count + skipped.Count < limit)
        {
            // The claim ran out of candidates: nothing due may be left behind.
            Assert.DoesNotContain(Model.Recipients, r => r.IsDue(Now));
        }

        if (claimed.Count > 0)
        {
            _out.Add(new OpenBatch(claimed, [.. claimed.Select(c => Model[c.RecipientId].Current!)]));
        }
    }

    private async Task HandAsync(OpenBatch batch, int through, int reach)
    {
        if (through <= batch.HandedThrough || batch.Stalled)
        {
            return;
        }

        await _sendPath.MarkHandedAsync(batch.Id, through, default);
        for (var position = batch.HandedThrough + 1; position <= through; position++)
        {
            var reached = (reach >> (position - 1) & 1) == 1;
            Model.Handed(Model[batch.Members[position - 1].RecipientId], batch.Attempts[position - 1],
                reached ? "P" + Guid.NewGuid().ToString("N")[..20] : null);
        }

        batch.HandedThrough = through;
    }

    /// <summary>
    /// What an engine would write: unhanded positions released, reached ones accepted or timed out, the rest
    /// throttled, refused or timed out, chosen by two bits of <paramref name="kinds"/> a position.
    /// </summary>
    private async Task RecordAsync(OpenBatch batch, int kinds)
    {
        var outcomes = new List<SendOutcome>();
        foreach (var (claimed, index) in batch.Members.Select((c, i) => (c, i)))
        {
            var attempt = batch.Attempts[index];
            var choice = kinds >> (2 * index) & 3;
            var outcome = (attempt.Handed, attempt.PartId, choice) switch
            {
                (false, _, _) => TestOutcomes.Released(claimed, Campaign),
                (true, not null, 1 or 3) => TestOutcomes.Ambiguous(claimed, Campaign, "timed out after sending"),
                (true, { } part, _) => TestOutcomes.Accepted(claimed, Campaign, new SentPart(part, 0, 0.05m)),
                (true, null, 0) => TestOutcomes.Retry(claimed, Campaign, retryAt: null),
                (true, null, 1) => TestOutcomes.Retry(claimed, Campaign, Now.AddMinutes(5)),
                (true, null, 2) => TestOutcomes.Permanent(claimed, Campaign, "3", "Invalid Parameters"),
                _ => TestOutcomes.Ambiguous(claimed, Campaign, "timed out"),
            };
            outcomes.Add(outcome);
        }

        await _sendPath.RecordOutcomesAsync(outcomes, new BatchSettlement(batch.Id, UnknownResolveAfter), default);
        foreach (var (outcome, index) in outcomes.Select((o, i) => (o, i)))
        {
            Model.Recorded(Model[outcome.RecipientId], batch.Attempts[index], outcome.Kind, batch.Stalled, Now, outcome.RetryAt);
        }

        _out.Remove(batch);
    }

    /// <summary>A crash, or with <paramref name="survivor"/> a batch whose answer was lost: its sender writes it later.</summary>
    private async Task CrashAsync(OpenBatch? survivor = null)
    {
        _out.RemoveAll(batch => batch != survivor);
        if (survivor is not null)
        {
            survivor.Stalled = true;
        }

        var recovered = await _sendPath.RecoverInterruptedAsync(Campaign, UnknownResolveAfter, default);
        Assert.Equal(Model.Recovered(Now), recovered);
    }

    private async Task ReceiptAsync(int pick, int status)
    {
        var unreported = Model.Recipients
            .SelectMany(r => r.Attempts.Values.Where(a => a.Reached && a.Receipt is null).Select(a => (Recipient: r, Attempt: a)))
            .ToList();
        if (unreported.Count == 0)
        {
            return;
        }

        var (recipient, attempt) = unreported[pick % unreported.Count];
        var text = new[] { RecipientStatuses.Delivered, RecipientStatuses.Failed, "accepted" }[status % 3];
        var receipt = new ReceiptRecord(attempt.PartId!, $"{recipient.Id}-{attempt.Number}", text,
            text == RecipientStatuses.Failed ? "6" : null, null, recipient.Phone.TrimStart('+'), "{}");
        await _receipts.StoreAsync([receipt], default);
        Model.ReceiptArrived(recipient, attempt, text);
    }

    private async Task StopAsync(ModelRecipient recipient)
    {
        await _blacklist.AddAsync(recipient.Phone, "STOP", BlacklistSources.StopKeyword, default);
        Model.Stopped(recipient);
    }

    private async Task SweepAsync()
    {
        await _receipts.ReapplyUnmatchedAsync(EverySweep, default);
        Model.Swept();
    }

    private async Task ResolveAsync(DateTimeOffset at)
    {
        Assert.Equal(Model.NextUnknownDeadline, await _sendPath.NextUnknownDeadlineAsync(Campaign, default));
        _clock.Now = at;
        // The host sweeps receipts every few seconds, so by any deadline the sweep has run.
        await SweepAsync();
        var resolved = await _sendPath.ResolveUnknownsAsync(Campaign, Model.Resend, Now, default);
        Assert.Equal(Model.Resolved(Now), resolved);
    }

    private sealed class OpenBatch(IReadOnlyList<ClaimedRecipient> members, IReadOnlyList<ModelAttempt> attempts)
    {
        public Guid Id { get; } = members[0].BatchId;

        public IReadOnlyList<ClaimedRecipient> Members => members;

        /// <summary>The attempts this batch's claim made, which the batch's sender goes on with whatever recovery did.</summary>
        public IReadOnlyList<ModelAttempt> Attempts => attempts;

        public int HandedThrough { get; set; }

        /// <summary>Recovery ran while its sender still held it: it hands nothing more, its answer only comes late.</summary>
        public bool Stalled { get; set; }
    }
}
