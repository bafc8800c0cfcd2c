package doctor_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/doctor"
	schema "github.com/buffer-mcp/buffer-mcp/graphql"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// serveSandbox serves a sandbox over HTTP, as `buffer-mcp sandbox` does, with wrap (when
// not nil) in front of it.
func serveSandbox(t *testing.T, opts sandbox.Options, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	sb, err := sandbox.New(opts)
	require.NoError(t, err)
	var h http.Handler = sb
	if wrap != nil {
		h = wrap(sb)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// run runs doctor against url with key and returns its results by name, its output and
// whether it passed.
func run(t *testing.T, url, key string) (map[string]doctor.Result, string, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	results := doctor.Run(ctx, doctor.Config{Client: client.Config{Endpoint: url, APIKey: key, Version: "test",
		Retry: client.RetryPolicy{MaxAttempts: 1}}})
	var out bytes.Buffer
	ok := doctor.Write(&out, results)
	byName := map[string]doctor.Result{}
	for _, r := range results {
		byName[r.Name] = r
	}
	require.Len(t, byName, 4, out.String())
	return byName, out.String(), ok
}

func TestDoctorPassesAgainstTheSandbox(t *testing.T) {
	url := serveSandbox(t, sandbox.Options{}, nil)
	got, out, ok := run(t, url, sandbox.DefaultKey)
	assert.True(t, ok, out)
	for _, name := range []string{"key", "clock", "schema", "rate limit"} {
		assert.Equal(t, doctor.OK, got[name].Status, "%s: %s", name, out)
	}
	assert.Contains(t, got["key"].Summary, "(account maya@northbeancoffee.example, 1 organization)")
	assert.Contains(t, got["schema"].Summary, "operations of this build fit Buffer's live schema")
	assert.Len(t, strings.Split(strings.TrimSpace(out), "\n"), 4, "one line a check:\n%s", out)
}

func TestDoctorNamesTheFieldBufferNoLongerHas(t *testing.T) {
	// Buffer drops Post.externalLink, which every post operation selects (PostFields).
	moved := strings.Replace(schema.Schema, "  externalLink: String\n  channelId: ChannelId!\n", "  channelId: ChannelId!\n", 1)
	require.NotEqual(t, schema.Schema, moved, "the schema edit must apply")
	url := serveSandbox(t, sandbox.Options{Schema: moved}, nil)

	got, out, ok := run(t, url, sandbox.DefaultKey)
	assert.False(t, ok, out)
	s := got["schema"]
	assert.Equal(t, doctor.Fail, s.Status, out)
	require.Len(t, s.Details, 1, out)
	assert.Contains(t, s.Details[0], `Cannot query field "externalLink" on type "Post"`)
	for _, op := range []string{"CreatePost", "EditPost", "GetPost", "ListPosts"} {
		assert.Contains(t, s.Details[0], op, "the operations that select it")
	}
	assert.NotContains(t, s.Details[0], "GetAccount")
	assert.Equal(t, doctor.OK, got["key"].Status, out)
}

func TestDoctorNamesAnInputFieldBufferNoLongerAccepts(t *testing.T) {
	// The operation text is fine, but CreatePostInput lost a field this build may send:
	// only a comparison of the input types finds that.
	moved := strings.Replace(schema.Schema, "  saveToDraft: Boolean\n", "", 1)
	require.NotEqual(t, schema.Schema, moved)
	url := serveSandbox(t, sandbox.Options{Schema: moved}, nil)

	got, out, ok := run(t, url, sandbox.DefaultKey)
	assert.False(t, ok, out)
	assert.Equal(t, doctor.Fail, got["schema"].Status, out)
	assert.Contains(t, out, "CreatePostInput.saveToDraft: Buffer no longer accepts this input field (CreatePost)")
}

func TestDoctorRefusedKey(t *testing.T) {
	url := serveSandbox(t, sandbox.Options{}, nil)
	got, out, ok := run(t, url, "not-the-key")
	assert.False(t, ok, out)
	assert.Equal(t, doctor.Fail, got["key"].Status, out)
	assert.Contains(t, got["key"].Summary, "Unauthenticated")
	assert.Contains(t, got["key"].Summary, "BUFFER_API_KEY")
	assert.NotContains(t, out, "not-the-key", "the key never appears")
	assert.Equal(t, doctor.Fail, got["schema"].Status, "the schema cannot be read without a key: %s", out)
}

func TestDoctorClock(t *testing.T) {
	tests := []struct {
		name string
		skew time.Duration // Buffer's clock minus ours
		want doctor.Status
		says string
	}{
		{name: "agrees", skew: 0, want: doctor.OK, says: "agrees"},
		{name: "a little behind Buffer's", skew: 30 * time.Second, want: doctor.OK, says: "30s behind"},
		{name: "ten minutes ahead of Buffer's", skew: -10 * time.Minute, want: doctor.Fail, says: "10m0s ahead of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := serveSandbox(t, sandbox.Options{Now: func() time.Time { return time.Now().Add(tt.skew) }}, nil)
			got, out, _ := run(t, url, sandbox.DefaultKey)
			assert.Equal(t, tt.want, got["clock"].Status, out)
			assert.Contains(t, got["clock"].Summary, tt.says)
		})
	}
}

func TestDoctorRateLimit(t *testing.T) {
	tests := []struct {
		name      string
		remaining string
		want      doctor.Status
		says      string
	}{
		{name: "plenty left", remaining: "97", want: doctor.OK, says: "97 of 100 requests left in the 15m window (resets in 14m0s)"},
		{name: "low", remaining: "5", want: doctor.Warn, says: "the budget is low"},
		{name: "spent", remaining: "0", want: doctor.Fail, says: "the budget is spent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := serveSandbox(t, sandbox.Options{}, func(next http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("RateLimit", `"100-in-15min";r=`+tt.remaining+`;t=840`)
					w.Header().Set("RateLimit-Policy", `"100-in-15min";q=100;w=900`)
					next.ServeHTTP(w, r)
				})
			})
			got, out, _ := run(t, url, sandbox.DefaultKey)
			assert.Equal(t, tt.want, got["rate limit"].Status, out)
			assert.Contains(t, got["rate limit"].Summary, tt.says)
		})
	}
}

func TestDoctorWithoutAnAnswer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more

	got, out, ok := run(t, url, "k")
	assert.False(t, ok, out)
	for _, name := range []string{"key", "clock", "schema", "rate limit"} {
		assert.Equal(t, doctor.Fail, got[name].Status, "%s: %s", name, out)
	}
	assert.Contains(t, got["key"].Summary, "UpstreamUnavailable")
}

// A server older than includeDeprecated on args and inputFields refuses doctor's query as
// invalid; doctor asks again without, and the check still runs.
func TestDoctorWithAnOlderIntrospection(t *testing.T) {
	var asked []string
	url := serveSandbox(t, sandbox.Options{}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if bytes.Contains(body, []byte("__schema")) {
				asked = append(asked, string(body))
				if bytes.Contains(body, []byte("inputFields(includeDeprecated")) {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusBadRequest)
					_, _ = io.WriteString(w, `{"errors":[{"message":"Unknown argument \"includeDeprecated\" on field \"__Type.inputFields\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	})
	got, out, ok := run(t, url, sandbox.DefaultKey)
	assert.True(t, ok, out)
	assert.Equal(t, doctor.OK, got["schema"].Status, out)
	require.Len(t, asked, 2)
	assert.NotContains(t, asked[1], "includeDeprecated: true) {...InputValue}")
	assert.NotContains(t, asked[1], "inputFields(includeDeprecated")
}
