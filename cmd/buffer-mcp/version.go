package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version and commit are set at build time (the release build sets both):
// -ldflags "-X main.version=v1.2.3 -X main.commit=0123abc…".
var (
	version = "dev"
	commit  = ""
)

// buildDetails is what --version prints.
type buildDetails struct {
	version  string
	commit   string // "" when unknown
	modified bool   // the working tree had uncommitted changes
	goVer    string
	platform string
}

// readBuildDetails is this binary's details.
func readBuildDetails() buildDetails {
	bi, ok := debug.ReadBuildInfo()
	return buildDetailsFrom(bi, ok, version, commit)
}

// buildDetailsFrom completes the stamped version and commit from the build info that the
// go command records: the module version of `go install …@v1.2.3`, and the VCS revision of
// a `go build` in a git checkout (unless -buildvcs=false).
func buildDetailsFrom(bi *debug.BuildInfo, ok bool, version, commit string) buildDetails {
	d := buildDetails{version: version, commit: commit, goVer: runtime.Version(), platform: runtime.GOOS + "/" + runtime.GOARCH}
	if !ok || bi == nil {
		return d
	}
	if bi.GoVersion != "" {
		d.goVer = bi.GoVersion
	}
	if d.version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		d.version = bi.Main.Version
	}
	if d.commit == "" {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				d.commit = s.Value
			case "vcs.modified":
				d.modified = s.Value == "true"
			}
		}
	}
	return d
}

// String is three lines: the version first (what scripts read), then the commit and the
// Go toolchain with the platform.
func (d buildDetails) String() string {
	c := d.commit
	switch {
	case c == "":
		c = "unknown (built without version control information)"
	case d.modified:
		c += " (with uncommitted changes)"
	}
	return fmt.Sprintf("buffer-mcp %s\ncommit %s\n%s %s\n", d.version, c, d.goVer, d.platform)
}
