package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// TestREADME keeps the README honest about what this command offers: every tool, every
// setting with its flag and variable, and the two commands a newcomer runs.
func TestREADME(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	for _, name := range tools.Names() {
		assert.Contains(t, readme, "| `"+name+"` |", "the tools table lists %s", name)
	}
	for _, o := range options {
		assert.Contains(t, readme, "`--"+o.flag, "the configuration table has --%s", o.flag)
		assert.Contains(t, readme, "`"+o.env, "the configuration table has %s", o.env)
	}
	assert.Contains(t, readme, "go run ./cmd/buffer-mcp --sandbox call list_posts '{\"status\":[\"scheduled\"]}'\ngo test -race ./...\n")
	assert.Contains(t, readme, "5 minutes", "the cache lifetime")
	assert.Contains(t, readme, "`"+sandbox.DefaultKey+"`", "the sandbox's default key")
}
