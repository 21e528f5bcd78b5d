using System.Net.Http.Json;
using MassCampaign.Host.Tests.Lifecycle;
using MassCampaign.Simulator;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>
/// The real host over a fresh database, with the in-process Simulator as the SMS provider for keyword answers,
/// and helpers to post webhooks the three ways Vonage can send them.
/// </summary>
public sealed class WebhookHost : IAsyncDisposable
{
    public const string OurNumber = "447700900000";

    // Valid UK mobile numbers of a range no other test class uses, so Simulator counts and rows never mix.
    private static long _nextNumber = 447_410_000_000;

    private WebhookHost(VonageSimulator simulator, RunningHost host)
    {
        Simulator = simulator;
        Host = host;
        Seed = new WebhookSeeder(host.Database.DataSource);
    }

    public VonageSimulator Simulator { get; }

    public RunningHost Host { get; }

    public WebhookSeeder Seed { get; }

    public NpgsqlDataSource Database => Host.Database.DataSource;

    public static string NewPhone() => "+" + Interlocked.Increment(ref _nextNumber);

    public static async Task<WebhookHost> StartAsync(IDictionary<string, string?>? settings = null, SimulatorOptions? simulatorOptions = null)
    {
        var simulator = await VonageSimulator.StartAsync(simulatorOptions ?? new SimulatorOptions());
        var all = new Dictionary<string, string?>
        {
            ["Vonage:BaseUrl"] = simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApiKey"] = simulator.ApiKey,
            ["Vonage:ApiSecret"] = simulator.ApiSecret,
            // Redis outlives test databases: a key space of its own keeps other runs' contact ids out.
            ["massCampaign:contactCache:KeyPrefix"] = $"test:{Guid.NewGuid():N}:contact:phone:",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new WebhookHost(simulator, await RunningHost.StartAsync(all));
    }

    /// <summary>A webhook URL with the function key, as configured in the Vonage dashboard.</summary>
    public static string WithKey(string path) => $"{path}?code={RunningHost.ApiKey}";

    public Task<HttpResponseMessage> GetQueryAsync(string path, IReadOnlyDictionary<string, string> fields, bool withKey = true)
    {
        var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var key = withKey ? $"code={RunningHost.ApiKey}&" : "";
        return Host.AnonymousClient.GetAsync($"{path}?{key}{query}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields, bool withKey = true) =>
        Host.AnonymousClient.PostAsync(withKey ? WithKey(path) : path, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, bool withKey = true) =>
        Host.AnonymousClient.PostAsJsonAsync(withKey ? WithKey(path) : path, body);

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until every receipt answered so far is applied. The webhook answers once a receipt is in the inbox; the
    /// applier stores and folds it behind that and deletes it from the inbox in the same transaction.
    /// </summary>
    public Task ReceiptsAppliedAsync() =>
        Eventually.Until(() => ScalarAsync<long>("SELECT count(*) FROM receipt_inbox"), left => left == 0, "every acknowledged receipt is applied");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
