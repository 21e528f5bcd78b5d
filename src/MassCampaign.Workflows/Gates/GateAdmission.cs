namespace MassCampaign.Workflows.Gates;

/// <summary>The answer to an acquire: granted, or queued at a 1-based <see cref="Position"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record GateAdmission([property: Id(0)] bool Granted, [property: Id(1)] int Position)
{
    public static GateAdmission Grant { get; } = new(true, 0);

    public static GateAdmission Queued(int position) => new(false, position);
}
