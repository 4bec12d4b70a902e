/*
 * A stand-in bcryptprimitives.dll for the Windows smoke test's Wine prefix
 * ONLY. Wine 8.0 (Debian 12) has no bcryptprimitives.dll, and the Go
 * runtime (>= 1.21.5) stops at start-up without its ProcessPrng. This DLL
 * exports ProcessPrng and fills the buffer with RtlGenRandom
 * (advapi32!SystemFunction036), which Wine has. Real Windows 10/11 has the
 * real DLL: never ship this one. Built by .ci/windows-smoke with MinGW.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
