using System.Text.Json;
using System.Text.Json.Serialization;

namespace MassCampaign.Workflows.Storage;

/// <summary>How grain state is written to grain_state.payload: camelCase, enums by name, so a person can read it in psql.</summary>
public static class GrainStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
