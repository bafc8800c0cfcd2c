package bench

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// Overhead is what one list_posts costs through the server over stdio, and the same
// GraphQL request sent straight to the sandbox, call by call.
type Overhead struct {
	ViaServer, Direct []time.Duration
}

// bearer adds the sandbox's key to every request.
type bearer struct{ next http.RoundTripper }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+sandbox.DefaultKey)
	return b.next.RoundTrip(r)
}

// MeasureOverhead starts `bin sandbox --addr 127.0.0.1:0` as the fake Buffer and `bin` on
// stdio (default mode, BUFFER_API_URL at the sandbox), then alternates n calls of
// list_posts {organizationId, first: 20} through the server with n of the same ListPosts
// request sent by a plain genqlient client (one keep-alive connection) to the sandbox,
// after warm calls of each.
func MeasureOverhead(ctx context.Context, bin string, n, warm int) (Overhead, error) {
	var o Overhead
	sb, err := Start(bin, "sandbox", "--addr", "127.0.0.1:0")
	if err != nil {
		return o, err
	}
	defer sb.Stop()
	url := sb.Base + "/"
	direct := graphql.NewClient(url, &http.Client{Transport: bearer{http.DefaultTransport}, Timeout: 10 * time.Second})
	acct, err := client.GetAccount(ctx, direct)
	if err != nil {
		return o, fmt.Errorf("the sandbox's account: %w", err)
	}
	if len(acct.Account.Organizations) == 0 {
		return o, fmt.Errorf("the sandbox has no organization")
	}
	org := acct.Account.Organizations[0].Id
	srv, err := StartStdio(bin, nil, []string{"BUFFER_API_URL=" + url, "BUFFER_API_KEY=" + sandbox.DefaultKey})
	if err != nil {
		return o, err
	}
	defer srv.Stop()
	const timeout = 10 * time.Second
	if err := srv.Initialize(timeout); err != nil {
		return o, err
	}
	params := fmt.Sprintf(`{"name":"list_posts","arguments":{"organizationId":%q,"first":20}}`, org)
	input := client.PostsInput{OrganizationId: org, Sort: []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}}}
	for i := -warm; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return o, err
		}
		t0 := time.Now()
		line, err := srv.Call("tools/call", params, timeout)
		d := time.Since(t0)
		if err != nil {
			return o, err
		}
		if i == -warm && !containsAll(string(line), `"structuredContent"`, `"posts"`) {
			return o, fmt.Errorf("list_posts did not answer posts: %.300s", line)
		}
		t1 := time.Now()
		if _, err := client.ListPosts(ctx, direct, input, 20, ""); err != nil {
			return o, fmt.Errorf("ListPosts straight to the sandbox: %w", err)
		}
		dd := time.Since(t1)
		if i >= 0 {
			o.ViaServer = append(o.ViaServer, d)
			o.Direct = append(o.Direct, dd)
		}
	}
	if err := srv.Stop(); err != nil {
		return o, err
	}
	return o, sb.Stop()
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// MeasureStdioFloor times n calls (after warm ones) of a tool that answers a constant on
// the bare mcp-go server (bench/cmd/barefloor) over stdio: what the protocol, the pipes and
// the process hops cost with no work at all. With page, the tool is list_posts answering a
// fixed page as large as buffer-mcp's (barefloor -page): the same, for as many bytes.
func MeasureStdioFloor(ctx context.Context, floorBin string, page bool, n, warm int) ([]time.Duration, error) {
	args, call := []string(nil), `{"name":"get_account","arguments":{}}`
	if page {
		args, call = []string{"-page"}, `{"name":"list_posts","arguments":{}}`
	}
	srv, err := StartStdio(floorBin, args, nil)
	if err != nil {
		return nil, err
	}
	defer srv.Stop()
	const timeout = 10 * time.Second
	if err := srv.Initialize(timeout); err != nil {
		return nil, err
	}
	var out []time.Duration
	for i := -warm; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		if _, err := srv.Call("tools/call", call, timeout); err != nil {
			return nil, err
		}
		if i >= 0 {
			out = append(out, time.Since(t0))
		}
	}
	return out, srv.Stop()
}
