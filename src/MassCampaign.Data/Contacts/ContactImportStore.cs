using Npgsql;

namespace MassCampaign.Data.Contacts;

/// <summary>Opens <see cref="ContactImportSession"/>s: a connection and a staging table each.</summary>
public sealed class ContactImportStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<ContactImportSession> OpenAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var create = new NpgsqlCommand(ContactImportSession.CreateStagingSql, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            return new ContactImportSession(connection, campaignId, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
