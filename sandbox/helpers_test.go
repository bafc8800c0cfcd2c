package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// fixedNow is a Saturday: 09:00 in London, 18:00 in Tokyo, 20:00 in Sydney, 04:00 in
// New York. The queue tests below depend on it.
var fixedNow = time.Date(2026, 3, 7, 9, 0, 0, 0, time.UTC)

// testClock is a clock that tests can move.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newSandbox starts a sandbox on the fixed clock unless opts has one.
func newSandbox(t *testing.T, opts Options) *Server {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixedNow }
	}
	s, err := New(opts)
	require.NoError(t, err)
	return s
}

// bearerTransport adds the key to every request, as client/ does for Buffer.
type bearerTransport struct {
	key  string
	base http.RoundTripper
}

func (b bearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.key)
	r.Header.Set("User-Agent", "buffer-mcp/test")
	r.Header.Set("x-buffer-client-version", "buffer-mcp/test")
	return b.base.RoundTrip(r)
}

// newClient is genqlient's real client, served in process by the sandbox.
func newClient(s *Server) graphql.Client {
	return graphql.NewClient("http://sandbox.invalid/", &http.Client{
		Transport: bearerTransport{key: DefaultKey, base: s.Transport()},
	})
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

// rawResponse is an HTTP answer read in full.
type rawResponse struct {
	status int
	header http.Header
	body   string
}

// post sends a raw body through the in-process transport, with the given Authorization
// header (none when empty).
func post(t *testing.T, s *Server, method, body, auth string) rawResponse {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx(t), method, "http://sandbox.invalid/graphql", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := s.Transport().RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return rawResponse{resp.StatusCode, resp.Header, string(b)}
}

// result is what a createPost or editPost came to, whatever the union member.
type result struct {
	typename string
	message  string
	post     client.PostDetail
}

func createPost(t *testing.T, c graphql.Client, in client.CreatePostInput) result {
	t.Helper()
	if in.SchedulingType == "" {
		in.SchedulingType = client.SchedulingTypeAutomatic
	}
	if in.Mode == "" {
		in.Mode = client.ShareModeAddtoqueue
	}
	resp, err := client.CreatePost(ctx(t), c, in)
	require.NoError(t, err)
	return unionResult(resp.CreatePost)
}

func editPost(t *testing.T, c graphql.Client, in client.EditPostInput) result {
	t.Helper()
	resp, err := client.EditPost(ctx(t), c, in)
	require.NoError(t, err)
	return unionResult(resp.EditPost)
}

// unionResult reads any PostActionPayload member through the getters genqlient gives them.
func unionResult(payload interface{ GetTypename() string }) result {
	r := result{typename: payload.GetTypename()}
	switch p := payload.(type) {
	case *client.CreatePostCreatePostPostActionSuccess:
		r.post = p.Post.PostDetail
	case *client.EditPostEditPostPostActionSuccess:
		r.post = p.Post.PostDetail
	case interface{ GetMessage() string }:
		r.message = p.GetMessage()
	}
	return r
}

func ptr[T any](v T) *T { return &v }

// at parses an RFC 3339 time for expectations.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}

// stored finds a post in the sandbox's store.
func stored(t *testing.T, s *Server, id string) Post {
	t.Helper()
	for _, p := range s.Posts() {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("post %s is not stored", id)
	return Post{}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func decode(t *testing.T, body string, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal([]byte(body), v), body)
}

// body is a GraphQL request body for a query that reads best over several lines.
func body(t *testing.T, query string, vars map[string]any) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	return string(b)
}
