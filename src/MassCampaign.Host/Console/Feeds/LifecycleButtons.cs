using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>The lifecycle buttons the console shows, each enabled only when <see cref="CampaignCommands"/> accepts it.</summary>
public static class LifecycleButtons
{
    public static IReadOnlyList<CampaignCommand> All { get; } =
        [CampaignCommand.Start, CampaignCommand.Pause, CampaignCommand.Resume, CampaignCommand.Stop, CampaignCommand.Resend];

    public static IReadOnlyList<string> Allowed(CampaignStatus status) =>
        All.Where(command => CampaignCommands.TargetOf(command, status).IsAccepted).Select(Name).ToArray();

    public static string Name(CampaignCommand command) => command.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out CampaignCommand command) =>
        Enum.TryParse(name, ignoreCase: true, out command) && All.Contains(command) && Name(command) == name?.ToLowerInvariant();
}
