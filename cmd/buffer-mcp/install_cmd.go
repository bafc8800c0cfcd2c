package main

import (
	"io"
	"os"
	"runtime"
	"time"

	"github.com/buffer-mcp/buffer-mcp/install"
)

// runInstall runs `buffer-mcp install` (package install) for this binary and this user.
func runInstall(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	home, _ := os.UserHomeDir() // install refuses an empty one
	exe, _ := os.Executable()
	env := install.Env{GOOS: runtime.GOOS, Home: home, Getenv: getenv, Exe: exe, Now: time.Now}
	return install.Main(args, env, stdout, stderr)
}
