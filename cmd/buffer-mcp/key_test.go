package main

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// TestTheSandboxsDefaultKeyIsAccepted: `sandbox-key`, the documented key of `buffer-mcp
// sandbox`, is shorter than a real key but still works.
func TestTheSandboxsDefaultKeyIsAccepted(t *testing.T) {
	assert.Equal(t, sandbox.DefaultKey, sandboxDefaultKey)
	cfg, err := parseConfig(nil, envFunc(map[string]string{"BUFFER_API_KEY": sandbox.DefaultKey}))
	require.NoError(t, err)
	assert.Equal(t, sandbox.DefaultKey, cfg.apiKey)
}

// TestRedactionTakesOnlyTheKey: with a key of a realistic length, the logs lose the key
// and nothing else. On main a one-character key was accepted, and blanked that character
// inside every word ("e[redacted]iting").
func TestRedactionTakesOnlyTheKey(t *testing.T) {
	const key = "bk-7f3a9c1e5d20b46a"
	var b bytes.Buffer
	log := newLogger(&b, "text", slog.LevelDebug, key)
	log.Info("editing the post", "detail", "sent with Bearer "+key+" to edit it")
	assert.Contains(t, b.String(), `msg="editing the post"`)
	assert.Contains(t, b.String(), `detail="sent with Bearer [redacted] to edit it"`)
	assert.NotContains(t, b.String(), key)
}
