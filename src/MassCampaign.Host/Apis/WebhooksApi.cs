using MassCampaign.Host.Webhooks;
using MassCampaign.Vonage.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class WebhooksApi
{
    private static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    /// <summary>
    /// Vonage's SMS webhooks, each accepting a query string, a form or a JSON body: delivery receipts at
    /// /api/sms/status and inbound messages at /api/sms/inbound. Guarded by a Vonage signature or ?code=.
    /// </summary>
    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        var sms = api.MapGroup("/sms").AddEndpointFilter<WebhookGuardFilter>().WithTags("Webhooks");
        sms.MapMethods("/status", GetOrPost, ReceiveDeliveryReceiptAsync).WithName("SmsDeliveryReceipt");
        sms.MapMethods("/inbound", GetOrPost, ReceiveInboundSmsAsync).WithName("SmsInbound");
    }

    /// <summary>Answers 200 only once the receipt is committed (group commit with other receipts).</summary>
    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveDeliveryReceiptAsync(
        WebhookPayload payload, DeliveryReceiptWriter writer, CancellationToken ct)
    {
        if (payload.Error is { } error)
        {
            return Problem(error);
        }

        // The signature was checked over the fields as sent; what is stored must be text PostgreSQL can hold.
        var fields = StorableFields.From(payload.Fields);
        var receipt = DeliveryReceiptParser.Parse(fields);
        if (!receipt.IsValid)
        {
            return BadRequest("Not a delivery receipt", receipt.Errors);
        }

        try
        {
            await writer.StoreAsync(ReceiptRecords.From(receipt.Value, fields), ct);
        }
        catch (ReceiptWriterStoppedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down", detail: e.Message);
        }

        return TypedResults.Ok();
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveInboundSmsAsync(
        WebhookPayload payload, InboundSmsHandler handler, CancellationToken ct)
    {
        if (payload.Error is { } error)
        {
            return Problem(error);
        }

        var inbound = InboundSmsParser.Parse(StorableFields.From(payload.Fields));
        if (!inbound.IsValid)
        {
            return BadRequest("Not an inbound SMS", inbound.Errors);
        }

        if (InboundSmsHandler.ValidateConcat(inbound.Value) is { } concatError)
        {
            return BadRequest("Not an inbound SMS", [concatError]);
        }

        await handler.HandleAsync(inbound.Value, ct);
        return TypedResults.Ok();
    }

    private static ProblemHttpResult Problem(WebhookReadError error) =>
        TypedResults.Problem(statusCode: error.Status, title: error.Title, detail: error.Detail);

    private static ProblemHttpResult BadRequest(string title, IReadOnlyList<string> errors) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: string.Join(" ", errors));
}
