using System.Collections.Concurrent;
using System.Text.Json;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// What the Voice API did, for <c>GET /_sim/stats</c>. Calls arrive a few per second, so one lock keeps the
/// creation window, the live count and their peaks exact: the second a call is admitted in is the second it is counted in.
/// </summary>
internal sealed class VoiceCounters
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, long> _callsByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonElement> _nccoByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dtmfByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _requestLost = new(StringComparer.Ordinal);
    private readonly long[] _outcomes = new long[Enum.GetValues<CallOutcome>().Length];
    private readonly List<double> _answerFetchMs = [];
    private long _created;
    private long _throttled;
    private long _second = long.MinValue;
    private long _createdThisSecond;
    private long _maxCreatedInASecond;
    private long _inProgress;
    private long _maxInProgress;

    /// <summary>Admits a call unless <paramref name="limitPerSecond"/> calls were already created in <paramref name="unixSecond"/>.</summary>
    public bool TryCreate(long unixSecond, int limitPerSecond, string e164Recipient, CallOutcome outcome)
    {
        lock (_gate)
        {
            if (unixSecond != _second)
            {
                _second = unixSecond;
                _createdThisSecond = 0;
            }

            if (_createdThisSecond >= limitPerSecond)
            {
                _throttled++;
                return false;
            }

            _createdThisSecond++;
            _maxCreatedInASecond = Math.Max(_maxCreatedInASecond, _createdThisSecond);
            _created++;
            _outcomes[(int)outcome]++;
            _inProgress++;
            _maxInProgress = Math.Max(_maxInProgress, _inProgress);
        }

        _callsByRecipient.AddOrUpdate(e164Recipient, 1, static (_, count) => count + 1);
        return true;
    }

    /// <summary>True the first time only: a lost request is lost once, so the caller's safe retry gets through.</summary>
    public bool LoseRequestOnce(string number) => _requestLost.TryAdd(number, true);

    public void CallOver()
    {
        lock (_gate)
        {
            _inProgress--;
        }
    }

    public void Heard(string e164Recipient, JsonElement ncco) => _nccoByRecipient[e164Recipient] = ncco;

    public void Pressed(string e164Recipient, string digits) => _dtmfByRecipient[e164Recipient] = digits;

    public void AnswerFetched(TimeSpan took)
    {
        lock (_gate)
        {
            _answerFetchMs.Add(took.TotalMilliseconds);
        }
    }

    public SimulatorStats AddTo(SimulatorStats stats)
    {
        lock (_gate)
        {
            return stats with
            {
                TotalCalls = _created,
                CallsByRecipient = new Dictionary<string, long>(_callsByRecipient, StringComparer.Ordinal),
                CallsCreated = _created,
                CallsThrottled = _throttled,
                CallsInProgress = _inProgress,
                MaxConcurrentCalls = _maxInProgress,
                MaxCallsCreatedInAnySecond = _maxCreatedInASecond,
                NccoByRecipient = new Dictionary<string, JsonElement>(_nccoByRecipient, StringComparer.Ordinal),
                DtmfByRecipient = new Dictionary<string, string>(_dtmfByRecipient, StringComparer.Ordinal),
                CallOutcomes = new CallOutcomeCounts(
                    _outcomes[(int)CallOutcome.Human], _outcomes[(int)CallOutcome.Machine], _outcomes[(int)CallOutcome.Busy],
                    _outcomes[(int)CallOutcome.NoAnswer], _outcomes[(int)CallOutcome.Failed]),
                AnswerLatency = AnswerLatency.Of(_answerFetchMs),
            };
        }
    }

    /// <summary>Zeroes everything; the caller has already ended the calls in progress so none will count itself over.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _callsByRecipient.Clear();
            _answerFetchMs.Clear();
            _nccoByRecipient.Clear();
            _dtmfByRecipient.Clear();
            _requestLost.Clear();
            Array.Clear(_outcomes);
            _created = 0;
            _throttled = 0;
            _second = long.MinValue;
            _createdThisSecond = 0;
            _maxCreatedInASecond = 0;
            _inProgress = 0;
            _maxInProgress = 0;
        }
    }
}
