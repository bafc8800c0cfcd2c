package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The real binary writes its own absolute path into a client's file under HOME, and that
// entry, run as the client would run it, starts a working server.
func TestInstallWritesThisBinary(t *testing.T) {
	home := t.TempDir()
	got := runBinary(t, baseEnv("HOME="+home, "XDG_CONFIG_HOME="), "", "install", "claude-desktop", "--sandbox")
	require.Equal(t, 0, got.code, got.stderr)
	path := filepath.Join(home, ".config", "Claude", "claude_desktop_config.json")
	assert.Contains(t, got.stdout, path)

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var cfg struct {
		MCPServers map[string]struct {
			Command string            `json:"command"`
			Args    []string          `json:"args"`
			Env     map[string]string `json:"env"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal(data, &cfg))
	entry := cfg.MCPServers["buffer"]
	assert.Equal(t, binPath, entry.Command)

	env := baseEnv()
	for k, v := range entry.Env {
		env = append(env, k+"="+v)
	}
	call := runBinary(t, env, "", append(entry.Args, "call", "get_account")...)
	assert.Equal(t, 0, call.code, call.stderr)
}
