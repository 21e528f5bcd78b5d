namespace MassCampaign.Host.Contacts;

/// <summary>The massCampaign:contacts section of host.json.</summary>
public sealed class ContactImportOptions
{
    public const string Section = "massCampaign:contacts";

    /// <summary>ISO 3166-1 region assumed for numbers written without a leading +.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>A number mapping to more zones than this is given the campaign's zone instead.</summary>
    public int MaxCandidateZones { get; set; } = 3;

    /// <summary>Rows normalised together, and rows a writer commits together; bounds the memory an import holds.</summary>
    public int ChunkSize { get; set; } = 5_000;

    /// <summary>Connections an import writes over side by side; each commits its own batches.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Rejected rows listed in the response; the count always covers all of them.</summary>
    public int MaxRejectedListed { get; set; } = 1_000;

    /// <summary>The largest request body an import accepts.</summary>
    public long MaxImportBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
