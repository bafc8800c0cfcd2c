package client_test

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// assertNoKey checks every text of err that a person or a log could see.
func assertNoKey(t *testing.T, err error) {
	t.Helper()
	var got *client.Error
	require.ErrorAs(t, err, &got)
	assert.NotContains(t, got.Message, testKey, "Message")
	assert.NotContains(t, got.Error(), testKey, "Error()")
	for cause := errors.Unwrap(got); cause != nil; cause = errors.Unwrap(cause) {
		assert.NotContains(t, cause.Error(), testKey, "cause %T", cause)
	}
}

// echoServer answers with body after replacing ECHO with the request's Authorization header,
// as a careless upstream might ("invalid token: Bearer ...").
func echoServer(t *testing.T, status int, body string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, strings.ReplaceAll(body, "ECHO", r.Header.Get("Authorization")))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestKeyNeverInErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		// wantEchoed: Buffer's message is passed on, with the key replaced.
		wantEchoed bool
	}{
		{name: "200 UNAUTHORIZED", status: http.StatusOK, wantEchoed: true,
			body: `{"data":null,"errors":[{"message":"Invalid token ECHO","extensions":{"code":"UNAUTHORIZED"}}]}`},
		{name: "401 UNAUTHENTICATED", status: http.StatusUnauthorized, wantEchoed: true,
			body: `{"errors":[{"message":"Invalid token ECHO","extensions":{"code":"UNAUTHENTICATED"}}]}`},
		{name: "403 FORBIDDEN", status: http.StatusForbidden, wantEchoed: true,
			body: `{"errors":[{"message":"Token ECHO may not do this","extensions":{"code":"FORBIDDEN"}}]}`},
		{name: "200 NOT_FOUND", status: http.StatusOK, wantEchoed: true,
			body: `{"data":null,"errors":[{"message":"Nothing for ECHO","extensions":{"code":"NOT_FOUND"}}]}`},
		{name: "400 GRAPHQL_VALIDATION_FAILED", status: http.StatusBadRequest, wantEchoed: true,
			body: `{"errors":[{"message":"Bad request from ECHO","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`},
		{name: "200 several errors without a code", status: http.StatusOK, wantEchoed: true,
			body: `{"errors":[{"message":"first ECHO"},{"message":"second ECHO"}]}`},
		{name: "429", status: http.StatusTooManyRequests,
			body: `{"errors":[{"message":"Slow down ECHO","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`},
		{name: "502 with the key in the page", status: http.StatusBadGateway, body: `<html>ECHO</html>`},
		{name: "200 not JSON with the key", status: http.StatusOK, body: `ECHO`},
	}
	for _, tt := range tests {
		for _, op := range queryAndMutation {
			t.Run(tt.name+"/"+op.name, func(t *testing.T) {
				srv := echoServer(t, tt.status, tt.body)

				err := op.call(testContext(t), newClient(srv.URL))

				assertNoKey(t, err)
				if tt.wantEchoed {
					assert.Contains(t, err.Error(), "Bearer [redacted]")
				}
			})
		}
	}
}

func TestKeyNeverInMutationMembers(t *testing.T) {
	tests := []struct {
		name   string
		member string
	}{
		{name: "unknown member", member: `{"__typename":"QuotaExceededError","message":"Quota of ECHO exceeded"}`},
		{name: "known member", member: `{"__typename":"LimitReachedError","message":"Queue of ECHO is full"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := echoServer(t, http.StatusOK, `{"data":{"createPost":`+tt.member+`}}`)

			resp, err := client.CreatePost(testContext(t), newClient(srv.URL), newPostInput())

			if err == nil { // a known member: the caller makes the Error
				member, ok := resp.GetCreatePost().(client.MutationError)
				require.Truef(t, ok, "%T is not a client.MutationError", resp.GetCreatePost())
				err = client.FromMutationError(member)
			}
			assertNoKey(t, err)
			assert.Contains(t, err.Error(), "Bearer [redacted]")
		})
	}
}

// TestKeyNeverInTransportErrors puts the key where a transport error quotes it: the
// endpoint URL (a misconfiguration, but the error must still not carry it).
func TestKeyNeverInTransportErrors(t *testing.T) {
	refused := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		require.NoError(t, ln.Close())
		return "http://" + ln.Addr().String()
	}
	hangUp := func(t *testing.T) string {
		endpoint, _ := hangUpServer(t)
		return endpoint
	}
	tests := []struct {
		name     string
		endpoint func(*testing.T) string
	}{
		{name: "connection refused", endpoint: refused},
		{name: "server hangs up", endpoint: hangUp},
	}
	for _, tt := range tests {
		for _, op := range queryAndMutation {
			t.Run(tt.name+"/"+op.name, func(t *testing.T) {
				endpoint := tt.endpoint(t) + "/graphql?key=" + testKey

				err := op.call(testContext(t), newClient(endpoint))

				assertNoKey(t, err)
			})
		}
	}
}
