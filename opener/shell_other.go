//go:build !windows

package opener

import (
	"errors"
	"os/exec"
	"strings"
)

func shellOpen(string) error { return errors.New("ShellExecute exists on Windows only") }

// setCmdLine stands for Windows' raw command line: here the words of line
// after the program become the arguments (tests only).
func setCmdLine(cmd *exec.Cmd, line string) {
	_, rest, _ := strings.Cut(line, `" `)
	cmd.Args = append(cmd.Args[:1], rest)
}
