namespace MassCampaign.Vonage.Voice;

/// <summary>One outbound call: who to call, the caller ID, and where Vonage fetches the NCCO and posts events.</summary>
/// <param name="ToE164">The callee as E.164, with or without '+'.</param>
/// <param name="From">The caller ID: a phone number the application owns.</param>
public sealed record CallCreateRequest(
    string ToE164,
    string From,
    Uri AnswerUrl,
    Uri EventUrl,
    VoiceMachineDetection MachineDetection,
    int RingingTimeoutSeconds);
