namespace MassCampaign.Data.Inbound;

/// <summary>What an inbound keyword does to the blacklist.</summary>
public enum BlacklistChange
{
    None,

    /// <summary>Blacklist the number for every campaign, as the STOP keyword does.</summary>
    Add,

    /// <summary>Lift an entry the contact made (STOP, DTMF opt-out); an operator's entry stays.</summary>
    RemoveSelfService,
}
