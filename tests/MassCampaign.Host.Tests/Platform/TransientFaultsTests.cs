using MassCampaign.Host.Errors;
using Npgsql;
using Orleans.Runtime;
using StackExchange.Redis;

namespace MassCampaign.Host.Tests.Platform;

public sealed class TransientFaultsTests
{
    [Fact]
    public void A_lost_silo_a_timeout_and_an_unreachable_cache_are_transient()
    {
        Assert.True(TransientFaults.Contains(new SiloUnavailableException("silo gone")));
        Assert.True(TransientFaults.Contains(new TimeoutException("no answer")));
        Assert.True(TransientFaults.Contains(new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "down")));
    }

    [Fact]
    public void A_transient_fault_wrapped_by_another_exception_is_found()
    {
        var wrapped = new InvalidOperationException("sending failed", new SiloUnavailableException("silo gone"));

        Assert.True(TransientFaults.Contains(wrapped));
        Assert.True(TransientFaults.Contains(new AggregateException(new ArgumentException("x"), new TimeoutException())));
    }

    [Fact]
    public void A_programming_error_is_not_transient()
    {
        Assert.False(TransientFaults.Contains(new InvalidOperationException("bad state")));
        Assert.False(TransientFaults.Contains(new NpgsqlException("syntax")));
        Assert.False(TransientFaults.Contains(new NullReferenceException()));
    }
}
