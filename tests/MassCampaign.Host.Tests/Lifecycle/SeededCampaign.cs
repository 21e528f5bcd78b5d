namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>A campaign put straight into the database, with its recipients' numbers in claim order.</summary>
public sealed record SeededCampaign(Guid Id, IReadOnlyList<string> Phones);
