namespace MassCampaign.Data.Receipts;

/// <summary>The inbox's statements: the webhook's durable append, and the applier taking batches from it.</summary>
internal static class ReceiptInboxSql
{
    /// <summary>Appends acknowledged receipts to the inbox, in the column order <c>ReceiptInbox</c> writes them.</summary>
    public const string CopyToInbox = """
        COPY receipt_inbox (provider_message_id, client_ref, status, error_code, price, msisdn, payload) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Locks up to @limit inbox rows for one batch. Rows another applier holds are skipped, so concurrent appliers take
    /// disjoint batches. No index: the inbox is short, and the order receipts are applied in does not matter.
    /// </summary>
    public const string LockInboxBatch = """
        SELECT ctid::text FROM receipt_inbox LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <summary>
    /// Takes the batch's rows (@rows) from the inbox and stores them, as <see cref="ReceiptSql.StoreInput"/> says. They are deleted
    /// in the transaction that applies them, so a batch that fails leaves them all in the inbox.
    /// </summary>
    public const string TakeFromInbox = """
        WITH input AS (
            DELETE FROM receipt_inbox WHERE ctid = ANY(@rows::tid[])
            RETURNING provider_message_id, client_ref, status, error_code, price, msisdn, payload, received_at
        ),
        """ + ReceiptSql.StoreInput;

    /// <summary>
    /// Stores receipts the fold could not apply, retired and counted as matched, so neither the sweep nor the send
    /// path's write takes them up again, and takes them from the inbox.
    /// </summary>
    public const string RetireFromInbox = """
        WITH input AS (
            DELETE FROM receipt_inbox WHERE ctid = ANY(@rows::tid[])
            RETURNING provider_message_id, client_ref, status, error_code, price, msisdn, payload, received_at
        )
        INSERT INTO delivery_receipts (provider_message_id, client_ref, status, error_code, price, msisdn, payload, received_at,
                                       matched, retired_at, retired_reason)
        SELECT i.*, true, now(), 'apply_failed' FROM input i
        ON CONFLICT (provider_message_id, status) DO NOTHING
        """;
}
