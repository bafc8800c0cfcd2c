// Command barefloor is the floor for buffer-mcp's figures: a bare mcp-go server with eight
// tools named and shaped like SPEC §3's, registered with mcp.NewTool, each answering a
// constant. Nothing else: no HTTP client, no schemas from types, no logging.
//
// On stdio (the default) it is the floor of the coldstart and overhead figures, and its
// tools answer "ok". With -page, list_posts answers a fixed result of the size of
// buffer-mcp's 20-post answer (structured content and the same JSON as text), so that the
// protocol and the pipes carry as many bytes as they do for buffer-mcp. Built with -tags
// floorhttp and run with -http ADDR it serves Streamable HTTP at /mcp (printing the URL
// first), the floor of the throughput figure, list_posts answering that page. Built with
// -tags floorproxy and run with -proxy URL, list_posts sends buffer-mcp's ListPosts request
// to the GraphQL endpoint at URL and answers its posts as they came (proxy.go): the floor of
// the overhead figure for a server that has to ask Buffer; with -tags floorsandbox as well
// and run with -sandbox, that request goes to a sandbox embedded in the process, as
// buffer-mcp --sandbox does (sandbox.go). Built with -tags floordefs, its tools are
// buffer-mcp's own definitions (descriptions, input and output schemas, annotations)
// instead of its eight bare ones (defs.go). Linked together and not used, these parts make
// the cold-start figure's floor with what the SPEC puts in every buffer-mcp. They are
// behind tags so that the stdio floor links no more than a stdio server needs.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	addr := flag.String("http", "", "serve Streamable HTTP on this address instead of stdio (a -tags floorhttp build)")
	page := flag.Bool("page", false, "list_posts answers a fixed 20-post page (always with -http)")
	proxyURL := flag.String("proxy", "", "list_posts forwards buffer-mcp's ListPosts request to this GraphQL URL, key from BUFFER_API_KEY (a -tags floorproxy build)")
	sandboxed := flag.Bool("sandbox", false, "list_posts forwards that request to an embedded sandbox, as buffer-mcp --sandbox does (a -tags floorproxy,floorsandbox build)")
	flag.Parse()
	if err := run(*addr, *page, *proxyURL, *sandboxed); err != nil {
		fmt.Fprintln(os.Stderr, "barefloor:", err)
		os.Exit(1)
	}
}

// run serves the floor on stdio, or over HTTP on addr, its list_posts as the flags say.
func run(addr string, page bool, proxyURL string, sandboxed bool) error {
	var listPosts server.ToolHandlerFunc
	var err error
	switch {
	case sandboxed && forwardToSandbox == nil:
		return errors.New("-sandbox needs a build with -tags floorproxy,floorsandbox")
	case sandboxed:
		if listPosts, err = forwardToSandbox(); err != nil {
			return err
		}
	case proxyURL != "" && forwardListPosts == nil:
		return errors.New("-proxy needs a build with -tags floorproxy")
	case proxyURL != "":
		listPosts = forwardListPosts(proxyURL)
	case page || addr != "":
		listPosts = fixedPage()
	}
	s := server.NewMCPServer("barefloor", "1", server.WithToolCapabilities(false))
	tools := bareTools()
	if bufferMCPTools != nil {
		tools = bufferMCPTools()
	}
	ok := func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return mcp.NewToolResultText("ok"), nil
	}
	for _, t := range tools {
		h := ok
		if t.Name == "list_posts" && listPosts != nil {
			h = listPosts
		}
		s.AddTool(t, h)
	}
	switch {
	case addr != "" && serveHTTP == nil:
		return errors.New("-http needs a build with -tags floorhttp")
	case addr != "":
		return serveHTTP(s, addr)
	default:
		return server.ServeStdio(s)
	}
}

// bareTools are the floor's own eight tools: SPEC §3's names, a few arguments each.
func bareTools() []mcp.Tool {
	id := func(name string) mcp.ToolOption {
		return mcp.WithString(name, mcp.Required(), mcp.Description("An id."))
	}
	return []mcp.Tool{
		mcp.NewTool("get_account", mcp.WithDescription("The account and its organizations.")),
		mcp.NewTool("list_channels", mcp.WithDescription("The channels."), mcp.WithString("organizationId", mcp.Description("An id."))),
		mcp.NewTool("get_channel", mcp.WithDescription("One channel."), id("channelId")),
		mcp.NewTool("list_posts", mcp.WithDescription("Posts."),
			mcp.WithString("organizationId", mcp.Description("An id.")),
			mcp.WithArray("channelIds", mcp.Description("Ids."), mcp.WithStringItems()),
			mcp.WithArray("status", mcp.Description("Statuses."), mcp.WithStringEnumItems([]string{"draft", "scheduled", "sent", "error"})),
			mcp.WithNumber("first", mcp.Description("Page size."), mcp.Min(1), mcp.Max(100)),
			mcp.WithString("after", mcp.Description("Cursor."))),
		mcp.NewTool("get_post", mcp.WithDescription("One post."), id("postId")),
		mcp.NewTool("create_post", mcp.WithDescription("Create a post."), id("channelId"),
			mcp.WithString("text", mcp.Description("Text.")),
			mcp.WithString("mode", mcp.Description("Mode."), mcp.Enum("addToQueue", "shareNext", "shareNow", "customScheduled")),
			mcp.WithString("dueAt", mcp.Description("When."))),
		mcp.NewTool("edit_post", mcp.WithDescription("Edit a post."), id("postId"),
			mcp.WithString("text", mcp.Description("Text.")),
			mcp.WithString("dueAt", mcp.Description("When."))),
		mcp.NewTool("delete_post", mcp.WithDescription("Delete a post."), id("postId")),
	}
}

// bufferMCPTools returns the tool definitions buffer-mcp offers by default instead of bareTools;
// defs.go sets it in a -tags floordefs build.
var bufferMCPTools func() []mcp.Tool

// serveHTTP serves the HTTP floor; http.go sets it in a -tags floorhttp build.
var serveHTTP func(s *server.MCPServer, addr string) error

// forwardListPosts returns list_posts sending its request to the GraphQL endpoint at url;
// proxy.go sets it in a -tags floorproxy build.
var forwardListPosts func(url string) server.ToolHandlerFunc

// forwardToSandbox returns list_posts sending its request to a sandbox embedded in this
// process; sandbox.go sets it in a -tags floorproxy,floorsandbox build, which links the
// sandbox's GraphQL engine as buffer-mcp's default build does.
var forwardToSandbox func() (server.ToolHandlerFunc, error)

// fixedPage answers a fixed page of 20 posts, shaped and sized like buffer-mcp's.
func fixedPage() server.ToolHandlerFunc {
	type post struct {
		ID             string `json:"id"`
		ChannelID      string `json:"channelId"`
		ChannelService string `json:"channelService"`
		Status         string `json:"status"`
		Text           string `json:"text"`
		DueAt          string `json:"dueAt"`
		CreatedAt      string `json:"createdAt"`
	}
	var page struct {
		Posts    []post `json:"posts"`
		PageInfo struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
	}
	for i := range 20 {
		page.Posts = append(page.Posts, post{
			ID: fmt.Sprintf("64d0000000000000000%05x", i), ChannelID: "64c0000000000000000000c1",
			ChannelService: "linkedin", Status: "scheduled",
			Text:  strings.Repeat("A post about the \"launch\" of something, with some words in it. ", 2)[:100],
			DueAt: "2026-12-01T09:00:00.000Z", CreatedAt: "2026-11-20T10:00:00.000Z",
		})
	}
	page.PageInfo.HasNextPage, page.PageInfo.EndCursor = true, "64d000000000000000000013"
	body, _ := json.Marshal(page)
	return func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent(string(body))},
			StructuredContent: json.RawMessage(body),
		}, nil
	}
}
