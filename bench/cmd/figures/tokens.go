package main

import (
	"context"
	"fmt"

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
	fmt.Printf("     clients do not show them to the model).\n")
	per, all, err := bench.ToolListCosts(ctx, tools.Selection{Toolsets: []string{tools.ToolsetAll}})
	if err != nil {
		return err
	}
	fmt.Printf("\n  %-14s %7s %7s\n", "tool", "tokens", "bytes")
	for _, t := range per {
		fmt.Printf("  %-14s %7d %7d\n", t.Name, t.Tokens, t.Bytes)
	}
	spec, err := bench.SumTools(per, all, bench.SpecTools)
	if err != nil {
		return err
	}
	every, err := bench.SumTools(per, all, nil)
	if err != nil {
		return err
	}
	fmt.Printf("  %-14s %7d %7d   the eight of SPEC §3 (target ≤ 1,600 tokens)\n", "total, "+spec.Name, spec.Tokens, spec.Bytes)
	fmt.Printf("  %-14s %7d %7d   with list_ideas and create_idea\n", "total, "+every.Name, every.Tokens, every.Bytes)

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
