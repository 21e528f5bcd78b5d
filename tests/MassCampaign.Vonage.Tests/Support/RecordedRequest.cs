namespace MassCampaign.Vonage.Tests.Support;

/// <summary>A request a <see cref="LoopbackEndpoint"/> received, its form, JSON or query fields flattened to strings.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Fields, string? Authorization, TimeSpan ReceivedAt);
