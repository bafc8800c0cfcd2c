package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/install"
)

// What `buffer-mcp install` leaves in place of a key stops the server at start with a line
// that says what to do, instead of every call failing with Unauthenticated.
func TestKeysThatInstallLeavesAreRefused(t *testing.T) {
	tests := []struct{ key, says string }{
		{key: install.KeyPlaceholder, says: "still the placeholder that buffer-mcp install wrote"},
		{key: "${BUFFER_API_KEY}", says: "a reference that the MCP client did not expand"},
		{key: "${input:buffer-api-key}", says: "set BUFFER_API_KEY in the environment the client runs in"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			getenv := func(k string) string { return map[string]string{"BUFFER_API_KEY": tt.key}[k] }
			_, err := parseConfig(nil, getenv)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.says)
			assert.Contains(t, err.Error(), "BUFFER_API_KEY")
		})
	}
}
