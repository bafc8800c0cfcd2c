package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/tiktoken-go/tokenizer"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// SpecTools are the eight tools of SPEC §3, whose definitions the first token target was
// about.
var SpecTools = []string{"get_account", "list_channels", "get_channel", "list_posts", "get_post", "create_post", "edit_post", "delete_post"}

// ToolCost is what one tool of tools/list costs. What the model sees is its name,
// description and input schema, as the JSON object {"name","description","inputSchema"}
// the server sends; its output schema, which clients use to check results and most do not
// show the model, is counted apart.
type ToolCost struct {
	Name                      string
	Tokens, Bytes             int // o200k_base tokens and bytes of {name, description, inputSchema}
	OutputTokens, OutputBytes int // of the outputSchema, as listed
}

// ToolList is what one tools/list answer costs, tool by tool, in the order listed.
type ToolList struct {
	Tools []ToolCost

	seen, output []string // the JSON of each tool's ToolCost parts, for Total
}

// ResultCost is one list_posts result for the fixture (FixturePosts scheduled posts).
type ResultCost struct {
	StructuredTokens, StructuredBytes int // structuredContent, as JSON
	TextTokens, TextBytes             int // the text content(s), concatenated
	WholeBytes                        int // the whole JSON-RPC result, as sent

	// FloorTokens is what no layout can drop: each post's id, channelId, text and dueAt
	// (the values alone, as one JSON array of arrays, no keys and no other field).
	FloorTokens int
}

// FixturePosts, FixtureTextLen: the list_posts fixture is this many scheduled posts, each
// with 24-hex ids and a text of this many characters.
const (
	FixturePosts   = 20
	FixtureTextLen = 160
)

// Tokens counts with o200k_base (embedded in github.com/tiktoken-go/tokenizer: offline).
func Tokens(s string) (int, error) {
	codec, err := tokenizer.Get(tokenizer.O200kBase)
	if err != nil {
		return 0, err
	}
	return codec.Count(s)
}

// ListTools asks the real server (tools.NewServer, in process) offering the tools sel
// keeps for tools/list, and measures each tool listed.
func ListTools(ctx context.Context, sel tools.Selection) (ToolList, error) {
	var l ToolList
	srv, err := newServer(fixtureGQL{}, sel)
	if err != nil {
		return l, err
	}
	b, err := json.Marshal(srv.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)))
	if err != nil {
		return l, err
	}
	var resp struct {
		Result struct {
			Tools []struct {
				Name         string          `json:"name"`
				Description  string          `json:"description"`
				InputSchema  json.RawMessage `json:"inputSchema"`
				OutputSchema json.RawMessage `json:"outputSchema"`
			} `json:"tools"`
		} `json:"result"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		return l, err
	}
	if len(resp.Result.Tools) == 0 {
		return l, fmt.Errorf("tools/list answered no tools: %s", b)
	}
	for _, t := range resp.Result.Tools {
		seen, err := json.Marshal(struct {
			Name        string          `json:"name"`
			Description string          `json:"description"`
			InputSchema json.RawMessage `json:"inputSchema"`
		}{t.Name, t.Description, t.InputSchema})
		if err != nil {
			return l, err
		}
		c := ToolCost{Name: t.Name, Bytes: len(seen), OutputBytes: len(t.OutputSchema)}
		if c.Tokens, err = Tokens(string(seen)); err != nil {
			return l, err
		}
		if c.OutputTokens, err = Tokens(string(t.OutputSchema)); err != nil {
			return l, err
		}
		l.Tools = append(l.Tools, c)
		l.seen, l.output = append(l.seen, string(seen)), append(l.output, string(t.OutputSchema))
	}
	return l, nil
}

// Total is the cost of the tools named (all listed when names is nil), each part counted
// as one JSON array of the tools' objects, as a model would read them together. It fails
// on a name that was not listed.
func (l ToolList) Total(names []string) (ToolCost, error) {
	var seen, output []string
	for i, t := range l.Tools {
		if names == nil || slices.Contains(names, t.Name) {
			seen, output = append(seen, l.seen[i]), append(output, l.output[i])
		}
	}
	if names != nil && len(seen) != len(names) {
		return ToolCost{}, fmt.Errorf("of the %d tools named, tools/list listed %d", len(names), len(seen))
	}
	c := ToolCost{Name: fmt.Sprintf("%d tools", len(seen))}
	s, o := "["+strings.Join(seen, ",")+"]", "["+strings.Join(output, ",")+"]"
	c.Bytes, c.OutputBytes = len(s), len(o)
	var err error
	if c.Tokens, err = Tokens(s); err != nil {
		return c, err
	}
	c.OutputTokens, err = Tokens(o)
	return c, err
}

// IDs makes the fixture's 24-hex ids: kind says which sort (0xA organization, 0xB post,
// 0xC channel), n which one.
type IDs func(kind, n int) string

// PatternIDs are the fixture's usual ids: a fixed pattern that alternates letters and
// digits, which the tokenizer splits into many pieces (about 24 tokens an id with quotes).
var PatternIDs IDs = hexID

// ObjectIDs are ids as Buffer makes them (MongoDB ObjectIds: 4 bytes of creation time, 5
// random, 3 of a counter), from a fixed seed: about 15 tokens an id, as real ones cost.
var ObjectIDs IDs = func(kind, n int) string {
	r := rand.New(rand.NewPCG(uint64(kind), uint64(n)))
	return fmt.Sprintf("692a%04x%010x%06x", r.IntN(1<<16), r.Uint64()&(1<<40-1), 0x1a2b00+n)
}

// ListPostsCost calls list_posts {"organizationId": …, "status": ["scheduled"]} on the
// real server in process, with Buffer answering the fixture made with ids, and measures
// the result.
func ListPostsCost(ctx context.Context, ids IDs) (ResultCost, error) {
	var c ResultCost
	srv, err := newServer(fixtureGQL{ids}, tools.Selection{})
	if err != nil {
		return c, err
	}
	msg := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_posts","arguments":{"organizationId":%q,"status":["scheduled"]}}}`, ids(0xA, 0))
	b, err := json.Marshal(srv.HandleMessage(ctx, json.RawMessage(msg)))
	if err != nil {
		return c, err
	}
	var resp struct {
		Result *mcp.CallToolResult `json:"result"`
	}
	if err := json.Unmarshal(b, &resp); err != nil || resp.Result == nil {
		return c, fmt.Errorf("list_posts: %v: %s", err, b)
	}
	if resp.Result.IsError {
		return c, fmt.Errorf("list_posts answered an error: %s", b)
	}
	var sc json.RawMessage
	if raw, ok := resp.Result.StructuredContent.(json.RawMessage); ok {
		sc = raw
	} else if sc, err = json.Marshal(resp.Result.StructuredContent); err != nil {
		return c, err
	}
	var posts struct {
		Posts []struct {
			ID, ChannelID, Text, DueAt string
		} `json:"posts"`
	}
	if err := json.Unmarshal(sc, &posts); err != nil || len(posts.Posts) != FixturePosts {
		return c, fmt.Errorf("list_posts gave %d posts, want %d (%v): %s", len(posts.Posts), FixturePosts, err, sc)
	}
	var text strings.Builder
	for _, ct := range resp.Result.Content {
		if tc, ok := ct.(mcp.TextContent); ok {
			text.WriteString(tc.Text)
		}
	}
	c.StructuredBytes, c.TextBytes, c.WholeBytes = len(sc), text.Len(), len(b)
	if c.StructuredTokens, err = Tokens(string(sc)); err != nil {
		return c, err
	}
	if c.TextTokens, err = Tokens(text.String()); err != nil {
		return c, err
	}
	var floor [][]string
	for _, p := range posts.Posts {
		floor = append(floor, []string{p.ID, p.ChannelID, p.Text, p.DueAt})
	}
	fb, err := json.Marshal(floor)
	if err != nil {
		return c, err
	}
	c.FloorTokens, err = Tokens(string(fb))
	return c, err
}

// hexID is a 24-hex id like Buffer's: kind picks the leading digit, n the rest.
func hexID(kind, n int) string { return fmt.Sprintf("%x65a1f3c%016x", kind, 0xb4d5e6f7a8b9c0+n) }

// fixtureText is a post of exactly FixtureTextLen characters, different for each n.
func fixtureText(n int) string {
	s := fmt.Sprintf("Post %d of the week: our spring collection is live, with free shipping over $50 and new colours in every size. Tell us which one you like best! #spring ", n+1)
	for len(s) < FixtureTextLen {
		s += "x"
	}
	return s[:FixtureTextLen]
}

// fixtureGQL is Buffer answering ListPosts with the fixture; other operations fail.
type fixtureGQL struct{ ids IDs }

func (f fixtureGQL) MakeRequest(_ context.Context, req *graphql.Request, resp *graphql.Response) error {
	if req.OpName != "ListPosts" {
		return fmt.Errorf("fixture: no answer for %s", req.OpName)
	}
	type node struct {
		ID             string  `json:"id"`
		ChannelID      string  `json:"channelId"`
		ChannelService string  `json:"channelService"`
		Status         string  `json:"status"`
		Text           string  `json:"text"`
		DueAt          string  `json:"dueAt"`
		SentAt         *string `json:"sentAt"`
		CreatedAt      string  `json:"createdAt"`
		ExternalLink   *string `json:"externalLink"`
		Error          *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	type edge struct {
		Node node `json:"node"`
	}
	var data struct {
		Posts struct {
			Edges    []edge `json:"edges"`
			PageInfo struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
		} `json:"posts"`
	}
	services := []string{"twitter", "linkedin", "instagram", "facebook"}
	for i := range FixturePosts {
		data.Posts.Edges = append(data.Posts.Edges, edge{Node: node{
			ID:             f.ids(0xB, i),
			ChannelID:      f.ids(0xC, i%4),
			ChannelService: services[i%4],
			Status:         "scheduled",
			Text:           fixtureText(i),
			DueAt:          fmt.Sprintf("2026-12-%02dT%02d:30:00.000Z", 1+i/3, 9+i%3*4),
			CreatedAt:      fmt.Sprintf("2026-11-%02dT10:%02d:00.000Z", 1+i, i*2),
		}})
	}
	data.Posts.PageInfo.HasNextPage = true
	data.Posts.PageInfo.EndCursor = "MjA6ZjNhYjljMmQ0ZTVm"
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, resp.Data)
}
