package httpserver

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBearerIsMatchedInAnyCase: RFC 7235 auth schemes are case-insensitive; some clients
// send "bearer". The token itself is still compared exactly.
func TestBearerIsMatchedInAnyCase(t *testing.T) {
	h := newGuard("s3cret-token-0123", nil, "127.0.0.1:8080").wrap(okHandler)
	for header, want := range map[string]int{
		"Bearer s3cret-token-0123":  200,
		"bearer s3cret-token-0123":  200,
		"BEARER s3cret-token-0123":  200,
		"bEaReR  s3cret-token-0123": 200,
		"Bearer S3CRET-TOKEN-0123":  401,
		"Basic s3cret-token-0123":   401,
		"Bearers3cret-token-0123":   401,
		"s3cret-token-0123":         401,
	} {
		r := httptest.NewRequest("POST", "http://127.0.0.1:8080/mcp", strings.NewReader("{}"))
		r.Header.Set("Authorization", header)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, want, w.Code, header)
	}
}

// serveGuarded serves a guard (with a short body timeout) in front of a handler that reads
// the body and answers 200, through Serve, on a loopback port.
func serveGuarded(t *testing.T, token string, timeout time.Duration) string {
	t.Helper()
	g := newGuard(token, nil, "127.0.0.1:0")
	g.bodyTimeout = timeout
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ln, g.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
		})), slog.New(slog.DiscardHandler))
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return ln.Addr().String()
}

// slowBody sends a request whose body of 1,000 bytes comes a byte every 50 ms, and returns
// how long the server kept the connection open, and what it answered.
func slowBody(t *testing.T, addr, auth string) (time.Duration, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	start := time.Now()
	_, err = fmt.Fprintf(conn, "POST /mcp HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n%s\r\n", addr, auth)
	require.NoError(t, err)
	closed := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(conn) // until the server closes the connection
		closed <- string(b)
	}()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	bound := time.After(5 * time.Second)
	for {
		select {
		case answer := <-closed:
			return time.Since(start), answer
		case <-tick.C:
			_, _ = conn.Write([]byte("x")) // fails once the server has closed: fine
		case <-bound:
			return time.Since(start), "(still open)"
		}
	}
}

// TestASlowBodyIsCut: a body sent a byte at a time is cut at the body deadline, whether the
// request would be served (no token, or the right one) or refused (a wrong token: the
// answer 401 goes out at once, and net/http's drain of the body is cut too). On main none of
// them was ever cut.
func TestASlowBodyIsCut(t *testing.T) {
	const timeout = 300 * time.Millisecond
	for _, tt := range []struct {
		name, token, auth, status string
	}{
		{"no token", "", "", "408"},
		{"before authentication", "s3cret-token-0123", "Authorization: Bearer wrong\r\n", "401"},
		{"after authentication", "s3cret-token-0123", "Authorization: Bearer s3cret-token-0123\r\n", "408"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			took, answer := slowBody(t, serveGuarded(t, tt.token, timeout), tt.auth)
			assert.Less(t, took, timeout+2*time.Second, "the connection was cut; answer: %q", answer)
			assert.True(t, strings.HasPrefix(answer, "HTTP/1.1 "+tt.status), "answer: %q", answer)
		})
	}
}

// TestInitializeIsFoundHoweverItIsSpelt: an initialize whose method name is written with a
// JSON escape is still one, and still needs a place.
func TestInitializeIsFoundHoweverItIsSpelt(t *testing.T) {
	for body, want := range map[string]bool{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`:                    true,
		`{"jsonrpc":"2.0","id":1,"method":"\u0069nitialize","params":{}}`:               true,
		`{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}`:                    false,
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"initialize"}}`: false,
	} {
		r := httptest.NewRequest("POST", "/mcp", strings.NewReader(body))
		assert.Equal(t, want, isInitialize(r), body)
		rest, _ := io.ReadAll(r.Body)
		assert.Equal(t, body, string(rest), "the body is left to be read again")
	}
}
