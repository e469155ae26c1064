/*
 * Test scaffolding only, never shipped: a bcryptprimitives.dll for Wine
 * prefixes used by scripts/wine-smoke.sh.
 *
 * Go 1.24 and later read random bytes with ProcessPrng from
 * bcryptprimitives.dll (present since Windows 10). Debian's Wine 8 does
 * not have that DLL, so a Go program stops at start. This one exports
 * ProcessPrng and fills the buffer from RtlGenRandom (advapi32's
 * SystemFunction036), which Wine implements.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
