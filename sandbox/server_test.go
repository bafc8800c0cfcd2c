package sandbox

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/Khan/genqlient/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

const accountQuery = `{"query":"query GetAccount { account { id } }","operationName":"GetAccount"}`

func TestNewOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{name: "zero value", opts: Options{}},
		{name: "two orgs", opts: Options{Seed: "two-orgs"}},
		{name: "unknown seed", opts: Options{Seed: "three-orgs"}, wantErr: `unknown sandbox seed "three-orgs"`},
		{name: "negative queue limit", opts: Options{QueueLimit: -1}, wantErr: "queue limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.opts)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.Nil(t, s)
				return
			}
			require.NoError(t, err)
			assert.NotEmpty(t, s.Seed().AccountID)
		})
	}
}

func TestAuthentication(t *testing.T) {
	s := newSandbox(t, Options{Key: "k-123"})
	tests := []struct {
		name       string
		auth       string
		wantStatus int
		wantBody   string
	}{
		{name: "no header", auth: "", wantStatus: http.StatusUnauthorized,
			wantBody: `{"errors":[{"message":"An authentication JWT or Access Token is required","extensions":{"code":"UNAUTHENTICATED"}}]}`},
		{name: "not a bearer token", auth: "Basic k-123", wantStatus: http.StatusUnauthorized,
			wantBody: `{"errors":[{"message":"An authentication JWT or Access Token is required","extensions":{"code":"UNAUTHENTICATED"}}]}`},
		{name: "empty bearer token", auth: "Bearer ", wantStatus: http.StatusUnauthorized,
			wantBody: `{"errors":[{"message":"An authentication JWT or Access Token is required","extensions":{"code":"UNAUTHENTICATED"}}]}`},
		{name: "wrong key", auth: "Bearer sandbox-key", wantStatus: http.StatusOK,
			wantBody: `{"data":null,"errors":[{"message":"Not authorized","extensions":{"code":"UNAUTHORIZED"}}]}`},
		{name: "right key", auth: "Bearer k-123", wantStatus: http.StatusOK,
			wantBody: `{"data":{"account":{"id":"` + s.Seed().AccountID + `"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := post(t, s, http.MethodPost, accountQuery, tt.auth)
			assert.Equal(t, tt.wantStatus, got.status)
			assert.JSONEq(t, tt.wantBody, got.body)
			assert.Equal(t, "application/json", got.header.Get("Content-Type"))
		})
	}
}

// TestAuthenticationBeforeAnythingElse: a request without a key learns nothing about its
// body or method.
func TestAuthenticationBeforeAnythingElse(t *testing.T) {
	s := newSandbox(t, Options{})
	assert.Equal(t, http.StatusUnauthorized, post(t, s, http.MethodGet, "", "").status)
	assert.Equal(t, http.StatusUnauthorized, post(t, s, http.MethodPost, "not json", "").status)
}

func TestMalformedRequests(t *testing.T) {
	s := newSandbox(t, Options{})
	tests := []struct {
		name       string
		method     string
		body       string
		wantStatus int
		wantCode   string
		wantInBody string
	}{
		{name: "GET", method: http.MethodGet, body: "", wantStatus: http.StatusMethodNotAllowed, wantCode: "METHOD_NOT_ALLOWED"},
		{name: "body not JSON", method: http.MethodPost, body: "query { account { id } }",
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "no query", method: http.MethodPost, body: `{"variables":{}}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "syntax error", method: http.MethodPost, body: `{"query":"{ account { id "}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "unknown field", method: http.MethodPost, body: `{"query":"{ account { id shoeSize } }"}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED", wantInBody: `Cannot query field \"shoeSize\"`},
		{name: "field on a union", method: http.MethodPost,
			body:       `{"query":"mutation { deletePost(input: {id: \"x\"}) { id } }"}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "impossible fragment", method: http.MethodPost,
			body:       `{"query":"mutation { deletePost(input: {id: \"x\"}) { ... on PostActionSuccess { post { id } } } }"}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "enum value Buffer does not have", method: http.MethodPost,
			body:       `{"query":"mutation($i: CreatePostInput!) { createPost(input: $i) { __typename } }","variables":{"i":{"channelId":"x","mode":"now","schedulingType":"automatic"}}}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED", wantInBody: "ShareMode"},
		{name: "variables not an object", method: http.MethodPost, body: `{"query":"{ account { id } }","variables":[1]}`,
			wantStatus: http.StatusBadRequest, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "DateTime without an offset", method: http.MethodPost,
			body:       `{"query":"mutation($i: CreatePostInput!) { createPost(input: $i) { __typename } }","variables":{"i":{"channelId":"x","mode":"customScheduled","schedulingType":"automatic","dueAt":"2026-03-08T10:00"}}}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_USER_INPUT", wantInBody: "offset"},
		{name: "unknown operation name", method: http.MethodPost, body: `{"query":"query A { account { id } }","operationName":"B"}`,
			wantStatus: http.StatusBadRequest, wantCode: "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := post(t, s, tt.method, tt.body, "Bearer "+DefaultKey)
			assert.Equal(t, tt.wantStatus, got.status)
			assert.Contains(t, got.body, `"code":"`+tt.wantCode+`"`)
			assert.Contains(t, got.body, tt.wantInBody)
			assert.NotContains(t, got.body, `"data"`)
			assert.Equal(t, "application/json", got.header.Get("Content-Type"))
		})
	}
}

// TestOperationsValidate checks every operation the server sends against the schema the
// sandbox executes. Without variables the engine reports each required variable as
// missing; those are the only errors allowed.
func TestOperationsValidate(t *testing.T) {
	s := newSandbox(t, Options{})
	for name, op := range map[string]string{
		"GetAccount": client.GetAccount_Operation, "ListChannels": client.ListChannels_Operation,
		"GetChannel": client.GetChannel_Operation, "ListPosts": client.ListPosts_Operation,
		"GetPost": client.GetPost_Operation, "CreatePost": client.CreatePost_Operation,
		"EditPost": client.EditPost_Operation, "DeletePost": client.DeletePost_Operation,
	} {
		for _, e := range s.schema.Validate(op) {
			assert.Equal(t, "VariablesOfCorrectType", e.Rule, "%s: %s", name, e.Message)
		}
	}
}

func TestRequestsAreRecorded(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	_, err := client.GetAccount(ctx(t), c)
	require.NoError(t, err)
	_, err = client.GetPost(ctx(t), c, "0123456789abcdef01234567")
	require.Error(t, err)
	post(t, s, http.MethodPost, accountQuery, "")

	got := s.Requests()
	require.Len(t, got, 3)
	assert.Equal(t, Request{OperationName: "GetAccount", Authorization: "Bearer sandbox-key",
		UserAgent: "buffer-mcp/test", ClientVersion: "buffer-mcp/test"}, got[0])
	assert.Equal(t, "GetPost", got[1].OperationName)
	assert.Equal(t, map[string]any{"id": "0123456789abcdef01234567"}, got[1].Variables)
	assert.Equal(t, "", got[2].Authorization, "refused requests are recorded too")

	got[0].OperationName = "changed"
	assert.Equal(t, "GetAccount", s.Requests()[0].OperationName, "Requests returns a copy")
}

// TestOverRealHTTP serves the sandbox on a loopback port, as `buffer-mcp sandbox` does.
func TestOverRealHTTP(t *testing.T) {
	s := newSandbox(t, Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()

	c := graphql.NewClient(srv.URL+"/graphql", &http.Client{
		Transport: bearerTransport{key: DefaultKey, base: http.DefaultTransport},
	})
	resp, err := client.GetAccount(ctx(t), c)
	require.NoError(t, err)
	assert.Equal(t, "Maya Lindqvist", resp.Account.Name)

	bad := graphql.NewClient(srv.URL, http.DefaultClient)
	_, err = client.GetAccount(ctx(t), bad)
	var httpErr *graphql.HTTPError
	require.ErrorAs(t, err, &httpErr)
	assert.Equal(t, http.StatusUnauthorized, httpErr.StatusCode)
}

func TestTransportHonoursCancellation(t *testing.T) {
	s := newSandbox(t, Options{})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	req, err := http.NewRequestWithContext(cancelled, http.MethodPost, "http://sandbox.invalid/", strings.NewReader(accountQuery))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+DefaultKey)

	resp, err := s.Transport().RoundTrip(req)
	assert.Nil(t, resp)
	assert.True(t, errors.Is(err, context.Canceled))

	_, err = client.GetAccount(cancelled, newClient(s))
	assert.ErrorIs(t, err, context.Canceled)
}

func TestTransportResponse(t *testing.T) {
	s := newSandbox(t, Options{})
	req, err := http.NewRequestWithContext(ctx(t), http.MethodPost, "http://sandbox.invalid/", strings.NewReader(accountQuery))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+DefaultKey)
	resp, err := s.Transport().RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, "200 OK", resp.Status)
	assert.Equal(t, 1, resp.ProtoMajor)
	assert.Same(t, req, resp.Request)
	assert.Positive(t, resp.ContentLength)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
}

func TestTransportSurvivesAPanic(t *testing.T) {
	rt := roundTripper{http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })}
	req, err := http.NewRequestWithContext(ctx(t), http.MethodPost, "http://sandbox.invalid/", strings.NewReader("{}"))
	require.NoError(t, err)
	resp, err := rt.RoundTrip(req)
	assert.Nil(t, resp)
	assert.ErrorContains(t, err, "panic serving the request: boom")
}
