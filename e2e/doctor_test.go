package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `buffer-mcp doctor` against `buffer-mcp sandbox` over HTTP: a header line, one line a
// check, a closing line, exit 0; with a key the sandbox refuses, exit 1 and the key check
// fails without showing the key.
func TestDoctorAgainstTheSandbox(t *testing.T) {
	sb := startSandbox(t)

	got := runBinary(t, sb.serverEnv(), "", "doctor")
	require.Equal(t, 0, got.code, "stdout: %s\nstderr: %s", got.stdout, got.stderr)
	lines := strings.Split(strings.TrimSpace(got.stdout), "\n")
	require.Len(t, lines, 6, got.stdout)
	assert.Contains(t, lines[0], "buffer-mcp "+testVersion)
	assert.Contains(t, lines[0], sb.url)
	for i, check := range []string{"key", "clock", "schema", "rate limit"} {
		assert.True(t, strings.HasPrefix(lines[i+1], "ok    "+check+": "), lines[i+1])
	}
	assert.True(t, strings.HasPrefix(lines[5], "all 4 checks passed"), lines[5])

	refused := runBinary(t, baseEnv("BUFFER_API_URL="+sb.url, "BUFFER_API_KEY=wrong-key-0123456789"), "", "doctor")
	assert.Equal(t, 1, refused.code, refused.stdout)
	assert.Contains(t, refused.stdout, "FAIL  key: Unauthenticated")
	assert.NotContains(t, refused.stdout+refused.stderr, "wrong-key-0123456789")
}

// The flags may come before or after the command, as with call.
func TestDoctorInProcessSandbox(t *testing.T) {
	for _, args := range [][]string{{"--sandbox", "doctor"}, {"doctor", "--sandbox"}} {
		got := runBinary(t, baseEnv(), "", args...)
		assert.Equal(t, 0, got.code, "%v: %s%s", args, got.stdout, got.stderr)
		assert.Contains(t, got.stdout, "against sandbox (in process)")
	}
}
