using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.Console.Tests;

/// <summary>Campaigns made through the JSON API, for tests whose subject is a page rather than the making of a campaign.</summary>
public static class Campaigns
{
    public static string OpenZone => OpenWindowZone.Now(TimeProvider.System);

    public static async Task<Guid> DraftAsync(ConsoleHost host, string name, int recipients = 0)
    {
        using var created = await host.Host.Client.PostAsJsonAsync("api/campaigns", new
        {
            name,
            type = "sms",
            from = "AcmeShop",
            smsTemplate = "Hi {{first_name|there}}, news from Acme. Reply STOP to opt out.",
            callingWindow = new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }, start = "00:00", end = "23:59", timeZone = OpenZone },
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create answered {(int)created.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        if (recipients > 0)
        {
            var csv = new StringBuilder("phone,first_name\n");
            for (var i = 0; i < recipients; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{ConsoleHost.NewPhone()},Guest{i}\n");
            }

            using var import = await host.Host.Client.PostAsync($"api/campaigns/{id}/contacts", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        }

        return id;
    }
}
