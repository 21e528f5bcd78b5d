namespace ReceiptBenchmark;

/// <summary>A seeded one-part SMS a receipt will be posted for: its part id, client-ref and recipient digits.</summary>
public sealed record SentSms(Guid Campaign, string MessageId, string ClientRef, string Msisdn);
