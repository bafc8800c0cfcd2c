package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// mcpbVersion is the @anthropic-ai/mcpb CLI the bundle is packed and validated with; CI
// installs the same from .ci/mcpb/package.json (a test keeps the two equal). Its newest
// released manifest_version for a binary server is 0.3 (0.4 adds only the experimental
// uv server type), which packaging/mcpb/manifest.json uses.
const (
	mcpbVersion = "2.1.2"
	mcpbPackage = "@anthropic-ai/mcpb@" + mcpbVersion
)

// bundleName is the Claude Desktop bundle's file name.
func bundleName(v version) string { return fmt.Sprintf("buffer-mcp_%s.mcpb", v.semver) }

// makeBundle stages the bundle (the manifest with this version; for macOS a universal
// binary, for Windows the amd64 one, which Windows on Arm runs too) and has mcpb validate
// and pack it. Claude Desktop runs on macOS and Windows only, so the bundle carries no Linux
// binary; Linux users have the archives and `buffer-mcp install`.
func makeBundle(out, work string, v version, bins []artifact, mcpbCmd string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	stage := filepath.Join(work, "mcpb")
	if err := os.MkdirAll(filepath.Join(stage, "server"), 0o755); err != nil {
		return "", err
	}
	manifest, err := os.ReadFile(filepath.Join(root, "packaging", "mcpb", "manifest.json"))
	if err != nil {
		return "", err
	}
	const placeholder = `"version": "0.0.0",`
	if bytes.Count(manifest, []byte(placeholder)) != 1 {
		return "", fmt.Errorf("packaging/mcpb/manifest.json must hold %s once, for the release's version", placeholder)
	}
	manifest = bytes.Replace(manifest, []byte(placeholder), []byte(`"version": "`+v.semver+`",`), 1)
	if manifest, err = withTools(manifest); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(stage, "manifest.json"), manifest, 0o644); err != nil {
		return "", err
	}
	find := func(goos, goarch string) string {
		for _, b := range bins {
			if b.goos == goos && b.goarch == goarch {
				return b.path
			}
		}
		return ""
	}
	if err := writeUniversal(filepath.Join(stage, "server", "buffer-mcp"), find("darwin", "amd64"), find("darwin", "arm64")); err != nil {
		return "", fmt.Errorf("universal macOS binary: %w", err)
	}
	exe, err := os.ReadFile(find("windows", "amd64"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(stage, "server", "buffer-mcp.exe"), exe, 0o755); err != nil {
		return "", err
	}

	mcpb, err := mcpbCommand(mcpbCmd)
	if err != nil {
		return "", err
	}
	name := bundleName(v)
	if _, err := runMCPB(mcpb, "validate", filepath.Join(stage, "manifest.json")); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(filepath.Join(out, name))
	if err != nil {
		return "", err
	}
	if _, err := runMCPB(mcpb, "pack", stage, abs); err != nil {
		return "", err
	}
	fmt.Printf("release: packed %s with mcpb %s\n", name, mcpbVersion)
	return name, nil
}

// mcpbCommand is the mcpb CLI to run, checked to be the pinned version.
func mcpbCommand(flagValue string) ([]string, error) {
	var cmd []string
	switch {
	case flagValue != "":
		cmd = []string{flagValue}
	default:
		if p, err := exec.LookPath("mcpb"); err == nil {
			cmd = []string{p}
		} else {
			cmd = []string{"npx", "--yes", mcpbPackage}
		}
	}
	got, err := runMCPB(cmd, "--version")
	if err != nil {
		return nil, fmt.Errorf("the mcpb CLI (%s) does not run: install it with npm install -g %s, or pass -mcpb PATH: %w",
			strings.Join(cmd, " "), mcpbPackage, err)
	}
	if strings.TrimSpace(got) != mcpbVersion {
		return nil, fmt.Errorf("%s is mcpb %s; this release is made with %s", strings.Join(cmd, " "), strings.TrimSpace(got), mcpbVersion)
	}
	return cmd, nil
}

// runMCPB runs the CLI with stdin closed (pack asks questions when a manifest is missing:
// it must fail, not wait) and returns its output; on failure the output is in the error.
func runMCPB(cmd []string, args ...string) (string, error) {
	c := exec.Command(cmd[0], append(cmd[1:], args...)...)
	var out bytes.Buffer
	c.Stdout, c.Stderr, c.Stdin = &out, &out, nil
	if err := c.Run(); err != nil {
		return out.String(), fmt.Errorf("mcpb %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}

// withTools fills the manifest's empty "tools" list with the tools the bundle offers, those
// of the default toolsets, each with the first sentence of its description: the catalog
// stays the one place the tools are written.
func withTools(manifest []byte) ([]byte, error) {
	const empty = `"tools": [],`
	if bytes.Count(manifest, []byte(empty)) != 1 {
		return nil, fmt.Errorf("packaging/mcpb/manifest.json must hold %s once, for the tools the bundle offers", empty)
	}
	ts, err := tools.New(tools.Deps{}).Select(tools.Selection{})
	if err != nil {
		return nil, err
	}
	type tool struct {
		Name        string `json:"name"`
		Description string `json:"description"`
	}
	list := make([]tool, len(ts))
	for i, t := range ts {
		list[i] = tool{Name: t.Definition.Name, Description: firstSentence(t.Definition.Description)}
	}
	b, err := json.MarshalIndent(list, "  ", "  ")
	if err != nil {
		return nil, err
	}
	return bytes.Replace(manifest, []byte(empty), append(append([]byte(`"tools": `), b...), ','), 1), nil
}

// firstSentence is a description up to its first full stop followed by a space, an
// abbreviation's ("e.g. ") aside.
func firstSentence(s string) string {
	for i := 0; ; {
		j := strings.Index(s[i:], ". ")
		if j < 0 {
			return s
		}
		end := i + j + 1
		if !strings.HasSuffix(s[:end], "e.g.") && !strings.HasSuffix(s[:end], "i.e.") {
			return s[:end]
		}
		i = end
	}
}
