package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/bench"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

func init() { figures = append(figures, figure{"tokens", tokens}) }

// tokens prints what the tool definitions and one list_posts result cost in the model's
// context, in o200k_base tokens and in bytes.
func tokens(ctx context.Context, _ *options) error {
	fmt.Printf("== Tokens: what the model pays for ==\n")
	fmt.Printf("how: the real server (tools.NewServer, in process) answers tools/list; each tool's\n")
	fmt.Printf("     {name, description, inputSchema} is re-marshalled as JSON and counted with\n")
	fmt.Printf("     o200k_base (github.com/tiktoken-go/tokenizer, offline); totals count the JSON array\n")
	fmt.Printf("     of those objects. Output schemas, titles and annotations are not counted (most\n")
	fmt.Printf("     clients do not show them to the model); each output schema is shown apart.\n")
	per, all, err := bench.ToolListCosts(ctx, tools.Selection{Toolsets: []string{tools.ToolsetAll}})
	if err != nil {
		return err
	}
	fmt.Printf("\n  %-28s %-9s %7s %7s   %s\n", "tool", "toolset", "tokens", "bytes", "output schema: tokens, bytes")
	for _, ts := range tools.Toolsets {
		for _, t := range per {
			if tools.ToolsetOf(t.Name) == ts {
				fmt.Printf("  %-28s %-9s %7d %7d   %6d %7d\n", t.Name, ts, t.Tokens, t.Bytes, t.OutputTokens, t.OutputBytes)
			}
		}
	}
	fmt.Printf("\n  %-48s %6s %7s %7s\n", "totals (one JSON array each)", "tools", "tokens", "bytes")
	total := func(label string, names []string, note string) error {
		c, err := bench.SumTools(per, all, names)
		if err != nil {
			return err
		}
		n := len(per)
		if names != nil {
			n = len(names)
		}
		fmt.Println(strings.TrimRight(fmt.Sprintf("  %-48s %6d %7d %7d   %s", label, n, c.Tokens, c.Bytes, note), " "))
		return nil
	}
	for _, ts := range tools.Toolsets {
		if err := total("toolset "+ts, inToolsets(per, ts), ""); err != nil {
			return err
		}
	}
	if err := total("the eight of SPEC §3", bench.SpecTools, "(target ≤ 1,600 tokens)"); err != nil {
		return err
	}
	defaults := inToolsets(per, tools.DefaultToolsets...)
	if err := total("default toolsets ("+strings.Join(tools.DefaultToolsets, ",")+")", defaults, "(target ≤ 2,800 tokens, at least 15 tools)"); err != nil {
		return err
	}
	var others []string
	for _, name := range defaults {
		if name != "create_post" && name != "edit_post" {
			others = append(others, name)
		}
	}
	if err := total("default, without create_post, edit_post", others, "(budget with list_tags ≤ 1,490)"); err != nil {
		return err
	}
	if err := total("all toolsets", nil, ""); err != nil {
		return err
	}

	c, err := bench.ListPostsCost(ctx, bench.PatternIDs)
	if err != nil {
		return err
	}
	real, err := bench.ListPostsCost(ctx, bench.ObjectIDs)
	if err != nil {
		return err
	}
	fmt.Printf("\nlist_posts result: %d scheduled posts with 24-hex ids and %d-character texts, one page\n", bench.FixturePosts, bench.FixtureTextLen)
	fmt.Printf("how: tools/call list_posts {organizationId, status:[scheduled]} on the real server in\n")
	fmt.Printf("     process, a fixed fake Buffer answering; counted as the model would see it\n")
	fmt.Printf("  structuredContent JSON  %6d tokens %7d bytes   (target ≤ 2,000 tokens)\n", c.StructuredTokens, c.StructuredBytes)
	fmt.Printf("  text content            %6d tokens %7d bytes   (clients show one of the two)\n", c.TextTokens, c.TextBytes)
	fmt.Printf("  whole JSON-RPC result           %7d bytes   (both, as sent on the wire)\n", c.WholeBytes)
	fmt.Printf("  floor: id, channelId, text, dueAt of each post, values only: %d tokens\n", c.FloorTokens)
	fmt.Printf("the same posts with ids as Buffer makes them (ObjectIds: creation time, random, counter)\n")
	fmt.Printf("  structuredContent JSON  %6d tokens %7d bytes   floor as above: %d tokens\n", real.StructuredTokens, real.StructuredBytes, real.FloorTokens)
	return nil
}

// inToolsets names the tools of per that are in the toolsets given, in per's order.
func inToolsets(per []bench.ToolCost, toolsets ...string) []string {
	var names []string
	for _, t := range per {
		if slices.Contains(toolsets, tools.ToolsetOf(t.Name)) {
			names = append(names, t.Name)
		}
	}
	return names
}
