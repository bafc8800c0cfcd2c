package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/bench"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// defaultBudget is the most tokens the tools a person gets by default may cost.
const defaultBudget = 2800

// tokens prints what the tool definitions and one list_posts result cost in the model's
// context, in o200k_base tokens and in bytes.
func tokens(ctx context.Context, _ *options) error {
	fmt.Printf("== Tokens: what the model pays for ==\n")
	fmt.Printf("how: the real server (tools.NewServer, in process) answers tools/list; each tool's\n")
	fmt.Printf("     {name, description, inputSchema} is re-marshalled as JSON and counted with\n")
	fmt.Printf("     o200k_base (github.com/tiktoken-go/tokenizer, offline); totals count the JSON array\n")
	fmt.Printf("     of those objects. Titles and annotations are not counted, nor the output schemas\n")
	fmt.Printf("     (most clients do not show them to the model): those are counted apart, as listed.\n")
	def, err := bench.ListTools(ctx, tools.Selection{})
	if err != nil {
		return err
	}
	every, err := bench.ListTools(ctx, tools.Selection{Toolsets: []string{tools.ToolsetAll}})
	if err != nil {
		return err
	}
	byDefault := map[string]bool{}
	for _, t := range def.Tools {
		byDefault[t.Name] = true
	}
	fmt.Printf("\n  %-14s %-10s %7s %7s   %s\n", "tool", "toolset", "tokens", "bytes", "output schema: tokens, bytes")
	notDefault := false
	for _, t := range every.Tools {
		ts := tools.ToolsetOf(t.Name)
		if !byDefault[t.Name] {
			ts, notDefault = ts+"*", true
		}
		fmt.Printf("  %-14s %-10s %7d %7d   %6d %7d\n", t.Name, ts, t.Tokens, t.Bytes, t.OutputTokens, t.OutputBytes)
	}
	defTotal, err := def.Total(nil)
	if err != nil {
		return err
	}
	all, err := every.Total(nil)
	if err != nil {
		return err
	}
	spec, err := every.Total(bench.SpecTools)
	if err != nil {
		return err
	}
	line := func(label string, c bench.ToolCost, note string) {
		fmt.Printf("  %-25s %7d %7d   %6d %7d   %s\n", label, c.Tokens, c.Bytes, c.OutputTokens, c.OutputBytes, note)
	}
	for _, ts := range tools.Toolsets {
		var names []string
		for _, t := range every.Tools {
			if tools.ToolsetOf(t.Name) == ts {
				names = append(names, t.Name)
			}
		}
		c, err := every.Total(names)
		if err != nil {
			return err
		}
		line(fmt.Sprintf("toolset %s (%d)", ts, len(names)), c, "")
	}
	line(fmt.Sprintf("every tool (%d)", len(every.Tools)), all, "tools.Selection{Toolsets: [all]}")
	line("SPEC §3's eight", spec, "(the first target: ≤ 1,600 tokens)")
	line(fmt.Sprintf("by default (%d)", len(def.Tools)), defTotal, "tools.Selection{}: toolsets "+strings.Join(tools.DefaultToolsets, ", "))
	if notDefault {
		fmt.Printf("  * not offered by default\n")
	}

	verdict := "within"
	if defTotal.Tokens > defaultBudget {
		verdict = "OVER"
	}
	fmt.Printf("\n  ** the default tools cost %d tokens: %s the budget of ≤ %d (%+d) **\n", defTotal.Tokens, verdict, defaultBudget, defTotal.Tokens-defaultBudget)

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
