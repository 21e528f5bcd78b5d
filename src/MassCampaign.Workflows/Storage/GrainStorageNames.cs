namespace MassCampaign.Workflows.Storage;

public static class GrainStorageNames
{
    /// <summary>The named storage every persisted grain of the engine uses.</summary>
    public const string Campaigns = "campaigns";
}
