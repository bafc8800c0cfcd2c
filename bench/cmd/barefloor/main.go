// Command barefloor is the floor for buffer-mcp's cold start and idle memory: a bare
// mcp-go server on stdio with eight tools named and shaped like SPEC §3's, registered with
// mcp.NewTool, each answering a constant. Nothing else: no HTTP client, no schemas from
// types, no logging. bench/cmd/figures -only coldstart measures it beside buffer-mcp.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("barefloor", "1", server.WithToolCapabilities(false))
	id := func(name string) mcp.ToolOption {
		return mcp.WithString(name, mcp.Required(), mcp.Description("An id."))
	}
	tools := []mcp.Tool{
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
	for _, t := range tools {
		s.AddTool(t, func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return mcp.NewToolResultText("ok"), nil
		})
	}
	if err := server.ServeStdio(s); err != nil {
		fmt.Fprintln(os.Stderr, "barefloor:", err)
		os.Exit(1)
	}
}
