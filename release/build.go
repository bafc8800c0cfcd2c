package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms a release serves: every OS and architecture Claude Desktop,
// Claude Code, Cursor and VS Code run on.
var targets = []target{
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

type target struct{ goos, goarch string }

func (t target) String() string { return t.goos + "_" + t.goarch }

func (t target) exe() string {
	if t.goos == "windows" {
		return "buffer-mcp.exe"
	}
	return "buffer-mcp"
}

// source is the checkout a release is built from.
type source struct {
	commit string
	time   time.Time // the commit's, for the archives' file times (reproducible)
	dirty  bool
}

func readSource() (source, error) {
	var s source
	out, err := exec.Command("git", "log", "-1", "--format=%H %ct").Output()
	if err != nil {
		return s, fmt.Errorf("read the commit with git: %w", err)
	}
	fields := strings.Fields(string(out))
	if len(fields) != 2 {
		return s, fmt.Errorf("unexpected git log output %q", out)
	}
	secs, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return s, err
	}
	s.commit, s.time = fields[0], time.Unix(secs, 0).UTC()
	status, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output()
	if err != nil {
		return s, fmt.Errorf("git status: %w", err)
	}
	s.dirty = len(strings.TrimSpace(string(status))) > 0
	return s, nil
}

// version is a release's version: the tag (v1.2.3) the binary prints, and the semver
// (1.2.3) that file names, the bundle and server.json carry.
type version struct{ tag, semver string }

var semverPattern = regexp.MustCompile(`^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)

func newVersion(tag string, s source) (version, error) {
	if tag == "" {
		sv := "0.0.0-snapshot." + s.commit[:12]
		if s.dirty {
			sv += ".dirty"
		}
		return version{tag: "v" + sv, semver: sv}, nil
	}
	if !semverPattern.MatchString(tag) {
		return version{}, fmt.Errorf("-version %q: give a tag such as v1.2.3 or v1.2.3-rc.1", tag)
	}
	return version{tag: tag, semver: strings.TrimPrefix(tag, "v")}, nil
}

// artifact is one built binary.
type artifact struct {
	target
	path string
}

// buildBinaries builds a static, stripped binary for every target, with the version and
// the commit stamped in (what --version prints).
func buildBinaries(v version, s source, work string) ([]artifact, error) {
	ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.commit=%s", v.tag, s.commit)
	var bins []artifact
	for _, t := range targets {
		start := time.Now()
		out := filepath.Join(work, t.String(), t.exe())
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", out, "./cmd/buffer-mcp")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.goos, "GOARCH="+t.goarch)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go build for %s: %w", t, err)
		}
		fmt.Printf("release: built %s in %s\n", t, time.Since(start).Round(100*time.Millisecond))
		bins = append(bins, artifact{target: t, path: out})
	}
	return bins, nil
}
