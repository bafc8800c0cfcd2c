package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/Khan/genqlient/graphql"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// Overhead is what one list_posts costs through the server over stdio, through the floor
// proxy over stdio, and as the same GraphQL request sent straight to the sandbox, call by
// call; with one answer of the server and of the floor proxy, to compare their size.
type Overhead struct {
	ViaServer, FloorProxy, Direct  []time.Duration
	ServerAnswer, FloorProxyAnswer Answer
}

// Answer is one list_posts answer: its line's length and the posts it lists.
type Answer struct{ Bytes, Posts int }

// bearer adds the sandbox's key to every request.
type bearer struct{ next http.RoundTripper }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+sandbox.DefaultKey)
	return b.next.RoundTrip(r)
}

// MeasureOverhead starts `bin sandbox --addr 127.0.0.1:0` as the fake Buffer, `bin` on
// stdio (default mode, BUFFER_API_URL at the sandbox) and floorProxy (bench/cmd/barefloor
// built with -tags floorproxy) on stdio as `-proxy` to the sandbox. Then, in warm + n
// rounds, it times list_posts {organizationId, first: 20} through the server, the same
// call through the floor proxy, and the same ListPosts request sent by a plain genqlient
// client (one keep-alive connection) straight to the sandbox; the warm rounds are not kept.
func MeasureOverhead(ctx context.Context, bin, floorProxy string, n, warm int) (Overhead, error) {
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
	const timeout = 10 * time.Second
	srv, err := startInitialized(bin, nil, []string{"BUFFER_API_URL=" + url, "BUFFER_API_KEY=" + sandbox.DefaultKey}, timeout)
	if err != nil {
		return o, err
	}
	defer srv.Stop()
	fp, err := startFloorProxy(floorProxy, url, timeout)
	if err != nil {
		return o, fmt.Errorf("floor proxy: %w", err)
	}
	defer fp.Stop()

	params := listPostsParams(org)
	if o.ServerAnswer, err = firstAnswer(srv, params, timeout); err != nil {
		return o, err
	}
	if o.FloorProxyAnswer, err = firstAnswer(fp, params, timeout); err != nil {
		return o, fmt.Errorf("floor proxy: %w", err)
	}
	if o.FloorProxyAnswer.Posts != o.ServerAnswer.Posts {
		return o, fmt.Errorf("the floor proxy answered %d posts, the server %d", o.FloorProxyAnswer.Posts, o.ServerAnswer.Posts)
	}
	stdioCall := func(s *Stdio) func() error {
		return func() error { _, err := s.Call("tools/call", params, timeout); return err }
	}
	input := client.PostsInput{OrganizationId: org, Sort: []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}}}
	err = roundRobin(ctx, n, warm, []contender{
		{"buffer-mcp", stdioCall(srv), &o.ViaServer},
		{"floor proxy", stdioCall(fp), &o.FloorProxy},
		{"straight to the sandbox", func() error { _, err := client.ListPosts(ctx, direct, input, 20, "", false); return err }, &o.Direct},
	})
	if err != nil {
		return o, err
	}
	return o, errors.Join(srv.Stop(), fp.Stop(), sb.Stop())
}

// contender is one way to list the posts, timed call by call into times.
type contender struct {
	name  string
	call  func() error
	times *[]time.Duration
}

// roundRobin makes warm + n rounds, each calling every contender once, and keeps the times
// of the last n. Each round starts with the next contender, so that each takes every place
// in the round equally often and the machine's noise falls on all of them alike.
func roundRobin(ctx context.Context, n, warm int, cs []contender) error {
	for r := range warm + n {
		for k := range cs {
			if err := ctx.Err(); err != nil {
				return err
			}
			c := cs[(r+k)%len(cs)]
			t0 := time.Now()
			err := c.call()
			d := time.Since(t0)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			if r >= warm {
				*c.times = append(*c.times, d)
			}
		}
	}
	return nil
}

// startFloorProxy starts floorBin (bench/cmd/barefloor built with -tags floorproxy) on
// stdio with list_posts forwarding to the sandbox at url, initialized.
func startFloorProxy(floorBin, url string, timeout time.Duration) (*Stdio, error) {
	return startInitialized(floorBin, []string{"-proxy", url}, []string{"BUFFER_API_KEY=" + sandbox.DefaultKey}, timeout)
}

// startInitialized starts an MCP server on stdio and does the handshake.
func startInitialized(bin string, args, env []string, timeout time.Duration) (*Stdio, error) {
	s, err := StartStdio(bin, args, env)
	if err != nil {
		return nil, err
	}
	if err := s.Initialize(timeout); err != nil {
		_ = s.Stop()
		return nil, err
	}
	return s, nil
}

// listPostsParams are the tools/call params of list_posts {organizationId, first: 20}.
func listPostsParams(org string) string {
	return fmt.Sprintf(`{"name":"list_posts","arguments":{"organizationId":%q,"first":20}}`, org)
}

// firstAnswer calls list_posts once and checks that the answer lists posts.
func firstAnswer(s *Stdio, params string, timeout time.Duration) (Answer, error) {
	line, err := s.Call("tools/call", params, timeout)
	if err != nil {
		return Answer{}, err
	}
	posts, err := answerPosts(line)
	return Answer{Bytes: len(line), Posts: posts}, err
}

// answerPosts counts the posts in a list_posts answer line, which must be a result and not
// an error. They are in its structured content: under "posts" as buffer-mcp shapes them,
// or under "edges" in the GraphQL answer's posts, which the floor proxy passes on as sent.
func answerPosts(line []byte) (int, error) {
	var m struct {
		Result *struct {
			IsError           bool `json:"isError"`
			StructuredContent struct {
				Posts []json.RawMessage `json:"posts"`
				Edges []json.RawMessage `json:"edges"`
			} `json:"structuredContent"`
		} `json:"result"`
	}
	if err := json.Unmarshal(line, &m); err != nil {
		return 0, fmt.Errorf("list_posts answer: %w", err)
	}
	if m.Result == nil || m.Result.IsError {
		return 0, fmt.Errorf("list_posts did not answer posts: %.300s", line)
	}
	sc := m.Result.StructuredContent
	if len(sc.Posts)+len(sc.Edges) == 0 {
		return 0, fmt.Errorf("list_posts answered no posts: %.300s", line)
	}
	return len(sc.Posts) + len(sc.Edges), nil
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
