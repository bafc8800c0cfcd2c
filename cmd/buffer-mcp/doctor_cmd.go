package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/doctor"
)

// runDoctor runs `buffer-mcp doctor` (package doctor) against Buffer, or the in-process
// sandbox with --sandbox, as the configuration says. Exit 0 only when every check passes.
func runDoctor(ctx context.Context, cfg *config, stdout, stderr io.Writer) int {
	ccfg := client.Config{Endpoint: cfg.apiURL, APIKey: cfg.apiKey, Version: version}
	if cfg.sandbox {
		var err error
		if ccfg, err = sandboxClient(cfg.sandboxSeed); err != nil {
			fmt.Fprintf(stderr, "buffer-mcp: %v\n", err)
			return exitUsage
		}
	}
	start := time.Now()
	d := readBuildDetails()
	fmt.Fprintf(stdout, "buffer-mcp %s (commit %s, %s) against %s\n", d.version, shortCommit(d.commit), d.goVer, endpointForLog(cfg))
	results := doctor.Run(ctx, doctor.Config{Client: ccfg})
	ok := doctor.Write(stdout, results)
	failed := 0
	for _, r := range results {
		if r.Status == doctor.Fail {
			failed++
		}
	}
	took := time.Since(start).Round(time.Millisecond)
	if !ok {
		fmt.Fprintf(stdout, "%d of %d checks failed (%s)\n", failed, len(results), took)
		return exitFailure
	}
	fmt.Fprintf(stdout, "all %d checks passed (%s)\n", len(results), took)
	return exitOK
}

func shortCommit(c string) string {
	if c == "" {
		return "unknown"
	}
	return c[:min(len(c), 12)]
}
