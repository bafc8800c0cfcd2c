// Command release builds buffer-mcp's release files into dist/: an archive of a static
// binary for each of macOS, Linux and Windows on amd64 and arm64, the Claude Desktop bundle
// (.mcpb, packed and validated by Anthropic's mcpb CLI), server.json for the MCP registry,
// and a checksums file; then it checks what it built (each archive holds a binary for its
// OS and architecture, stamped with the version). CI runs it as a snapshot; nothing is
// published.
//
//	go run ./release                   # a snapshot: version 0.0.0-snapshot.<commit>
//	go run ./release -version v1.2.3   # a release, from a clean checkout of the tag
//	go run ./release -check dist       # check a dist/ built before
//
// It needs Go, git, and the mcpb CLI (@anthropic-ai/mcpb on npm, pinned in
// .ci/mcpb/package.json): -mcpb PATH, else mcpb on PATH, else npx.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	var (
		ver        = flag.String("version", "", "the release's version, a tag such as v1.2.3; empty for a snapshot")
		out        = flag.String("out", "dist", "where the release files go (emptied first)")
		mcpb       = flag.String("mcpb", "", "the mcpb CLI to run; default: mcpb on PATH, else npx -y "+mcpbPackage)
		check      = flag.String("check", "", "only check the release files in this directory")
		allowDirty = flag.Bool("allow-dirty", false, "build a -version release from a checkout with uncommitted changes")
	)
	flag.Parse()
	start := time.Now()
	var err error
	if *check != "" {
		err = checkDist(*check)
	} else {
		err = build(*ver, *out, *mcpb, *allowDirty)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "release: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("release: done in %s\n", time.Since(start).Round(100*time.Millisecond))
}

// build makes every release file, then checks them.
func build(tag, out, mcpbCmd string, allowDirty bool) error {
	src, err := readSource()
	if err != nil {
		return err
	}
	v, err := newVersion(tag, src)
	if err != nil {
		return err
	}
	if src.dirty && tag != "" && !allowDirty {
		return fmt.Errorf("the checkout has uncommitted changes: a release is built from a clean checkout of its tag (or pass -allow-dirty)")
	}
	fmt.Printf("release: buffer-mcp %s (commit %s)\n", v.tag, src.commit)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	work := out + "/build"
	bins, err := buildBinaries(v, src, work)
	if err != nil {
		return err
	}
	var files []string
	for _, b := range bins {
		name, err := writeArchive(out, v, src, b)
		if err != nil {
			return err
		}
		files = append(files, name)
	}
	bundle, err := makeBundle(out, work, v, bins, mcpbCmd)
	if err != nil {
		return err
	}
	files = append(files, bundle)
	if err := writeServerJSON(out, v, bundle); err != nil {
		return err
	}
	if err := writeChecksums(out, v, files); err != nil {
		return err
	}
	if err := os.RemoveAll(work); err != nil {
		return err
	}
	return checkDist(out)
}
