package client

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Khan/genqlient/graphql"
)

// FuzzDecode feeds arbitrary answers (status and body) to the classification, as a query
// and as a mutation decoding into a real generated type: the outcome is success or an
// *Error, never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []struct {
		status int
		body   string
	}{
		{200, `{"data":{"createPost":{"__typename":"PostActionSuccess","post":{"id":"x"}}}}`},
		{200, `{"data":{"createPost":{"__typename":"WeirdError","message":"m"}}}`},
		{200, `{"data":null,"errors":[{"message":"Not authorized","extensions":{"code":"UNAUTHORIZED"}}]}`},
		{429, `{"errors":[{"message":"slow down","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m","retryAfter":900}}]}`},
		{502, `<html>bad gateway</html>`},
		{200, `{"data":{"createPost":`},
		{200, `{}`},
		{400, `{"errors":[{"message":"Cannot query field","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`},
	} {
		f.Add(s.status, s.body, true)
		f.Add(s.status, s.body, false)
	}
	c := New(Config{APIKey: "fuzz-key"})
	f.Fuzz(func(t *testing.T, status int, body string, mutation bool) {
		r := &http.Response{StatusCode: status, Header: http.Header{}}
		r.Header.Set("Retry-After", "7")
		err := c.decode(r, []byte(body), "CreatePost", mutation, &graphql.Response{Data: &CreatePostResponse{}})
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("status %d, body %q: %T %v is not a classified error", status, body, err, err)
		}
		if ce.Type == "" || ce.Message == "" {
			t.Fatalf("status %d, body %q: error without type or message: %+v", status, body, ce)
		}
		if strings.Contains(ce.Message, "fuzz-key") {
			t.Fatalf("the key in a message: %q", ce.Message)
		}
	})
}

// FuzzParseRateLimit feeds arbitrary header values to the rate-limit parsing: it never
// panics, and every window it reads has a name and no negative count.
func FuzzParseRateLimit(f *testing.F) {
	f.Add(`"100-in-15min";r=98;t=897, "250-in-24h";r=240;t=60000`, `"100-in-15min";q=100;w=900`, "", "", "")
	f.Add("", "", "100", "7", "1767225600")
	f.Add(`"a";r=1;t=2;pk=:AAE=:`, `"a";q=1;w=1`, "x", "-1", "abc")
	f.Fuzz(func(t *testing.T, limit, policy, xLimit, xRemaining, xReset string) {
		h := http.Header{}
		h.Set("RateLimit", limit)
		h.Set("RateLimit-Policy", policy)
		h.Set("X-RateLimit-Limit", xLimit)
		h.Set("X-RateLimit-Remaining", xRemaining)
		h.Set("X-RateLimit-Reset", xReset)
		for _, w := range parseRateLimit(h, time.Now()) {
			if w.Remaining < 0 || w.Quota < 0 || w.Reset < 0 && w.Reset != unknownReset || w.Reset > maxResetSeconds*time.Second {
				t.Fatalf("negative window from %q / %q: %+v", limit, policy, w)
			}
		}
	})
}
