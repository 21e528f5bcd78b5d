using MassCampaign.Simulator.Sms;

namespace MassCampaign.Simulator.Control;

/// <summary>The <c>/_sim</c> routes tests, demos and benchmarks use to steer and observe the Simulator (DESIGN.md §8).</summary>
internal static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapGet("/stats", (SimulatorState state) => state.Stats());
        sim.MapGet("/config", (SimulatorState state) => state.Settings);
        sim.MapPost("/config", Configure);
        sim.MapPost("/reset", (SimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        sim.MapGet("/messages", (SimulatorState state, string? to) =>
            state.Recent.Snapshot().Where(m => to is null || m.To == to.TrimStart('+')));
        sim.MapPost("/inbound", SendInboundAsync);
    }

    private static IResult Configure(SimulatorSettingsUpdate update, SimulatorState state)
    {
        var errors = update.Validate(state.Settings);
        return errors.Count > 0
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["config"] = [.. errors] })
            : Results.Ok(state.Update(update.ApplyTo));
    }

    private static async Task<IResult> SendInboundAsync(InboundRequest request, SimulatorState state, CancellationToken cancellationToken)
    {
        var settings = state.Settings;
        var missing = new[] { ("from", request.From), ("to", request.To), ("text", request.Text) }
            .Where(f => string.IsNullOrEmpty(f.Item2))
            .Select(f => $"'{f.Item1}' is required.")
            .ToArray();
        if (missing.Length > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["inbound"] = missing });
        }

        if (!Uri.TryCreate(request.Url ?? settings.InboundUrl, UriKind.Absolute, out var url))
        {
            return Results.Problem(
                "No inbound URL: set inboundUrl with POST /_sim/config or pass url in the body.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Ok(await state.Inbound.SendAsync(request, url, settings, state.ApiKey, cancellationToken));
    }
}
