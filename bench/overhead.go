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

// Overhead is what one list_posts costs through the server over stdio, through another
// build of it (when one is compared), and as the same GraphQL request sent straight to the
// sandbox, call by call; with one answer of the server, to show its size.
type Overhead struct {
	ViaServer, ViaCompared, Direct []time.Duration
	ServerAnswer                   Answer
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

// MeasureOverhead starts `bin sandbox --addr 127.0.0.1:0` as the fake Buffer and `bin` on
// stdio (default mode, BUFFER_API_URL at the sandbox); with compared (another buffer-mcp
// binary, "" for none), that one too, in the same mode against the same sandbox. Then, in
// warm + n rounds, it times list_posts {organizationId, first: 20} through each server and
// the same ListPosts request sent by a plain genqlient client (one keep-alive connection)
// straight to the sandbox; the warm rounds are not kept.
func MeasureOverhead(ctx context.Context, bin, compared string, n, warm int) (Overhead, error) {
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
	env := []string{"BUFFER_API_URL=" + url, "BUFFER_API_KEY=" + sandbox.DefaultKey, "BUFFER_MCP_SANDBOX=", "BUFFER_MCP_TRANSPORT="}
	params := listPostsParams(org)
	stdioCall := func(s *Stdio) func() error {
		return func() error { _, err := s.Call("tools/call", params, timeout); return err }
	}
	srv, err := startInitialized(bin, nil, env, timeout)
	if err != nil {
		return o, err
	}
	defer srv.Stop()
	if o.ServerAnswer, err = firstAnswer(srv, params, timeout); err != nil {
		return o, err
	}
	input := client.PostsInput{OrganizationId: org, Sort: []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}}}
	contenders := []contender{
		{"buffer-mcp", stdioCall(srv), &o.ViaServer},
		{"straight to the sandbox", func() error { _, err := client.ListPosts(ctx, direct, input, 20, "", false); return err }, &o.Direct},
	}
	stops := []func() error{srv.Stop}
	if compared != "" {
		cmp, err := startInitialized(compared, nil, env, timeout)
		if err != nil {
			return o, fmt.Errorf("compared: %w", err)
		}
		defer cmp.Stop()
		answer, err := firstAnswer(cmp, params, timeout)
		if err != nil {
			return o, fmt.Errorf("compared: %w", err)
		}
		if answer.Posts != o.ServerAnswer.Posts {
			return o, fmt.Errorf("the compared build answered %d posts, buffer-mcp %d", answer.Posts, o.ServerAnswer.Posts)
		}
		contenders = append(contenders, contender{"compared", stdioCall(cmp), &o.ViaCompared})
		stops = append(stops, cmp.Stop)
	}
	if err := roundRobin(ctx, n, warm, contenders); err != nil {
		return o, err
	}
	var errs []error
	for _, stop := range append(stops, sb.Stop) {
		errs = append(errs, stop())
	}
	return o, errors.Join(errs...)
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
// an error: those under "posts" in its structured content.
func answerPosts(line []byte) (int, error) {
	var m struct {
		Result *struct {
			IsError           bool `json:"isError"`
			StructuredContent struct {
				Posts []json.RawMessage `json:"posts"`
			} `json:"structuredContent"`
		} `json:"result"`
	}
	if err := json.Unmarshal(line, &m); err != nil {
		return 0, fmt.Errorf("list_posts answer: %w", err)
	}
	if m.Result == nil || m.Result.IsError {
		return 0, fmt.Errorf("list_posts did not answer posts: %.300s", line)
	}
	posts := m.Result.StructuredContent.Posts
	if len(posts) == 0 {
		return 0, fmt.Errorf("list_posts answered no posts: %.300s", line)
	}
	return len(posts), nil
}
