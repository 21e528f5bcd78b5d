using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;
using static MassCampaign.Domain.Recipients.RecipientStatuses;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>
/// What the send path's SQL should leave behind, recipient by recipient, after each thing the engine, the provider or
/// an operator does (DESIGN.md §4). A step the database took that the model holds impossible fails here.
/// </summary>
internal sealed class SendPathModel(IEnumerable<ModelRecipient> recipients, bool resend, TimeSpan unknownResolveAfter)
{
    private readonly Dictionary<long, ModelRecipient> _byId = recipients.ToDictionary(r => r.Id);

    public IReadOnlyCollection<ModelRecipient> Recipients => _byId.Values;

    public bool Resend => resend;

    public ModelRecipient this[long id] => _byId[id];

    public bool IsFinished => !Recipients.Any(r =>
        r.Status is Pending or RecipientStatuses.Sending or Deferred || (r.Status == Unknown && r.ResolveBy is not null));

    public RecipientTally Tally => RecipientTally.FromStatusCounts(
        Recipients.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => (long)g.Count()),
        Recipients.Count(r => r.Status == Unknown && r.ResolveBy is not null));

    public DateTimeOffset? NextUnknownDeadline =>
        Recipients.Where(r => r.Status == Unknown).Min(r => r.ResolveBy);

    public void Claimed(ClaimedRecipient claimed, DateTimeOffset now)
    {
        var r = this[claimed.RecipientId];
        Assert.True(r.IsDue(now), $"claimed recipient {r.Id} was not due: {r}");
        Assert.False(r.Blacklisted, $"recipient {r.Id} was claimed for sending although its number is blacklisted");
        Assert.Equal(r.Attempt + 1, claimed.Attempt);
        r.Status = RecipientStatuses.Sending;
        r.Attempt = claimed.Attempt;
        r.NextAttemptAt = null;
        r.Attempts[r.Attempt] = new ModelAttempt(r.Attempt);
    }

    public void SkippedAtClaim(ModelRecipient r, DateTimeOffset now)
    {
        Assert.True(r.IsDue(now) && r.Blacklisted, $"recipient {r.Id} was skipped as blacklisted: {r}");
        r.Status = SkippedBlacklisted;
        r.NextAttemptAt = null;
    }

    /// <summary>Handed over; <paramref name="partId"/> is set when the provider took it.</summary>
    public void Handed(ModelRecipient r, ModelAttempt attempt, string? partId)
    {
        attempt.Handed = true;
        attempt.PartId = partId;
        if (partId is not null)
        {
            r.ProviderAccepted++;
        }
    }

    /// <summary>
    /// An outcome changes the recipient only while it still waits on that attempt number (its client-ref): 'sending',
    /// or 'unknown' when recovery got there first. A release counts only while its batch is out: once recovery dropped
    /// the batch, the number it would give back may already belong to the next claim.
    /// </summary>
    public void Recorded(ModelRecipient r, ModelAttempt attempt, SendOutcomeKind kind, bool batchRecovered, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        attempt.Outcome = kind;
        if (r.Attempt != attempt.Number || r.Status is not (RecipientStatuses.Sending or Unknown)
            || (kind == SendOutcomeKind.Released && batchRecovered))
        {
            return;
        }

        attempt = r.Current!;
        attempt.Outcome = kind;
        r.ResolveBy = kind == SendOutcomeKind.Ambiguous ? now + unknownResolveAfter : null;
        r.NextAttemptAt = kind is SendOutcomeKind.Retry or SendOutcomeKind.Released ? retryAt ?? now : null;
        r.Status = kind switch
        {
            SendOutcomeKind.Accepted => Sent,
            SendOutcomeKind.Permanent => Failed,
            SendOutcomeKind.Ambiguous => Unknown,
            _ => Pending,
        };
        if (kind == SendOutcomeKind.Released)
        {
            Release(r);
        }
        else if (attempt.Receipt is not null)
        {
            // A receipt that beat this write is folded in by it.
            Settle(r, attempt);
        }
    }

    /// <summary>A crash: what was never handed over goes back to pending, the rest still sending becomes unknown.</summary>
    public InterruptedSends Recovered(DateTimeOffset now)
    {
        var sending = Recipients.Where(r => r.Status == RecipientStatuses.Sending).ToList();
        foreach (var r in sending)
        {
            if (r.Current!.Handed)
            {
                r.Status = Unknown;
                r.ResolveBy = now + unknownResolveAfter;
            }
            else
            {
                r.Status = Pending;
                r.NextAttemptAt = now;
                Release(r);
            }
        }

        var unknown = sending.Count(r => r.Status == Unknown);
        return new InterruptedSends(sending.Count - unknown, unknown);
    }

    public void ReceiptArrived(ModelRecipient r, ModelAttempt attempt, string status)
    {
        attempt.Receipt = status;
        Settle(r, attempt);
    }

    /// <summary>The receipt sweep re-applies receipts that arrived while their send was still in flight.</summary>
    public void Swept()
    {
        foreach (var r in Recipients.Where(r => r.Current?.Receipt is not null))
        {
            Settle(r, r.Current!);
        }
    }

    public void Stopped(ModelRecipient r)
    {
        if (!r.Blacklisted && r.Status == Pending)
        {
            r.StoppedWhileWaiting = true;
            r.AcceptedAtStop = r.ProviderAccepted;
        }

        r.Blacklisted = true;
    }

    public int Resolved(DateTimeOffset now)
    {
        var due = Recipients.Where(r => r.ResolveBy <= now).ToList();
        foreach (var r in due)
        {
            r.ResolveBy = null;
            if (r.Status == Unknown && resend)
            {
                Assert.True(r.Current!.Receipt is null, $"recipient {r.Id} was resent although a receipt for attempt {r.Attempt} is stored");
                r.Status = Pending;
                r.NextAttemptAt = now;
                r.Resends++;
            }
        }

        return due.Count;
    }

    /// <summary>Claimed but never sent: its attempt number and client-ref are used again by the next claim.</summary>
    private static void Release(ModelRecipient r)
    {
        r.Attempts.Remove(r.Attempt);
        r.Attempt = Math.Max(r.Attempt - 1, 0);
    }

    /// <summary>A receipt speaks for the recipient only while it waits on that very attempt (DESIGN.md §4 rule 3).</summary>
    private static void Settle(ModelRecipient r, ModelAttempt attempt)
    {
        if (r.Current != attempt)
        {
            return;
        }

        var final = attempt.Receipt is Delivered or Failed ? attempt.Receipt : null;
        if (r.Status == Unknown)
        {
            r.Status = final ?? Sent;
        }
        else if (r.Status == Sent && final is not null)
        {
            r.Status = final;
        }
    }
}
