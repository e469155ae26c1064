/*
 * Test scaffolding only, never shipped: holds a file open the way a PDF
 * viewer does (read access, no FILE_SHARE_DELETE) until it is killed, so
 * that scripts/wine-smoke.sh can check what Redress says when Windows
 * refuses to replace a file that is in use.
 *
 *   holdopen.exe FILE
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
	if (argc != 2)
		return 2;
	HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return 1;
	printf("open\n");
	fflush(stdout);
	Sleep(INFINITE);
	return 0;
}
