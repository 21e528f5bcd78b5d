using Npgsql;
using StackExchange.Redis;

namespace MassCampaign.Host.Errors;

/// <summary>
/// Faults that pass by themselves: a silo leaving the cluster while its grains move, a database or cache that is
/// restarting. A caller should retry these, so they are answered 503 with Retry-After rather than 500.
/// </summary>
public static class TransientFaults
{
    public static bool Contains(Exception exception) => exception switch
    {
        OrleansMessageRejectionException or TimeoutException or RedisConnectionException or RedisTimeoutException => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Contains),
        _ => exception.InnerException is { } inner && Contains(inner),
    };
}
