package faults_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// redirect answers with status and a Location on another host, without forwarding.
func redirect(status int, location string) fault {
	return answer(status, map[string]string{"Location": location}, "")
}

// recorder is a second listener, on another port of loopback, that records the headers of
// every request it gets: where a followed redirect would take the key.
type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	seen []http.Header
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.seen = append(r.seen, req.Header.Clone())
		r.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{}}`)) // what a GET after a 301 or 302 would read as success
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) headers() []http.Header {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen
}

// TestRedirectsAreNotFollowed: whatever the redirect (301, 302, 307, 308), from a read or a
// change, the client does not follow it, so the other host never sees the key (nor any
// request); the tool answers UpstreamError naming the status and the host, once, and no
// post is made (SPEC §7.3).
func TestRedirectsAreNotFollowed(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, tool := range []string{"list_posts", "create_post"} {
			t.Run(fmt.Sprintf("%d %s", status, tool), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, requestTimeout)
				other := newRecorder(t)
				host := mustHost(t, other.URL)
				op, args := "ListPosts", `{}`
				if tool == "create_post" {
					op, args = "CreatePost", fmt.Sprintf(`{"channelId":%q,"text":"redirected"}`, e.channel(t, "linkedin"))
				}
				before := len(e.sandbox.Posts())
				e.inject(t, rule{op: op, fault: redirect(status, other.URL+"/graphql")})

				got := assertError(t, outcome{typ: "UpstreamError"}, e.call(t, tool, args))

				assert.Contains(t, got.Message, fmt.Sprintf("HTTP %d", status))
				assert.Contains(t, got.Message, host, "the message names the redirect's host")
				assert.Empty(t, other.headers(), "the other host got a request (so the key)")
				assert.Equal(t, 1, e.attempts(op), "attempts")
				assert.Zero(t, e.sandboxSaw(op), "requests that reached the sandbox")
				assert.Len(t, e.sandbox.Posts(), before, "posts")
			})
		}
	}
}

func mustHost(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	require.NoError(t, err)
	return u.Host
}
