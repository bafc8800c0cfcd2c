package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryREADMESandboxExampleRuns runs each one-line `buffer-mcp --sandbox … call …`
// example of the README as written, each against a fresh sandbox, and expects a success:
// the sandbox's ids the examples name must be the seed's.
func TestEveryREADMESandboxExampleRuns(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	var examples [][]string
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "buffer-mcp --sandbox ") || !strings.Contains(line, " call ") {
			continue
		}
		args, ok := shellWords(strings.TrimPrefix(line, "buffer-mcp "))
		require.True(t, ok, "a README example the test can read: %s", line)
		examples = append(examples, args)
	}
	require.GreaterOrEqual(t, len(examples), 10, "the README's sandbox examples")
	for _, args := range examples {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			got := runBinary(t, baseEnv(), "", args...)
			assert.Equal(t, 0, got.code, "stdout: %s\nstderr: %s", got.stdout, got.stderr)
		})
	}
}

// shellWords splits a README command line into its arguments: words, and single-quoted
// strings taken as they are (the README quotes every JSON argument that way).
func shellWords(s string) ([]string, bool) {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '\'' {
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, false
			}
			out = append(out, s[1:1+end])
			s = s[2+end:]
			continue
		}
		word, rest, _ := strings.Cut(s, " ")
		if strings.ContainsAny(word, `"$|<>;&`) {
			return nil, false
		}
		out = append(out, word)
		s = rest
	}
	return out, true
}
