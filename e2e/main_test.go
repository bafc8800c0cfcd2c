// Package e2e holds the end-to-end tests: the real binary, built once per test run, driven
// over stdio and HTTP by real MCP clients against the sandbox running as `buffer-mcp
// sandbox` on a loopback port. Every wait is bounded, since the failure to fear is a hang.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

const (
	testVersion = "v0.0.0-e2e"
	sandboxKey  = sandbox.DefaultKey
	// stepTimeout bounds any one step. Generous, for a race-instrumented binary on a
	// busy two-core machine; a hang still fails well within the test's own deadline.
	stepTimeout = 30 * time.Second
)

// binPath is the binary under test, built by TestMain.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "buffer-mcp-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		os.Exit(1)
	}
	binPath, err = testkit.BuildBinary(dir, "-ldflags", "-X main.version="+testVersion)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the binary:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// baseEnv is the environment every process under test starts from: PATH and nothing else,
// so that a developer's own BUFFER_* variables never leak into a test.
func baseEnv(extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "GORACE=atexit_sleep_ms=0"}, extra...)
}

// assertNoRace fails the test when a race-instrumented process reported a data race.
func assertNoRace(t *testing.T, stderr string) {
	t.Helper()
	assert.NotContains(t, stderr, "WARNING: DATA RACE", "the binary reported a data race")
}

// result is what a finished run of the binary left behind.
type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs the binary to completion with the given environment, stdin and arguments.
func runBinary(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "buffer-mcp %s did not finish in time", strings.Join(args, " "))
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else {
		require.NoError(t, err)
	}
	assertNoRace(t, stderr.String())
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// listening is a running buffer-mcp that listens on a loopback port and prints its URL as
// the first line of stdout: `buffer-mcp sandbox`, or a server on an HTTP transport.
type listening struct {
	url      string
	stderr   *testkit.SyncBuffer
	cmd      *exec.Cmd
	done     chan error
	stopOnce sync.Once
}

// startListening runs the binary with args and env and returns once it has printed its URL.
// It is stopped with SIGTERM when the test ends, and must exit 0.
func startListening(t *testing.T, env []string, args ...string) *listening {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = env
	stderr := &testkit.SyncBuffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	p := &listening{stderr: stderr, cmd: cmd, done: make(chan error, 1)}

	first := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		first <- line
		_, _ = io.Copy(io.Discard, r) // keep the pipe drained until the process exits
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() { p.stop(t) })

	select {
	case line := <-first:
		p.url = strings.TrimSpace(line)
		require.True(t, strings.HasPrefix(p.url, "http://127.0.0.1:"), "the first line of buffer-mcp %s is its URL, got %q; stderr: %s",
			strings.Join(args, " "), line, stderr)
	case <-time.After(stepTimeout):
		t.Fatalf("buffer-mcp %s printed no URL in time; stderr: %s", strings.Join(args, " "), stderr)
	}
	return p
}

// stop sends SIGTERM and waits for a clean exit.
func (p *listening) stop(t *testing.T) {
	t.Helper()
	p.stopOnce.Do(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-p.done:
			assert.NoError(t, err, "buffer-mcp should exit 0 on SIGTERM; stderr: %s", p.stderr)
		case <-time.After(stepTimeout):
			_ = p.cmd.Process.Kill()
			t.Errorf("buffer-mcp did not stop on SIGTERM")
		}
		assertNoRace(t, p.stderr.String())
	})
}

// sandboxProc is a running `buffer-mcp sandbox`.
type sandboxProc struct{ *listening }

// startSandbox runs `buffer-mcp sandbox` on a free loopback port.
func startSandbox(t *testing.T, args ...string) *sandboxProc {
	t.Helper()
	return &sandboxProc{startListening(t, baseEnv(), append([]string{"sandbox", "--addr", "127.0.0.1:0"}, args...)...)}
}

// serverEnv is the environment of a server under test pointed at the sandbox.
func (sb *sandboxProc) serverEnv(extra ...string) []string {
	return baseEnv(append([]string{"BUFFER_API_URL=" + sb.url, "BUFFER_API_KEY=" + sandboxKey}, extra...)...)
}
