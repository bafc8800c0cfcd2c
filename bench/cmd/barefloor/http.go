//go:build floorhttp

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func init() { twentyPosts, serveHTTP = fixedPage, serveStreamableHTTP }

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

// serveStreamableHTTP serves Streamable HTTP at /mcp on addr until SIGINT or SIGTERM.
func serveStreamableHTTP(s *server.MCPServer, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/mcp", server.NewStreamableHTTPServer(s))
	srv := &http.Server{Handler: mux}
	fmt.Printf("http://%s/mcp\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
