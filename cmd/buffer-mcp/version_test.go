package main

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBuildDetails(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.modified", Value: "true"},
	}}
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name            string
		bi              *debug.BuildInfo
		version, commit string
		want            string
	}{
		{
			name: "stamped by the release build", bi: vcs, version: "v1.2.3", commit: "fedcba9876543210fedcba9876543210fedcba98",
			want: "buffer-mcp v1.2.3\ncommit fedcba9876543210fedcba9876543210fedcba98\ngo1.26.8 " + platform + "\n",
		},
		{
			name: "go build in a checkout with changes", bi: vcs, version: "dev",
			want: "buffer-mcp dev\ncommit 0123456789abcdef0123456789abcdef01234567 (with uncommitted changes)\ngo1.26.8 " + platform + "\n",
		},
		{
			name: "go install of a tagged module", version: "dev",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}},
			want: "buffer-mcp v1.2.3\ncommit unknown (built without version control information)\ngo1.26.8 " + platform + "\n",
		},
		{
			name: "no build info", version: "dev",
			want: "buffer-mcp dev\ncommit unknown (built without version control information)\n" + runtime.Version() + " " + platform + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildDetailsFrom(tt.bi, tt.bi != nil, tt.version, tt.commit)
			assert.Equal(t, tt.want, got.String())
		})
	}
}
