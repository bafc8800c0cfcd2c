package tools

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// A prompt is a recipe for a common job, written for the model: which tools to call, in
// which order. Each names only the tools this server offers (after --read-only and
// --tools), and a prompt whose key tool is not offered is left out.

// promptArg is one optional argument of a prompt.
type promptArg struct{ name, description string }

// step is one line of a recipe, kept when its tool is offered ("" when it needs none).
type step struct{ tool, text string }

// promptSpec describes a prompt; build writes its text from the arguments and the steps
// whose tools are offered.
type promptSpec struct {
	name, title, description string
	needs                    string // the tool without which the prompt is not offered
	args                     []promptArg
	build                    func(args map[string]string, offered map[string]bool) string
}

// prompts are the prompts whose key tool is among offered.
func prompts(offered map[string]bool) []server.ServerPrompt {
	var out []server.ServerPrompt
	for _, p := range []promptSpec{planWeek(), reviewQueue()} {
		if offered[p.needs] {
			out = append(out, newPrompt(p, offered))
		}
	}
	return out
}

func newPrompt(p promptSpec, offered map[string]bool) server.ServerPrompt {
	opts := []mcp.PromptOption{mcp.WithPromptTitle(p.title), mcp.WithPromptDescription(p.description)}
	names := make([]string, 0, len(p.args))
	for _, a := range p.args {
		opts = append(opts, mcp.WithArgument(a.name, mcp.ArgumentDescription(a.description)))
		names = append(names, a.name)
	}
	handler := func(_ context.Context, req mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
		args := map[string]string{}
		for k, v := range req.Params.Arguments {
			if !slices.Contains(names, k) {
				return nil, fmt.Errorf("prompt %s has no argument %q; its arguments are: %s", p.name, k, strings.Join(names, ", "))
			}
			args[k] = strings.TrimSpace(v)
		}
		return &mcp.GetPromptResult{
			Description: p.description,
			Messages:    []mcp.PromptMessage{mcp.NewPromptMessage(mcp.RoleUser, mcp.NewTextContent(p.build(args, offered)))},
		}, nil
	}
	return server.ServerPrompt{Prompt: mcp.NewPrompt(p.name, opts...), Handler: handler}
}

// recipe writes a heading, the kept steps numbered, and a closing line.
func recipe(heading string, steps []step, offered map[string]bool, closing string) string {
	var b strings.Builder
	b.WriteString(heading + "\n\n")
	n := 0
	for _, s := range steps {
		if s.tool != "" && !offered[s.tool] {
			continue
		}
		n++
		fmt.Fprintf(&b, "%d. %s\n", n, s.text)
	}
	if closing != "" {
		b.WriteString("\n" + closing + "\n")
	}
	return b.String()
}

// or is v, or def when v is empty.
func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// planWeek is plan_week: a week of posts across channels, checked by a dry run, created
// only after the person agrees.
func planWeek() promptSpec {
	return promptSpec{
		name:  "plan_week",
		title: "Plan a week of posts",
		description: "Plan a week of posts across the Buffer channels: look at what is already " +
			"scheduled, draft the posts, and schedule them once the person agrees.",
		needs: "list_channels",
		args: []promptArg{
			{"goals", "What the week's posts should achieve or cover, in the person's words (themes, launches, links)."},
			{"channels", "The channels to plan for, by name or service (\"LinkedIn, Mastodon\"). Default: every channel that can post."},
			{"week", "Which week, in the person's words (\"next week\", \"from Monday 9 March\"). Default: the next 7 days."},
		},
		build: func(a map[string]string, offered map[string]bool) string {
			heading := "Plan a week of Buffer posts.\n" +
				"Goals: " + or(a["goals"], "ask me, briefly, before drafting") + "\n" +
				"Channels: " + or(a["channels"], "every channel that is not disconnected or locked") + "\n" +
				"Week: " + or(a["week"], "the next 7 days")
			closing := "Never use mode shareNow for a plan. End with what was scheduled, per channel."
			if !offered["create_post"] {
				closing = "This server cannot create posts: end with the plan, for me to add in Buffer."
			}
			return recipe(heading, []step{
				{"get_account", "get_account: the timezone and the current time; read the week against them."},
				{"list_channels", "list_channels: ids, services and timezones. Skip disconnected or locked " +
					"channels; say which queues are paused."},
				{"list_posts", "list_posts with status [\"scheduled\"], and dueAfter and dueBefore (RFC 3339) " +
					"bounding the week: what is already planned, so as not to double up."},
				{"list_ideas", "list_ideas: ideas saved for later posts; draw on them, and say which you used."},
				{"", "Draft the posts per day: channel, local time, text suited to the service. Show me the " +
					"draft and wait for my go-ahead."},
				{"create_post", "For each post I approve, create_post with dryRun: true first, then the same " +
					"arguments without dryRun. For dueAt, pass the time in my own words (\"next Tuesday 9am\"): " +
					"the server reads it in each channel's timezone. Do not compute dates."},
			}, offered, closing)
		},
	}
}

// reviewQueue is review_queue: what failed, what is scheduled, what went out.
func reviewQueue() promptSpec {
	return promptSpec{
		name:        "review_queue",
		title:       "Review the queue",
		description: "Review the Buffer queue: what failed and why, what is scheduled, and what was sent.",
		needs:       "list_posts",
		args: []promptArg{
			{"channels", "The channels to review, by name or service. Default: all."},
			{"period", "The span to review, in the person's words (\"this week\"). Default: the past 7 days and the next 7 days."},
		},
		build: func(a map[string]string, offered map[string]bool) string {
			heading := "Review my Buffer queue.\n" +
				"Channels: " + or(a["channels"], "all") + "\n" +
				"Period: " + or(a["period"], "the past 7 days and the next 7 days")
			var fixes []string
			for _, t := range []string{"edit_post", "delete_post", "create_post"} {
				if offered[t] {
					fixes = append(fixes, t)
				}
			}
			closing := "Change nothing yet: offer fixes (" + strings.Join(fixes, ", ") + ") and wait for me to choose."
			if len(fixes) == 0 {
				closing = "This server only reads: suggest fixes for me to make in Buffer."
			}
			return recipe(heading, []step{
				{"get_account", "get_account: the timezone and the current time; turn the period into dueAfter " +
					"and dueBefore (RFC 3339 with the offset)."},
				{"list_channels", "list_channels: names and services, and which channels are paused, " +
					"disconnected or locked (a common cause of failures). For named channels, pass their ids " +
					"as channelIds."},
				{"list_posts", "list_posts with status [\"error\"] over the past part of the period: what failed, " +
					"each with its error."},
				{"list_posts", "list_posts with status [\"scheduled\"] from now to the end of the period: what is " +
					"coming, and the gaps or crowded days per channel."},
				{"list_posts", "list_posts with status [\"sent\"] over the past part of the period: what went out. " +
					"Follow pageInfo.endCursor with after while hasNextPage is true."},
				{"", "Report failures first (channel, text, error, a fix), then scheduled posts by day in my " +
					"timezone, then sent posts."},
			}, offered, closing)
		},
	}
}
