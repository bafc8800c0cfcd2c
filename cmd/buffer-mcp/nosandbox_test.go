package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A -tags nosandbox build links neither the sandbox nor its GraphQL engine, and says so
// when asked for the sandbox, before doing anything else.
func TestNoSandboxBuildLeavesTheSandboxOutAndSaysSo(t *testing.T) {
	deps, err := exec.Command("go", "list", "-tags", "nosandbox", "-deps", ".").Output()
	require.NoError(t, err)
	for _, pkg := range strings.Fields(string(deps)) {
		assert.NotContains(t, pkg, "buffer-mcp/sandbox")
		assert.NotContains(t, pkg, "graph-gophers/graphql-go")
	}

	bin := filepath.Join(t.TempDir(), "buffer-mcp-nosandbox")
	out, err := exec.Command("go", "build", "-tags", "nosandbox", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)

	for _, args := range [][]string{{"--sandbox", "call", "get_account"}, {"sandbox"}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exitErr *exec.ExitError
		require.ErrorAs(t, err, &exitErr, "buffer-mcp %v", args)
		assert.Equal(t, exitUsage, exitErr.ExitCode(), "buffer-mcp %v", args)
		assert.Contains(t, stderr.String(), "built without the sandbox (-tags nosandbox)", "buffer-mcp %v", args)
		assert.Empty(t, stdout.String(), "buffer-mcp %v", args)
	}
}
