package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

// requests counts what a typical conversation (bench.ConversationSteps) sends to Buffer.
func requests(ctx context.Context, _ *options) error {
	fmt.Printf("== Upstream requests for a typical conversation ==\n")
	fmt.Printf("how: the real tools and Buffer client, in process, against the in-process sandbox,\n")
	fmt.Printf("     organizationId always left out; the sandbox records each GraphQL operation.\n")
	fmt.Printf("     Buffer allows about 100 requests per 15 minutes. (tools/conversation_test.go\n")
	fmt.Printf("     checks the same sequence.)\n")
	ops, err := bench.ConversationRequests(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("\n  steps:    %s\n", strings.Join(bench.ConversationSteps, "; "))
	fmt.Printf("  requests: %d (%s) — one per step\n", len(ops), strings.Join(ops, ", "))

	ops, err = bench.LastWeekRequests(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("\n\"how did last week do, and what is still scheduled?\"\n")
	fmt.Printf("  steps:    %s\n", strings.Join(bench.LastWeekSteps, "; "))
	fmt.Printf("  requests: %d (%s) — the account once (organization and timezone), then one per step\n",
		len(ops), strings.Join(ops, ", "))
	return nil
}
