using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassCampaign.Simulator.Webhooks;

namespace MassCampaign.Simulator.Sms;

/// <summary>
/// <c>POST /sms/json</c> answered the way Vonage answers it (VONAGE.md §1): credentials, then a configured account
/// error, then the throughput limit, then an injected HTTP 500, then validation and injected refusals, then one
/// accepted entry per part and a receipt per part, and last an answer held past the client's timeout.
/// </summary>
internal static partial class SmsApi
{
    public const string Network = "23410";
    private const decimal PricePerPart = 0.0333m;
    private static readonly string Price = PricePerPart.ToString("F8", CultureInfo.InvariantCulture);

    public static void MapSmsApi(this IEndpointRouteBuilder app) => app.MapPost("/sms/json", SendAsync);

    private static async Task<IResult> SendAsync(HttpContext context, SimulatorState sim)
    {
        var aborted = context.RequestAborted;
        sim.Counters.Request();
        var settings = sim.Settings;
        SmsSubmission sms;
        try
        {
            if (settings.LatencyMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMs), sim.Time, aborted);
            }

            sms = await SmsSubmission.ReadAsync(context.Request, aborted);
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }
        catch (JsonException)
        {
            return Rejected(sim, 3, "Invalid JSON body");
        }

        if (!string.IsNullOrEmpty(sms.To))
        {
            sim.Counters.RequestFor("+" + sms.To);
        }

        if (sms.ApiKey != sim.ApiKey || sms.ApiSecret != sim.ApiSecret)
        {
            return Rejected(sim, 4, AccountErrorTexts.For(4));
        }

        // Vonage answers account errors in the 200 body like any status (VONAGE.md §1.4, §7), before looking at the rate.
        if (settings.AccountError is { } accountError)
        {
            sim.Counters.AccountError();
            return Results.Json(SmsApiResponse.Error(accountError, AccountErrorTexts.For(accountError)));
        }

        if (!sim.Throughput.TryEnter(settings.ThrottlePerSecond, out var wait))
        {
            sim.Counters.Throttled();
            var ms = Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds));
            return Results.Json(SmsApiResponse.Error(1, $"Throughput Rate Exceeded - please wait [ {ms} ] and retry"));
        }

        if (Chance.Hit(settings.Http500Rate))
        {
            sim.Counters.Http500Answered();
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (Invalid(sms) is { } invalid)
        {
            return Rejected(sim, invalid.Status, invalid.Text);
        }

        if (Chance.Hit(settings.PermanentFailureRate))
        {
            return Rejected(sim, 6, "Invalid Message");
        }

        // Taken, counted and its receipt scheduled before the answer is held: the receipt must settle a send whose
        // answer the client never saw.
        var response = Accept(sim, sms, settings);
        if (Chance.Hit(settings.HeldAnswerRate))
        {
            sim.Counters.HeldAnswer();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.HeldAnswerMs), sim.Time, aborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        return Results.Json(response);
    }

    private static SmsApiResponse Accept(SimulatorState sim, SmsSubmission sms, SimulatorSettings settings)
    {
        var to = sms.To!;
        var parts = SmsSegmenter.CountParts(sms.Text!, sms.IsUnicode);
        var now = sim.Time.GetUtcNow();
        var receiptUrl = ReceiptUrl(sms, settings);
        var messages = new SmsApiMessage[parts];
        var ids = new string[parts];
        for (var i = 0; i < parts; i++)
        {
            ids[i] = sim.Ids.Next();
            messages[i] = new SmsApiMessage
            {
                To = to,
                MessageId = ids[i],
                Status = "0",
                RemainingBalance = sim.Balance.Charge(PricePerPart).ToString("F8", CultureInfo.InvariantCulture),
                MessagePrice = Price,
                Network = Network,
                ClientRef = sms.ClientRef,
            };
            if (receiptUrl is not null)
            {
                var fields = DeliveryReceiptFields.Build(sms, ids[i], Price, sim.ApiKey, settings, now);
                sim.Receipts.Enqueue(receiptUrl, fields, TimeSpan.FromMilliseconds(settings.DlrDelayMs));
            }
        }

        sim.Counters.Accepted("+" + to, parts);
        sim.Recent.Add(new ReceivedSms(sms.From!, to, sms.Text!, sms.Type, sms.ClientRef, sms.Callback, ids, now));
        return new SmsApiResponse(parts.ToString(CultureInfo.InvariantCulture), messages);
    }

    private static Uri? ReceiptUrl(SmsSubmission sms, SimulatorSettings settings) =>
        Uri.TryCreate(sms.Callback ?? settings.DlrUrl, UriKind.Absolute, out var url) ? url : null;

    private static (int Status, string Text)? Invalid(SmsSubmission sms)
    {
        foreach (var (name, value) in new[] { ("from", sms.From), ("to", sms.To), ("text", sms.Text) })
        {
            if (string.IsNullOrEmpty(value))
            {
                return (2, $"Missing {name} param");
            }
        }

        return E164Digits().IsMatch(sms.To!) ? null : (3, "Invalid to param");
    }

    private static IResult Rejected(SimulatorState sim, int status, string errorText)
    {
        sim.Counters.Rejected();
        return Results.Json(SmsApiResponse.Error(status, errorText));
    }

    [GeneratedRegex("^[0-9]{7,15}$")]
    private static partial Regex E164Digits();
}
