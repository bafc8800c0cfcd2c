package e2e

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faultyBuffer answers every request with the failure shape the test has selected (an
// index into its table), several of which echo the Authorization header back, as a
// careless proxy or error page might.
func faultyBuffer(t *testing.T) (srv *httptest.Server, selected *atomic.Int32, count int) {
	t.Helper()
	selected = &atomic.Int32{}
	faults := []func(w http.ResponseWriter, r *http.Request){
		func(w http.ResponseWriter, r *http.Request) { // 401 quoting the key
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"errors":[{"message":"bad token `+r.Header.Get("Authorization")+`","extensions":{"code":"UNAUTHENTICATED"}}]}`)
		},
		func(w http.ResponseWriter, r *http.Request) { // 200 UNAUTHORIZED
			_, _ = io.WriteString(w, `{"data":null,"errors":[{"message":"Not authorized: `+r.Header.Get("Authorization")+`","extensions":{"code":"UNAUTHORIZED"}}]}`)
		},
		func(w http.ResponseWriter, r *http.Request) { // an edge's HTML 403
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, "<html>blocked "+r.Header.Get("Authorization")+"</html>")
		},
		func(w http.ResponseWriter, r *http.Request) { // 429
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`)
		},
		func(w http.ResponseWriter, r *http.Request) { // 502 HTML
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, "<html>502 "+r.Header.Get("Authorization")+"</html>")
		},
		func(w http.ResponseWriter, r *http.Request) { // not JSON
			_, _ = io.WriteString(w, `{"data": {"account": `+r.Header.Get("Authorization"))
		},
		func(w http.ResponseWriter, r *http.Request) { // a code-less error quoting the key
			_, _ = io.WriteString(w, `{"errors":[{"message":"Query failed for `+r.Header.Get("Authorization")+`"}]}`)
		},
		func(w http.ResponseWriter, r *http.Request) { // an unknown union member quoting the key
			_, _ = io.WriteString(w, `{"data":{"createPost":{"__typename":"KeyError","message":"`+r.Header.Get("Authorization")+`"},`+
				`"editPost":{"__typename":"KeyError","message":"`+r.Header.Get("Authorization")+`"},`+
				`"deletePost":{"__typename":"KeyError","message":"`+r.Header.Get("Authorization")+`"},`+
				`"createIdea":{"__typename":"KeyError","message":"`+r.Header.Get("Authorization")+`"}}}`)
		},
		func(w http.ResponseWriter, r *http.Request) { // the connection dropped before any answer
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					_ = tc.SetLinger(0) // a reset, not a clean close
				}
				conn.Close()
			}
		},
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		faults[selected.Load()](w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, selected, len(faults)
}

// TestTheKeyAppearsNowhereOnAnyErrorPath drives every tool through every failure shape at
// debug level and searches all that the server writes for the key.
func TestTheKeyAppearsNowhereOnAnyErrorPath(t *testing.T) {
	const canary = "bk-LEAK-CANARY-51d0c9e2a7f34b68"
	buffer, fault, faults := faultyBuffer(t)
	env := baseEnv("BUFFER_API_URL="+buffer.URL, "BUFFER_API_KEY="+canary, "BUFFER_MCP_LOG_LEVEL=debug", "BUFFER_MCP_CONFIRM_PUBLISH=0")
	r := startRaw(t, env)
	r.initialize(t)

	const id = "0123456789abcdef01234567"
	calls := []string{
		`{"name":"get_account","arguments":{}}`,
		`{"name":"list_channels","arguments":{"organizationId":"` + id + `"}}`,
		`{"name":"get_channel","arguments":{"channelId":"` + id + `"}}`,
		`{"name":"list_posts","arguments":{"organizationId":"` + id + `"}}`,
		`{"name":"get_post","arguments":{"postId":"` + id + `"}}`,
		`{"name":"create_post","arguments":{"channelId":"` + id + `","text":"hello"}}`,
		`{"name":"edit_post","arguments":{"postId":"` + id + `","text":"hello"}}`,
		`{"name":"delete_post","arguments":{"postId":"` + id + `"}}`,
		`{"name":"list_ideas","arguments":{"organizationId":"` + id + `"}}`,
		`{"name":"create_idea","arguments":{"organizationId":"` + id + `","text":"hello"}}`,
	}
	var answers strings.Builder
	seen := map[string]bool{}
	for f := range faults { // every tool meets every fault
		fault.Store(int32(f))
		for i, c := range calls {
			resp := mustJSON(t, r.request(t, 100+f*len(calls)+i, "tools/call", c))
			answers.WriteString(resp)
			for _, typ := range []string{"Unauthenticated", "Forbidden", "RateLimited", "UpstreamUnavailable", "UpstreamError", "OutcomeUnknown", "KeyError"} {
				if strings.Contains(resp, `"`+typ+`"`) {
					seen[typ] = true
				}
			}
		}
	}
	code, _ := r.closeAndWait(t)
	require.Equal(t, 0, code)

	for _, typ := range []string{"Unauthenticated", "Forbidden", "RateLimited", "UpstreamUnavailable", "UpstreamError", "KeyError"} {
		assert.True(t, seen[typ], "no call ended in %s: the fault table no longer covers it", typ)
	}
	all := answers.String() + r.stdout.String() + r.stderr.String()
	assert.NotContains(t, all, canary[3:], "the key leaked into the server's output")
	assert.Contains(t, r.stderr.String(), "level=DEBUG", "the run was at debug level")
}
