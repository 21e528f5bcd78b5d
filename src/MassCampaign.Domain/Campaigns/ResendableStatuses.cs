using MassCampaign.Domain.Recipients;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// The recipient outcomes an operator may ask to resend (DESIGN.md §8), and the cap on attempts that still applies:
/// a resend never takes a recipient past <see cref="MaxAttempts"/> attempts in all.
/// </summary>
public static class ResendableStatuses
{
    public const int MaxAttempts = RetryPolicy.MaxAllowedAttempts;

    public static IReadOnlyList<string> All { get; } =
    [
        RecipientStatuses.Failed, RecipientStatuses.Expired, RecipientStatuses.Rejected, RecipientStatuses.Unknown,
        RecipientStatuses.Sent,
    ];

    /// <summary>Null when every status given may be resent; else what to fix.</summary>
    public static string? Problem(IReadOnlyList<string>? statuses)
    {
        if (statuses is null || statuses.Count == 0)
        {
            return $"Name at least one status to resend: {string.Join(", ", All)}.";
        }

        var wrong = statuses.Where(s => !All.Contains(s)).Distinct().ToList();
        return wrong.Count == 0
            ? null
            : $"{string.Join(", ", wrong.Select(s => $"'{s}'"))} cannot be resent. Resendable statuses: {string.Join(", ", All)} "
              + "(blacklisted and invalid numbers are never sent; voice outcomes belong to voice campaigns, not built yet).";
    }
}
