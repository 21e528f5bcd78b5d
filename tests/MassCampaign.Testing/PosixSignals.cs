using System.ComponentModel;
using System.Runtime.InteropServices;

namespace MassCampaign.Testing;

/// <summary>Sends SIGTERM, which .NET's Process has no method for: the graceful stop an orchestrator gives a container.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, SIGTERM) failed.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
