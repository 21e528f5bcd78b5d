namespace MassCampaign.Host.Contacts;

/// <summary>Thrown by <see cref="RowSizeGuardStream"/> when a row runs past its byte budget.</summary>
internal sealed class RowTooLargeException() : IOException("A row of the body is larger than the import accepts.");
