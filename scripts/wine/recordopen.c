/*
 * Test scaffolding only, never shipped: scripts/wine-smoke.sh registers
 * this program as the Wine prefix's handler for .pdf files. It writes the
 * path it was asked to open, in UTF-8, to C:\opened.txt, so the test can
 * check what ShellExecute was given.
 */
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
	char buf[4096];
	DWORD written;
	if (argc < 2)
		return 2;
	int n = WideCharToMultiByte(CP_UTF8, 0, argv[1], -1, buf, sizeof buf, NULL, NULL);
	if (n <= 1)
		return 1;
	HANDLE h = CreateFileW(L"C:\\opened.tmp", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return 1;
	WriteFile(h, buf, (DWORD)(n - 1), &written, NULL);
	CloseHandle(h);
	return MoveFileExW(L"C:\\opened.tmp", L"C:\\opened.txt", MOVEFILE_REPLACE_EXISTING) ? 0 : 1;
}
