namespace MassCampaign.Host.Telemetry;

/// <summary>The <c>Telemetry</c> section: where OTLP goes, and how often the gauges are read.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP endpoint (e.g. http://collector:4317); OTEL_EXPORTER_OTLP_ENDPOINT is read when this is unset.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often the gauges' values (gates, calls in progress) are read; a scrape reads the last ones.</summary>
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <returns>The endpoint to export to, or null when none is configured.</returns>
    public static Uri? OtlpEndpointIn(IConfiguration config)
    {
        var configured = config[$"{Section}:{nameof(OtlpEndpoint)}"] is { Length: > 0 } own ? own : config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException(
                $"The OTLP endpoint '{configured}' is not an absolute URI. Set Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT to e.g. http://collector:4317.");
    }
}
