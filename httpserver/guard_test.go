package httpserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// okHandler stands in for the MCP endpoint: it answers 200 and echoes the body's length.
var okHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
})

func TestGuardRejectsEachUnsafeRequest(t *testing.T) {
	loopback := newGuard("", []string{"https://proxy.example.com"}, "127.0.0.1:8080").wrap(okHandler)
	withToken := newGuard("s3cret-token", nil, "127.0.0.1:8080").wrap(okHandler)
	public := newGuard("s3cret-token", nil, "0.0.0.0:8080").wrap(okHandler)

	tests := []struct {
		name    string
		handler http.Handler
		method  string
		host    string
		headers map[string]string
		body    string
		want    int
	}{
		{name: "plain loopback request", handler: loopback, method: "POST", host: "127.0.0.1:8080", want: 200},
		{name: "localhost host", handler: loopback, method: "POST", host: "localhost:8080", want: 200},
		{name: "foreign host on loopback", handler: loopback, method: "POST", host: "evil.example:8080", want: 403},
		{name: "trusted origin's host", handler: loopback, method: "POST", host: "proxy.example.com", headers: map[string]string{"Origin": "https://proxy.example.com"}, want: 200},
		{name: "own origin", handler: loopback, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Origin": "http://127.0.0.1:8080"}, want: 200},
		{name: "foreign origin on POST", handler: loopback, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Origin": "https://evil.example"}, want: 403},
		{name: "foreign origin on GET", handler: loopback, method: "GET", host: "127.0.0.1:8080", headers: map[string]string{"Origin": "https://evil.example"}, want: 403},
		{name: "malformed origin", handler: loopback, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Origin": "null"}, want: 403},
		{name: "missing token", handler: withToken, method: "POST", host: "127.0.0.1:8080", want: 401},
		{name: "wrong token", handler: withToken, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Authorization": "Bearer nope"}, want: 401},
		{name: "token without Bearer", handler: withToken, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Authorization": "s3cret-token"}, want: 401},
		{name: "right token", handler: withToken, method: "POST", host: "127.0.0.1:8080", headers: map[string]string{"Authorization": "Bearer s3cret-token"}, want: 200},
		{name: "public listener accepts its own host with the token", handler: public, method: "POST", host: "buffer.internal:8080", headers: map[string]string{"Authorization": "Bearer s3cret-token"}, want: 200},
		{name: "public listener without token", handler: public, method: "POST", host: "buffer.internal:8080", want: 401},
		{name: "body at the cap", handler: loopback, method: "POST", host: "127.0.0.1:8080", body: strings.Repeat("x", MaxBodyBytes), want: 200},
		{name: "body over the cap", handler: loopback, method: "POST", host: "127.0.0.1:8080", body: strings.Repeat("x", MaxBodyBytes+1), want: 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "http://"+tt.host+"/mcp", strings.NewReader(tt.body))
			r.Host = tt.host
			for k, v := range tt.headers {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			tt.handler.ServeHTTP(w, r)
			assert.Equal(t, tt.want, w.Code, w.Body.String())
			if tt.want == 401 {
				assert.Equal(t, `Bearer realm="buffer-mcp"`, w.Header().Get("WWW-Authenticate"))
			}
		})
	}
}

func TestGuardRejectsChunkedBodyOverTheCap(t *testing.T) {
	h := newGuard("", nil, "127.0.0.1:8080").wrap(okHandler)
	r := httptest.NewRequest("POST", "http://127.0.0.1:8080/mcp", strings.NewReader(strings.Repeat("x", MaxBodyBytes+10)))
	r.ContentLength = -1 // as for a chunked body: the size is known only by reading
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
}

func TestConfigCheckRefusesPublicAddressWithoutToken(t *testing.T) {
	require.Error(t, Config{Addr: "0.0.0.0:8080"}.Check())
	require.Error(t, Config{Addr: "192.0.2.10:8080"}.Check())
	assert.NoError(t, Config{Addr: "0.0.0.0:8080", Token: "t"}.Check())
	assert.NoError(t, Config{Addr: "127.0.0.1:8080"}.Check())
	assert.NoError(t, Config{Addr: "localhost:0"}.Check())
	assert.NoError(t, Config{Addr: "[::1]:8080"}.Check())
}
