/*
 * Test scaffolding only, never shipped: holds a file open until it is
 * killed, so that scripts/wine-smoke.sh can check what Redress says when
 * Windows refuses to replace or read a file that is in use.
 *
 *   holdopen.exe FILE             as a PDF viewer does: others may read it
 *   holdopen.exe FILE exclusive   as some editors do: no one else may open it
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
	if (argc != 2 && argc != 3)
		return 2;
	DWORD share = argc == 3 ? 0 : FILE_SHARE_READ;
	HANDLE h = CreateFileW(argv[1], GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return 1;
	printf("open\n");
	fflush(stdout);
	Sleep(INFINITE);
	return 0;
}
