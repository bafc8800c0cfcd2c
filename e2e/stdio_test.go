package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawServer is the binary on bare pipes: the test writes JSON-RPC lines itself and sees
// every byte the server writes to stdout.
type rawServer struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string         // stdout, line by line
	stdout *testkit.SyncBuffer // stdout, all of it
	stderr *testkit.SyncBuffer
	done   chan error
}

func startRaw(t *testing.T, env []string, args ...string) *rawServer {
	t.Helper()
	r := &rawServer{stdout: &testkit.SyncBuffer{}, stderr: &testkit.SyncBuffer{}, lines: make(chan string, 256), done: make(chan error, 1)}
	r.cmd = exec.Command(binPath, args...)
	r.cmd.Env = env
	r.cmd.Stderr = r.stderr
	var err error
	r.stdin, err = r.cmd.StdinPipe()
	require.NoError(t, err)
	out, err := r.cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, r.cmd.Start())
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			_, _ = r.stdout.Write(append(sc.Bytes(), '\n'))
			r.lines <- sc.Text()
		}
		close(r.lines)
		r.done <- r.cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = r.stdin.Close()
		select {
		case <-r.done:
		case <-time.After(stepTimeout):
			_ = r.cmd.Process.Kill()
			t.Errorf("the server did not exit after its stdin closed")
		}
		assertNoRace(t, r.stderr.String())
	})
	return r
}

func (r *rawServer) send(t *testing.T, msg string) {
	t.Helper()
	_, err := io.WriteString(r.stdin, msg+"\n")
	require.NoError(t, err)
}

// request sends a request and waits for the response with its id.
func (r *rawServer) request(t *testing.T, id int, method, params string) map[string]any {
	t.Helper()
	r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`, id, method, params))
	return r.await(t, id, method)
}

// await reads stdout until the response with the given id.
func (r *rawServer) await(t *testing.T, id int, method string) map[string]any {
	t.Helper()
	deadline := time.After(stepTimeout)
	for {
		select {
		case line, ok := <-r.lines:
			require.True(t, ok, "stdout closed before the answer to %s; stderr: %s", method, r.stderr)
			var msg map[string]any
			require.NoError(t, json.Unmarshal([]byte(line), &msg), "stdout line is not JSON: %q", line)
			if msg["id"] == float64(id) {
				return msg
			}
		case <-deadline:
			t.Fatalf("no answer to %s in time; stderr: %s", method, r.stderr)
		}
	}
}

// initialize performs the 2025-11-25 handshake.
func (r *rawServer) initialize(t *testing.T) {
	t.Helper()
	resp := r.request(t, 1, "initialize", `{"protocolVersion":"`+legacyEra+`","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}`)
	require.NotNil(t, resp["result"], "initialize: %v", resp)
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
}

// closeAndWait closes stdin and returns the exit code and how long the exit took.
func (r *rawServer) closeAndWait(t *testing.T) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	_ = r.stdin.Close() // the test may have closed it already
	for range r.lines { // drain what is left
	}
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		return code, time.Since(start)
	case <-time.After(stepTimeout):
		t.Fatalf("the server did not exit after its stdin closed")
		return -1, 0
	}
}

func TestStdoutCarriesOnlyJSONRPC(t *testing.T) {
	sb := startSandbox(t)
	r := startRaw(t, sb.serverEnv("BUFFER_MCP_LOG_LEVEL=debug"))
	r.initialize(t)
	list := r.request(t, 2, "tools/list", `{}`)
	require.NotNil(t, list["result"])
	ok := r.request(t, 3, "tools/call", `{"name":"get_account","arguments":{}}`)
	require.NotNil(t, ok["result"])
	bad := r.request(t, 4, "tools/call", `{"name":"get_post","arguments":{"postId":"x"}}`)
	require.NotNil(t, bad["result"])
	unknown := r.request(t, 5, "tools/call", `{"name":"no_such_tool","arguments":{}}`)
	require.NotNil(t, unknown["error"], "an unknown tool is a protocol error")

	code, _ := r.closeAndWait(t)
	assert.Equal(t, 0, code, "stderr: %s", r.stderr)

	out := strings.TrimSuffix(r.stdout.String(), "\n")
	require.NotEmpty(t, out)
	for _, line := range strings.Split(out, "\n") {
		var msg struct {
			JSONRPC string `json:"jsonrpc"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &msg), "stdout carries a line that is not JSON-RPC: %q", line)
		assert.Equal(t, "2.0", msg.JSONRPC, "line: %s", line)
	}
	logs := r.stderr.String()
	assert.Contains(t, logs, "buffer-mcp starting", "logs go to stderr")
	assert.GreaterOrEqual(t, strings.Count(logs, "\n"), 2, "stderr: %s", logs)
}

func TestExitsPromptly(t *testing.T) {
	t.Run("idle", func(t *testing.T) {
		r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
		r.initialize(t)
		code, took := r.closeAndWait(t)
		assert.Equal(t, 0, code, "stderr: %s", r.stderr)
		assert.Less(t, took, 5*time.Second)
	})
	t.Run("on SIGTERM, stdin still open", func(t *testing.T) {
		r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
		r.initialize(t)
		start := time.Now()
		require.NoError(t, r.cmd.Process.Signal(syscall.SIGTERM))
		select {
		case err := <-r.done:
			r.done <- err
			assert.NoError(t, err, "exit 0 on SIGTERM; stderr: %s", r.stderr)
		case <-time.After(stepTimeout):
			t.Fatal("the server did not stop on SIGTERM")
		}
		assert.Less(t, time.Since(start), 5*time.Second)
	})
	t.Run("before any message", func(t *testing.T) {
		r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
		code, took := r.closeAndWait(t)
		assert.Equal(t, 0, code, "stderr: %s", r.stderr)
		assert.Less(t, took, 5*time.Second)
	})
}

// TestAnswersInFlightRequestsAfterStdinCloses: a request piped in just before stdin closes
// (as from a shell) is answered, not cancelled; a cancelled create_post would leave its
// outcome unknown.
func TestAnswersInFlightRequestsAfterStdinCloses(t *testing.T) {
	sb := startSandbox(t)
	target, err := url.Parse(sb.url)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	arrived, release := make(chan struct{}), make(chan struct{})
	var hold sync.Once
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		hold.Do(func() { // hold the first request to Buffer until the test lets it go
			close(arrived)
			select {
			case <-release:
			case <-req.Context().Done():
			}
		})
		proxy.ServeHTTP(w, req)
	}))
	t.Cleanup(slow.Close)

	r := startRaw(t, baseEnv("BUFFER_API_URL="+slow.URL+"/", "BUFFER_API_KEY="+sandboxKey))
	r.initialize(t)
	r.send(t, `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_account","arguments":{}}}`)
	select {
	case <-arrived:
	case <-time.After(stepTimeout):
		t.Fatalf("the call never reached Buffer; stderr: %s", r.stderr)
	}
	require.NoError(t, r.stdin.Close())
	close(release)

	resp := r.await(t, 7, "tools/call")
	assert.NotContains(t, mustJSON(t, resp), `"isError":true`, "the call was answered, not cancelled: %v", resp)
	assert.Contains(t, mustJSON(t, resp), `"account"`)
	code, _ := r.closeAndWait(t)
	assert.Equal(t, 0, code, "stderr: %s", r.stderr)
}

// TestAPIKeyNeverAppears runs with a distinctive key against a sandbox that expects another,
// so that every call fails as Unauthenticated, at debug level, and searches all output.
func TestAPIKeyNeverAppears(t *testing.T) {
	const canary = "bk-CANARY-7f3e9a1c5d2b8e4f6a0c"
	sb := startSandbox(t, "--log-level", "debug")
	keyFile := filepath.Join(t.TempDir(), "key")
	require.NoError(t, os.WriteFile(keyFile, []byte(canary+"\n"), 0o600))

	const id = "0123456789abcdef01234567"
	calls := []struct{ name, args string }{
		{"get_account", `{}`},
		{"list_channels", `{}`},
		{"get_channel", `{"channelId":"` + id + `"}`},
		{"list_posts", `{"status":["scheduled"]}`},
		{"get_post", `{"postId":"` + id + `"}`},
		{"create_post", `{"channelId":"` + id + `","text":"hello","dryRun":true}`},
		{"create_post", `{"channelIds":["` + id + `"],"text":"hello"}`},
		{"edit_post", `{"postId":"` + id + `","text":"hello"}`},
		{"delete_post", `{"postId":"` + id + `"}`},
		{"list_ideas", `{}`},
		{"create_idea", `{"organizationId":"` + id + `","text":"hello"}`},
	}
	for _, setup := range []struct {
		name string
		env  []string
		args []string
	}{
		{"env, text logs", []string{"BUFFER_API_KEY=" + canary}, nil},
		{"env, json logs", []string{"BUFFER_API_KEY=" + canary, "BUFFER_MCP_LOG_FORMAT=json"}, nil},
		{"key file", nil, []string{"--api-key-file", keyFile}},
	} {
		t.Run(setup.name, func(t *testing.T) {
			env := baseEnv(append([]string{"BUFFER_API_URL=" + sb.url, "BUFFER_MCP_LOG_LEVEL=debug"}, setup.env...)...)
			r := startRaw(t, env, setup.args...)
			r.initialize(t)
			unauthenticated := 0
			for i, c := range calls {
				resp := r.request(t, 10+i, "tools/call", `{"name":"`+c.name+`","arguments":`+c.args+`}`)
				if strings.Contains(mustJSON(t, resp), `"Unauthenticated"`) {
					unauthenticated++
				}
			}
			assert.Positive(t, unauthenticated, "the wrong key should have caused Unauthenticated errors")
			code, _ := r.closeAndWait(t)
			assert.Equal(t, 0, code)
			assert.NotContains(t, r.stdout.String(), canary[3:], "the key on stdout")
			assert.NotContains(t, r.stderr.String(), canary[3:], "the key on stderr")

			got := runBinary(t, env, "", append(setup.args, "call", "get_account")...)
			assert.Equal(t, 1, got.code)
			assert.Contains(t, got.stdout, "Unauthenticated")
			assert.NotContains(t, got.stdout+got.stderr, canary[3:], "the key in the output of call")
		})
	}
	assert.NotContains(t, sb.stderr.String(), canary[3:], "the key in the sandbox's own logs")
}
