//go:build floorproxy

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func init() { forwardListPosts = newProxy }

// proxy is list_posts done the least way a server in front of Buffer can: build the
// request, send it, read the answer, hand back its posts as they came.
type proxy struct {
	url, key string
	http     *http.Client
}

// newProxy returns list_posts sending to the GraphQL endpoint at url with the key in
// BUFFER_API_KEY, as buffer-mcp is configured.
func newProxy(url string) server.ToolHandlerFunc {
	// One connection, kept alive from call to call, as buffer-mcp's client keeps one.
	rt := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}
	return proxyVia(url, os.Getenv("BUFFER_API_KEY"), rt)
}

// proxyVia returns list_posts sending to url with key through rt.
func proxyVia(url, key string, rt http.RoundTripper) server.ToolHandlerFunc {
	p := &proxy{url: url, key: key, http: &http.Client{Transport: rt, Timeout: 10 * time.Second}}
	return p.listPosts
}

func (p *proxy) listPosts(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	body, err := listPostsBody(ctx, req.GetString("organizationId", ""), req.GetInt("first", 20))
	if err != nil {
		return nil, err
	}
	posts, err := p.send(ctx, body)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// The posts twice, as structured content and as text, as buffer-mcp answers them.
	return &mcp.CallToolResult{
		Content:           []mcp.Content{mcp.NewTextContent(string(posts))},
		StructuredContent: posts,
	}, nil
}

// send POSTs body and returns the answer's data.posts as sent, not decoded.
func (p *proxy) send(ctx context.Context, body []byte) (json.RawMessage, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	r.Header.Set("Authorization", "Bearer "+p.key)
	r.Header.Set("Content-Type", "application/json")
	resp, err := p.http.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body) // to the end, so that the connection is reused
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.300s", resp.StatusCode, raw)
	}
	var answer struct {
		Data struct {
			Posts json.RawMessage `json:"posts"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, err
	}
	if len(answer.Data.Posts) == 0 || string(answer.Data.Posts) == "null" {
		return nil, fmt.Errorf("no posts in the answer: %.300s", raw)
	}
	return answer.Data.Posts, nil
}

// listPostsBody is the body buffer-mcp sends for list_posts {organizationId, first} with no
// filter (newest first): built by the same generated ListPosts, and marshalled as
// buffer-mcp's client marshals it (the *graphql.Request as it is), so that it is the
// same bytes.
func listPostsBody(ctx context.Context, org string, first int) ([]byte, error) {
	var b requestBody
	input := client.PostsInput{
		OrganizationId: org,
		Sort:           []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}},
	}
	_, err := client.ListPosts(ctx, &b, input, first, "", false)
	return b, err
}

// requestBody is a graphql.Client that sends nothing: it keeps the marshalled request.
type requestBody []byte

func (b *requestBody) MakeRequest(_ context.Context, req *graphql.Request, _ *graphql.Response) (err error) {
	*b, err = json.Marshal(req)
	return err
}
