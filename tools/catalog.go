package tools

import (
	"fmt"
	"slices"
	"strings"
)

// Toolsets group the tools, so that a model is offered only those it is likely to need
// (SPEC §7.2).
const (
	ToolsetAccount   = "account"   // the account and its channels
	ToolsetPosts     = "posts"     // reading and writing posts
	ToolsetIdeas     = "ideas"     // ideas kept for later posts
	ToolsetAnalytics = "analytics" // how sent posts did
	ToolsetTemplates = "templates" // post templates
	ToolsetGraphQL   = "graphql"   // a read-only GraphQL escape hatch
	ToolsetAll       = "all"       // every toolset
)

// Toolsets are every toolset, in the order --help lists them.
var Toolsets = []string{ToolsetAccount, ToolsetPosts, ToolsetIdeas, ToolsetAnalytics, ToolsetTemplates, ToolsetGraphQL}

// DefaultToolsets are the toolsets offered when none are chosen.
var DefaultToolsets = []string{ToolsetAccount, ToolsetPosts, ToolsetIdeas, ToolsetAnalytics}

// entry is one tool of the catalog: its name, its toolset, and its constructor.
type entry struct {
	name    string
	toolset string
	build   func(*shared) Tool
}

// catalog is every tool buffer-mcp has. It is the only place the set of tools is written:
// Names, the selection (toolsets, --tools, --read-only), --help and the tests all read it.
var catalog = []entry{
	{"get_account", ToolsetAccount, getAccount},
	{"list_channels", ToolsetAccount, listChannels},
	{"get_channel", ToolsetAccount, getChannel},
	{"list_posts", ToolsetPosts, listPosts},
	{"get_post", ToolsetPosts, getPost},
	{"create_post", ToolsetPosts, createPost},
	{"edit_post", ToolsetPosts, editPost},
	{"delete_post", ToolsetPosts, deletePost},
	{"list_tags", ToolsetPosts, listTags},
	{"get_daily_posting_limits", ToolsetPosts, getDailyPostingLimits},
	{"move_post_in_queue", ToolsetPosts, movePostInQueue},
	{"list_ideas", ToolsetIdeas, listIdeas},
	{"list_idea_groups", ToolsetIdeas, listIdeaGroups},
	{"create_idea", ToolsetIdeas, createIdea},
	{"get_aggregated_post_metrics", ToolsetAnalytics, getAggregatedPostMetrics},
	{"list_post_templates", ToolsetTemplates, listPostTemplates},
	{"get_post_template", ToolsetTemplates, getPostTemplate},
	{"create_post_template", ToolsetTemplates, createPostTemplate},
	{"update_post_template", ToolsetTemplates, updatePostTemplate},
	{"delete_post_template", ToolsetTemplates, deletePostTemplate},
	{"execute_query", ToolsetGraphQL, executeQuery},
}

// Names lists every tool's name, sorted, without building any tool.
func Names() []string {
	names := make([]string, len(catalog))
	for i, e := range catalog {
		names[i] = e.name
	}
	slices.Sort(names)
	return names
}

// ToolsetOf names the toolset of a tool of the catalog; "" for an unknown name.
func ToolsetOf(name string) string {
	for _, e := range catalog {
		if e.name == name {
			return e.toolset
		}
	}
	return ""
}

// Selection says which tools of the catalog a server offers: those of Toolsets
// (DefaultToolsets when nil; ToolsetAll for every one), narrowed to the named Tools when
// any are given, then to the read tools when ReadOnly. A tool named in Tools while
// Toolsets is nil is offered whatever its toolset, so that --tools alone can pick any tool.
type Selection struct {
	Toolsets []string
	Tools    []string
	ReadOnly bool
}

// Check refuses an unknown toolset or tool, or a tool outside the toolsets chosen, naming
// what is known, so that a typo does not silently remove a tool.
func (s Selection) Check() error {
	for _, ts := range s.Toolsets {
		if ts != ToolsetAll && !slices.Contains(Toolsets, ts) {
			return fmt.Errorf("unknown toolset %q: the toolsets are %s, or %s", ts, strings.Join(Toolsets, ", "), ToolsetAll)
		}
	}
	for _, name := range s.Tools {
		ts := ToolsetOf(name)
		if ts == "" {
			return fmt.Errorf("unknown tool %q: the tools are %s", name, strings.Join(Names(), ", "))
		}
		if s.Toolsets != nil && !s.offersToolset(ts) {
			return fmt.Errorf("tool %q is in the %s toolset, which the chosen toolsets (%s) leave out", name, ts, strings.Join(s.Toolsets, ","))
		}
	}
	return nil
}

// offersToolset reports whether the selection's toolsets include ts.
func (s Selection) offersToolset(ts string) bool {
	sets := s.Toolsets
	if sets == nil {
		sets = DefaultToolsets
	}
	return slices.Contains(sets, ts) || slices.Contains(sets, ToolsetAll)
}

// keeps reports whether the selection offers the tool t of toolset ts.
func (s Selection) keeps(t Tool, ts string) bool {
	switch {
	case s.ReadOnly && !t.ReadOnly():
		return false
	case len(s.Tools) > 0:
		return slices.Contains(s.Tools, t.Definition.Name)
	}
	return s.offersToolset(ts)
}
