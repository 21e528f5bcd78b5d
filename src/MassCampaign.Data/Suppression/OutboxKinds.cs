namespace MassCampaign.Data.Suppression;

/// <summary>The sms_outbox.kind values: which keyword an answer replies to.</summary>
public static class OutboxKinds
{
    public const string OptOutConfirmation = "opt_out_confirmation";
    public const string OptInConfirmation = "opt_in_confirmation";
    public const string Help = "help";
}
