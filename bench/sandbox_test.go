package bench

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// BenchmarkSandboxListPosts is the sandbox's share of one list_posts call, the part of the
// throughput figure that a real Buffer would do on its own machines: the ListPosts request
// that buffer-mcp sends for list_posts {"first":20}, answered through the in-process
// transport (request read, operation executed by graphql-go, answer written). On its own
// ("sandbox") and with buffer-mcp's Buffer client sending it and decoding the answer
// ("client+sandbox").
func BenchmarkSandboxListPosts(b *testing.B) {
	sb, err := sandbox.New(sandbox.Options{Key: sandbox.DefaultKey})
	if err != nil {
		b.Fatal(err)
	}
	rec := &lastRequestTransport{next: sb.Transport()}
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "bench", Transport: rec})
	account, err := client.GetAccount(b.Context(), gql)
	if err != nil {
		b.Fatal(err)
	}
	input := client.PostsInput{OrganizationId: account.Account.Organizations[0].Id}
	if _, err := client.ListPosts(b.Context(), gql, input, 20, "", false); err != nil {
		b.Fatal(err)
	}
	body, header := rec.body, rec.header

	b.Run("sandbox", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			req, _ := http.NewRequestWithContext(b.Context(), http.MethodPost, "http://sandbox.invalid/", bytes.NewReader(body))
			req.Header = header
			resp, err := sb.Transport().RoundTrip(req)
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatal(err, resp)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
	})
	b.Run("client+sandbox", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := client.ListPosts(b.Context(), gql, input, 20, "", false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// lastRequestTransport keeps the last request's body and headers.
type lastRequestTransport struct {
	next   http.RoundTripper
	body   []byte
	header http.Header
}

func (t *lastRequestTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		t.body, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(t.body))
	}
	t.header = req.Header.Clone()
	return t.next.RoundTrip(req)
}
