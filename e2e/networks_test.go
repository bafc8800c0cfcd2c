package e2e

import (
	"os"
	"strings"
	"testing"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
)

// networkPost is a post as create_post, get_post and edit_post show it, with SPEC §7.1's
// options read back.
type networkPost struct {
	post
	PostType     string           `json:"postType"`
	FirstComment string           `json:"firstComment"`
	Title        string           `json:"title"`
	Link         string           `json:"link"`
	Board        string           `json:"board"`
	ThreadCount  int              `json:"threadCount"`
	Tags         []map[string]any `json:"tags"`
	Metadata     map[string]any   `json:"metadata"`
	Note         string           `json:"note"`
}

type networkPosts struct {
	Posts  []networkPost `json:"posts"`
	DryRun bool          `json:"dryRun"`
}

const (
	imageURL = "https://cdn.example.com/e2e/beans.jpg"
	videoURL = "https://cdn.example.com/e2e/pour.mp4"
)

func media(kind, url string) []map[string]any { return []map[string]any{{"type": kind, "url": url}} }

// networkSession is the binary against `buffer-mcp sandbox --seed two-orgs`, with every
// channel by its service (the bakery's Threads channel is the only Threads one).
type networkSession struct {
	c        *mcpclient.Client
	channels map[string]channel
}

func startNetworkSession(t *testing.T) *networkSession {
	t.Helper()
	sb := startSandbox(t, "--seed", "two-orgs")
	c, _ := startMCPGo(t, sb.serverEnv(), modernEra)
	var acct accountResult
	okResult(t, callTool(t, c, "get_account", nil), &acct)
	s := &networkSession{c: c, channels: map[string]channel{}}
	for _, org := range acct.Organizations {
		var chans struct{ Channels []channel }
		okResult(t, callTool(t, c, "list_channels", map[string]any{"organizationId": org.ID}), &chans)
		for _, ch := range chans.Channels {
			if _, ok := s.channels[ch.Service]; !ok {
				s.channels[ch.Service] = ch
			}
		}
	}
	return s
}

func (s *networkSession) create(t *testing.T, args map[string]any) networkPost {
	t.Helper()
	var got networkPosts
	okResult(t, callTool(t, s.c, "create_post", args), &got)
	require.Len(t, got.Posts, 1)
	return got.Posts[0]
}

func (s *networkSession) get(t *testing.T, id string) networkPost {
	t.Helper()
	var got struct{ Post networkPost }
	okResult(t, callTool(t, s.c, "get_post", map[string]any{"postId": id}), &got)
	return got.Post
}

func (s *networkSession) id(service string) string { return s.channels[service].ID }

// TestEachNetworkEndToEnd posts on every network the sandbox holds, as Buffer takes it,
// and reads each post's options back.
func TestEachNetworkEndToEnd(t *testing.T) {
	s := startNetworkSession(t)

	t.Run("instagram: a reel with a first comment", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("instagram"), "text": "Latte art, slowed down",
			"assets": media("video", videoURL), "postType": "reel", "firstComment": "#latteart"})
		assert.Equal(t, "reel", p.PostType)
		assert.Equal(t, "#latteart", p.FirstComment)
		got := s.get(t, p.ID)
		assert.Equal(t, "reel", got.PostType)
		assert.Equal(t, "#latteart", got.FirstComment)

		e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("instagram"), "text": "No picture"}))
		assert.Equal(t, "InvalidArguments", e.Type)
		assert.Equal(t, "assets", e.Field)
		assert.Equal(t, s.id("instagram"), e.ChannelID)
	})

	t.Run("x: a thread", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("twitter"), "thread": []map[string]any{
			{"text": "How we pick a coffee 🧵"}, {"text": "We cup it blind, twice.", "assets": []string{imageURL}}, {"text": "Then we call the farm."}}})
		assert.Equal(t, "How we pick a coffee 🧵", p.Text, "the thread's first post is the text")
		assert.Equal(t, 3, p.ThreadCount)
		assert.Equal(t, 3, s.get(t, p.ID).ThreadCount)
	})

	t.Run("threads: a thread with a link preview", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("threads"), "link": "https://harbourlane.example/rye",
			"thread": []map[string]any{{"text": "Rye, three ways"}, {"text": "One: the starter."}}})
		assert.Equal(t, 2, p.ThreadCount)
		assert.Equal(t, "https://harbourlane.example/rye", p.Link)
	})

	t.Run("mastodon: a thread behind a content warning", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("mastodon"), "contentWarning": "Prices",
			"thread": []map[string]any{{"text": "A price update"}, {"text": "Bags cost €1 more from May."}}})
		assert.Equal(t, 2, s.get(t, p.ID).ThreadCount)
	})

	t.Run("bluesky: disconnected, so a dry run shows what would be sent", func(t *testing.T) {
		var got networkPosts
		okResult(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("bluesky"), "link": "https://northbeancoffee.example",
			"thread": []map[string]any{{"text": "Hello"}, {"text": "Again"}}, "dryRun": true}), &got)
		require.Len(t, got.Posts, 1)
		assert.Equal(t, map[string]any{"bluesky": map[string]any{"thread": []any{map[string]any{"text": "Hello"}, map[string]any{"text": "Again"}},
			"linkAttachment": map[string]any{"url": "https://northbeancoffee.example"}}}, got.Posts[0].Metadata)
	})

	t.Run("facebook: a link preview, and no carousel", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("facebook"), "text": "Our AeroPress guide",
			"link": "https://northbeancoffee.example/aeropress", "firstComment": "Questions welcome", "postType": "carousel"})
		assert.Equal(t, "https://northbeancoffee.example/aeropress", p.Link)
		assert.Equal(t, "Questions welcome", p.FirstComment)
		assert.Equal(t, "not sent (facebook has no such option): postType carousel", p.Note)
	})

	t.Run("linkedin: a first comment and tags by name", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("linkedin"), "text": "We're hiring", "firstComment": "Apply by Friday",
			"tags": []string{"hiring", "Behind the scenes"}})
		assert.Equal(t, "Apply by Friday", p.FirstComment)
		require.Len(t, p.Tags, 2)
		assert.Equal(t, "Hiring", p.Tags[0]["name"])
		assert.Regexp(t, objectID, p.Tags[0]["id"])

		e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("linkedin"), "text": "x", "tags": []string{"Hirring"}}))
		assert.Equal(t, "tags[0]", e.Field)
		assert.Contains(t, e.Message, "Behind the scenes, Events, Hiring, New roast, Sustainability")
	})

	t.Run("pinterest: a pin on a board, moved to another", func(t *testing.T) {
		var ch struct {
			Channel struct{ Boards []struct{ ID, Name string } }
		}
		okResult(t, callTool(t, s.c, "get_channel", map[string]any{"channelId": s.id("pinterest")}), &ch)
		require.Len(t, ch.Channel.Boards, 3)
		assert.Equal(t, "Coffee recipes", ch.Channel.Boards[0].Name)

		p := s.create(t, map[string]any{"channelId": s.id("pinterest"), "text": "Iced oat latte", "assets": media("image", imageURL),
			"board": "coffee recipes", "title": "Iced oat latte", "link": "https://northbeancoffee.example/recipes"})
		assert.Equal(t, "Coffee recipes", p.Board)
		assert.Equal(t, "Iced oat latte", p.Title)

		var edited struct{ Post networkPost }
		okResult(t, callTool(t, s.c, "edit_post", map[string]any{"postId": p.ID, "board": ch.Channel.Boards[1].ID}), &edited)
		assert.Equal(t, "Brewing guides", edited.Post.Board)
		assert.Equal(t, "Iced oat latte", edited.Post.Title, "what the edit leaves out is kept")

		e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("pinterest"), "assets": media("image", imageURL)}))
		assert.Equal(t, "board", e.Field)
		assert.Equal(t, s.id("pinterest"), e.ChannelID)
	})

	t.Run("youtube: a video, in the default category", func(t *testing.T) {
		p := s.create(t, map[string]any{"channelId": s.id("youtube"), "text": "A tour of the roastery", "title": "Roastery tour",
			"assets": media("video", videoURL), "youtube": map[string]any{"privacy": "unlisted"}})
		assert.Equal(t, "Roastery tour", s.get(t, p.ID).Title)
		assert.Contains(t, p.Note, "youtube.categoryId 22")

		e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("youtube"), "assets": media("video", videoURL)}))
		assert.Equal(t, "title", e.Field)
	})

	t.Run("tiktok: locked, so a dry run", func(t *testing.T) {
		var got networkPosts
		okResult(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("tiktok"), "assets": media("image", imageURL),
			"title": "First crack", "dryRun": true}), &got)
		assert.Equal(t, map[string]any{"tiktok": map[string]any{"title": "First crack"}}, got.Posts[0].Metadata)
	})

	t.Run("google business: an offer and an event", func(t *testing.T) {
		offer := s.create(t, map[string]any{"channelId": s.id("googlebusiness"), "text": "Half off beans",
			"googleBusiness": map[string]any{"type": "offer", "title": "Half off", "start": "2030-01-05", "end": "2030-01-12", "couponCode": "HALF"}})
		assert.Equal(t, "offer", offer.PostType)
		assert.Equal(t, "Half off", s.get(t, offer.ID).Title)
		event := s.create(t, map[string]any{"channelId": s.id("googlebusiness"), "text": "Public cupping",
			"googleBusiness": map[string]any{"type": "event", "title": "Cupping", "start": "2030-02-01T10:00:00-05:00",
				"end": "2030-02-01T12:00:00-05:00", "button": "book", "buttonLink": "https://northbeancoffee.example/book"}})
		assert.Equal(t, "event", event.PostType)

		e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("googlebusiness"), "text": "x"}))
		assert.Equal(t, "googleBusiness", e.Field)
	})
}

// TestOneCallToSeveralNetworks: one firstComment across Instagram, LinkedIn and X; X has
// none, and the result says so.
func TestOneCallToSeveralNetworks(t *testing.T) {
	s := startNetworkSession(t)
	res := callTool(t, s.c, "create_post", map[string]any{
		"channelIds":   []string{s.id("instagram"), s.id("linkedin"), s.id("twitter")},
		"text":         "New roast: Ethiopia Guji",
		"assets":       media("image", imageURL),
		"firstComment": "Tasting notes: blueberry, jasmine",
	})
	var got networkPosts
	okResult(t, res, &got)
	assert.True(t, strings.HasPrefix(testkit.Text(res), "Created 3 of 3 posts"), testkit.Text(res))
	require.Len(t, got.Posts, 3)
	assert.Equal(t, "Tasting notes: blueberry, jasmine", got.Posts[0].FirstComment)
	assert.Equal(t, "Tasting notes: blueberry, jasmine", got.Posts[1].FirstComment)
	assert.Empty(t, got.Posts[2].FirstComment)
	assert.Equal(t, "not sent (twitter has no such option): firstComment", got.Posts[2].Note)

	// One channel that cannot take the post stops them all.
	e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{
		"channelIds": []string{s.id("linkedin"), s.id("youtube")}, "text": "Text only"}))
	assert.Equal(t, "assets", e.Field)
	assert.Equal(t, s.id("youtube"), e.ChannelID)
	var linkedin postsResult
	okResult(t, callTool(t, s.c, "list_posts", map[string]any{"channelIds": []string{s.id("linkedin")}, "sort": "createdAt_desc", "first": 1}), &linkedin)
	assert.NotEqual(t, "Text only", linkedin.Posts[0].Text, "nothing was sent")
}

// TestApprovalEndToEnd: a post submitted for approval on the channel that requires it, sent
// back to drafts, submitted again; and the sandbox's own refusal where approval is not on.
func TestApprovalEndToEnd(t *testing.T) {
	s := startNetworkSession(t)
	p := s.create(t, map[string]any{"channelId": s.id("instagram"), "assets": media("image", imageURL), "needsApproval": true})
	assert.Equal(t, "needs_approval", p.Status)

	var edited struct{ Post networkPost }
	okResult(t, callTool(t, s.c, "edit_post", map[string]any{"postId": p.ID, "approval": "revert"}), &edited)
	assert.Equal(t, "draft", edited.Post.Status)
	okResult(t, callTool(t, s.c, "edit_post", map[string]any{"postId": p.ID, "approval": "request"}), &edited)
	assert.Equal(t, "needs_approval", edited.Post.Status)

	e := testkit.ToolError(t, callTool(t, s.c, "create_post", map[string]any{"channelId": s.id("linkedin"), "text": "x", "needsApproval": true}))
	assert.Equal(t, "InvalidInputError", e.Type, "Buffer's refusal, from the sandbox")
}

// TestTheSandboxRefusesWhatTheToolLeavesToBuffer: an edit that gives no option is sent
// unchecked (the tool would need to read the post), and the sandbox refuses it as Buffer
// does.
func TestTheSandboxRefusesWhatTheToolLeavesToBuffer(t *testing.T) {
	s := startNetworkSession(t)
	reel := s.create(t, map[string]any{"channelId": s.id("instagram"), "assets": media("video", videoURL), "postType": "reel"})
	e := testkit.ToolError(t, callTool(t, s.c, "edit_post", map[string]any{"postId": reel.ID, "assets": media("image", imageURL)}))
	assert.Equal(t, "InvalidInputError", e.Type)
	assert.Equal(t, "Invalid post: Instagram reels require a video.", e.Message)
	assert.Equal(t, "reel", s.get(t, reel.ID).PostType, "nothing changed")
}

// TestREADMENetworkExamplesRun runs the README's examples of posting to each network, as
// written, against the in-process sandbox.
func TestREADMENetworkExamplesRun(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(b), "## Posting to each network")
	require.True(t, ok, "the README has a section on posting to each network")
	section, _, _ = strings.Cut(section, "\n## ")
	const prefix = "buffer-mcp --sandbox call create_post '"
	var examples []string
	for line := range strings.Lines(section) {
		if args, ok := strings.CutPrefix(strings.TrimSpace(line), prefix); ok {
			examples = append(examples, strings.TrimSuffix(args, "'"))
		}
	}
	require.Len(t, examples, 4, "a reel, a thread, a pin and a video")
	for _, args := range examples {
		got := runBinary(t, baseEnv(), "", "--sandbox", "call", "create_post", args)
		assert.Equal(t, 0, got.code, "%s\nstderr: %s", args, got.stderr)
		assert.Contains(t, got.stderr, "Created 1 of 1 posts", args)
	}
}
