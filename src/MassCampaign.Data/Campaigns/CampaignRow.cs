using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Campaigns;

/// <summary>The campaigns columns as Dapper reads them; type and status are stored by their wire names.</summary>
internal sealed class CampaignRow
{
    public const string Columns = """
        id AS Id, name AS Name, type AS Type, status AS Status, sms_template AS SmsTemplate,
        voice_script AS VoiceScript, sender AS Sender, calling_window AS CallingWindow, settings AS Settings,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public string? SmsTemplate { get; init; }

    public string? VoiceScript { get; init; }

    public string Sender { get; init; } = "";

    public string CallingWindow { get; init; } = "{}";

    public string Settings { get; init; } = "{}";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public CampaignRecord ToRecord() => new(
        Id,
        Name,
        CampaignTypeNames.TryParse(Type, out var type) ? type : throw UnknownName("type", Type),
        CampaignStatusNames.TryParse(Status, out var status) ? status : throw UnknownName("status", Status),
        SmsTemplate,
        VoiceScript,
        Sender,
        CallingWindow,
        CampaignSettings.FromJson(Settings),
        DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc),
        DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc));

    private InvalidOperationException UnknownName(string column, string value) =>
        new($"Campaign {Id} has {column} '{value}', which this version does not know.");
}
