package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// meta builds the metadata input of one network, as the tools send it.
type meta = client.PostInputMetaData

func instagram(typ client.PostType) *meta {
	return &meta{Instagram: &client.InstagramPostMetadataInput{Type: typ, ShouldShareToFeed: true}}
}

func threadOf(texts ...string) []client.ThreadedPostInput {
	out := make([]client.ThreadedPostInput, len(texts))
	for i, t := range texts {
		out[i] = client.ThreadedPostInput{Text: t}
	}
	return out
}

// TestCreatePostRefusesWhatBufferRefuses: Buffer's InvalidInputError for every missing
// requirement of a network, each problem a sentence, all of them joined with ", "; and for
// approval where a channel has none, and a tag of another organization.
func TestCreatePostRefusesWhatBufferRefuses(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	ch := func(key string) string { return s.Seed().Channels[key].ID }
	s.store.channelByID[ch("tiktok")].isLocked = false // the seed's TikTok is locked; its rules are under test here
	img := []client.AssetInput{imageInput("https://cdn.example.com/a.jpg")}
	vid := []client.AssetInput{videoInput("https://cdn.example.com/a.mp4")}
	board := s.store.channelByID[ch("pinterest")].boards[0].serviceID
	when := func(days int) string { return fixedNow.AddDate(0, 0, days).Format("2006-01-02T15:04:05Z") }
	tests := []struct {
		name        string
		in          client.CreatePostInput
		wantMessage string
	}{
		{name: "instagram without a type", in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi", Assets: img},
			wantMessage: "Invalid post: Instagram posts require a type (post, story, or reel)."},
		{name: "instagram of a type it does not have", in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi", Assets: img, Metadata: instagram(client.PostTypeShort)},
			wantMessage: "Invalid post: Instagram posts cannot be of type short."},
		{name: "instagram reel without a video", in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi", Assets: img, Metadata: instagram(client.PostTypeReel)},
			wantMessage: "Invalid post: Instagram reels require a video."},
		{name: "facebook reel without a video", in: client.CreatePostInput{ChannelId: ch("facebook"), Text: "hi",
			Metadata: &meta{Facebook: &client.FacebookPostMetadataInput{Type: client.PostTypeFacebookReel}}},
			wantMessage: "Invalid post: Facebook reels require a video."},
		{name: "tiktok without media", in: client.CreatePostInput{ChannelId: ch("tiktok"), Text: "hi"},
			wantMessage: "Invalid post: TikTok posts require at least one image or video."},
		{name: "pinterest without media or a board", in: client.CreatePostInput{ChannelId: ch("pinterest"), Text: "hi"},
			wantMessage: "Invalid post: Pinterest posts require at least one image or video., Pinterest posts require a board."},
		{name: "pinterest on a board the channel lacks", in: client.CreatePostInput{ChannelId: ch("pinterest"), Text: "hi", Assets: img,
			Metadata: &meta{Pinterest: &client.PinterestPostMetadataInput{BoardServiceId: "42"}}},
			wantMessage: "Invalid post: Pinterest board 42 was not found on this channel."},
		{name: "youtube with nothing it needs", in: client.CreatePostInput{ChannelId: ch("youtube"), Text: "hi", Assets: img},
			wantMessage: "Invalid post: YouTube posts require a video., YouTube posts require a title., YouTube posts require a category."},
		{name: "youtube in a category that does not exist", in: client.CreatePostInput{ChannelId: ch("youtube"), Text: "hi", Assets: vid,
			Metadata: &meta{Youtube: &client.YoutubePostMetadataInput{Title: "Tour", CategoryId: "21"}}},
			wantMessage: "Invalid post: YouTube category 21 does not exist."},
		{name: "google business without a type", in: client.CreatePostInput{ChannelId: ch("googlebusiness"), Text: "hi"},
			wantMessage: "Invalid post: Google Business posts require a type (event, whats_new, or offer)."},
		{name: "google business offer without its dates", in: client.CreatePostInput{ChannelId: ch("googlebusiness"), Text: "hi",
			Metadata: &meta{Google: &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusinessOffer, Title: "10% off"}}},
			wantMessage: "Invalid post: Google Business offers require a title, a start date and an end date."},
		{name: "google business event that ends before it starts", in: client.CreatePostInput{ChannelId: ch("googlebusiness"), Text: "hi",
			Metadata: &meta{Google: &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusinessEvent,
				DetailsEvent: &client.GoogleBusinessEventMetaDataInput{Title: "Cupping", StartDate: when(3), EndDate: when(2)}}}},
			wantMessage: "Invalid post: A Google Business event cannot end before it starts."},
		{name: "a thread whose first post is not the text", in: client.CreatePostInput{ChannelId: ch("twitter"), Text: "one",
			Metadata: &meta{Twitter: &client.TwitterPostMetadataInput{Thread: threadOf("uno", "two")}}},
			wantMessage: "Invalid post: The post's text must be the text of the first post of its thread."},
		{name: "a thread with an empty post", in: client.CreatePostInput{ChannelId: ch("mastodon"), Text: "one",
			Metadata: &meta{Mastodon: &client.MastodonPostMetadataInput{Thread: threadOf("one", "")}}},
			wantMessage: "Invalid post: Each post of a thread needs text or media."},
		{name: "a link preview with media", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: img,
			Metadata: &meta{Linkedin: &client.LinkedInPostMetadataInput{LinkAttachment: &client.LinkAttachmentInput{Url: "https://e.example/a"}}}},
			wantMessage: "Invalid post: A link preview cannot be combined with images, videos or documents."},
		{name: "approval on a channel that does not require it", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", NeedsApproval: true},
			wantMessage: msgNoApproval},
		{name: "a tag of another organization", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi",
			TagIds: []string{s.Seed().Tags["bakery-recipes"].ID}},
			wantMessage: "Tag " + s.Seed().Tags["bakery-recipes"].ID + " not found."},
	}
	c := newClient(s)
	before := len(s.Posts())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createPost(t, c, tt.in)
			assert.Equal(t, "InvalidInputError", got.typename)
			assert.Equal(t, tt.wantMessage, got.message)
		})
	}
	assert.Len(t, s.Posts(), before, "nothing was stored")

	// The same pin on a board the channel has is accepted.
	got := createPost(t, c, client.CreatePostInput{ChannelId: ch("pinterest"), Text: "hi", Assets: img,
		Metadata: &meta{Pinterest: &client.PinterestPostMetadataInput{BoardServiceId: board}}})
	assert.Equal(t, "PostActionSuccess", got.typename, got.message)
}

// TestCreatePostAcceptsWhatEachNetworkAccepts: the smallest post each network takes, with
// what it reads back.
func TestCreatePostAcceptsWhatEachNetworkAccepts(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	ch := func(key string) string { return s.Seed().Channels[key].ID }
	img := []client.AssetInput{imageInput("https://cdn.example.com/a.jpg")}
	vid := []client.AssetInput{videoInput("https://cdn.example.com/a.mp4")}
	boards := s.store.channelByID[ch("pinterest")].boards
	start, end := "2026-03-20T00:00:00-06:00", "2026-03-21T00:00:00-06:00"
	tests := []struct {
		name string
		in   client.CreatePostInput
		want client.PostMetadata
	}{
		{name: "instagram reel with a first comment",
			in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi", Assets: vid,
				Metadata: &meta{Instagram: &client.InstagramPostMetadataInput{Type: client.PostTypeReel, FirstComment: "#coffee", ShouldShareToFeed: false}}},
			want: client.PostMetadata{Type: "reel", FirstComment: "#coffee", ShouldShareToFeed: ptr(false)}},
		{name: "facebook story", in: client.CreatePostInput{ChannelId: ch("facebook"), Assets: img,
			Metadata: &meta{Facebook: &client.FacebookPostMetadataInput{Type: client.PostTypeFacebookStory}}},
			want: client.PostMetadata{Type: "story"}},
		{name: "facebook link preview", in: client.CreatePostInput{ChannelId: ch("facebook"), Text: "hi",
			Metadata: &meta{Facebook: &client.FacebookPostMetadataInput{Type: client.PostTypeFacebookPost,
				LinkAttachment: &client.LinkAttachmentInput{Url: "https://e.example/a"}, FirstComment: "first!"}}},
			want: client.PostMetadata{Type: "post", FirstComment: "first!", LinkAttachment: &client.LinkAttachment{URL: "https://e.example/a"}}},
		{name: "linkedin without metadata", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi"},
			want: client.PostMetadata{Type: "post"}},
		{name: "thread on X", in: client.CreatePostInput{ChannelId: ch("twitter"), Text: "one",
			Metadata: &meta{Twitter: &client.TwitterPostMetadataInput{Thread: []client.ThreadedPostInput{{Text: "one"}, {Assets: img}, {Text: "three"}}}}},
			want: client.PostMetadata{Type: "post", ThreadCount: 3}},
		{name: "thread on Threads with a link", in: client.CreatePostInput{ChannelId: ch("bakery-threads"), Text: "one",
			Metadata: &meta{Threads: &client.ThreadsPostMetadataInput{Thread: threadOf("one", "two"), LinkAttachment: &client.LinkAttachmentInput{Url: "https://e.example/b"}}}},
			want: client.PostMetadata{Type: "post", ThreadCount: 2, LinkAttachment: &client.LinkAttachment{URL: "https://e.example/b"}}},
		{name: "mastodon with a content warning", in: client.CreatePostInput{ChannelId: ch("mastodon"), Text: "hi",
			Metadata: &meta{Mastodon: &client.MastodonPostMetadataInput{SpoilerText: "spoilers"}}},
			want: client.PostMetadata{Type: "post"}},
		{name: "pinterest pin", in: client.CreatePostInput{ChannelId: ch("pinterest"), Text: "hi", Assets: img,
			Metadata: &meta{Pinterest: &client.PinterestPostMetadataInput{Title: "Pin", Url: "https://e.example/p", BoardServiceId: boards[1].serviceID}}},
			want: client.PostMetadata{Type: "post", Title: "Pin", URL: "https://e.example/p",
				Board: &client.PinterestBoard{ID: boards[1].id, ServiceID: boards[1].serviceID, Name: boards[1].name}}},
		{name: "youtube video", in: client.CreatePostInput{ChannelId: ch("youtube"), Text: "hi", Assets: vid,
			Metadata: &meta{Youtube: &client.YoutubePostMetadataInput{Title: "Tour", CategoryId: "22", Privacy: client.YoutubePrivacyUnlisted, MadeForKids: ptr(false)}}},
			want: client.PostMetadata{Type: "post", Title: "Tour"}},
		{name: "google business what's new", in: client.CreatePostInput{ChannelId: ch("googlebusiness"), Text: "hi",
			Metadata: &meta{Google: &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusinessWhatsNew,
				DetailsWhatsNew: &client.GoogleBusinessWhatsNewMetaDataInput{Button: client.GoogleBusinessPostActionTypeOrder, Link: "https://e.example/o"}}}},
			want: client.PostMetadata{Type: "whats_new"}},
		{name: "google business full-day event", in: client.CreatePostInput{ChannelId: ch("googlebusiness"), Text: "hi",
			Metadata: &meta{Google: &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusinessEvent, Title: "Cupping",
				DetailsEvent: &client.GoogleBusinessEventMetaDataInput{Title: "Cupping", StartDate: start, EndDate: end, IsFullDayEvent: true}}}},
			want: client.PostMetadata{Type: "event", Title: "Cupping", Details: &client.EventDetails{IsFullDayEvent: ptr(true)}}},
		{name: "instagram story without text, in another organization",
			in:   client.CreatePostInput{ChannelId: ch("bakery-instagram"), Assets: img, Metadata: instagram(client.PostTypeStory)},
			want: client.PostMetadata{Type: "story", ShouldShareToFeed: ptr(true)}},
		{name: "tags and approval", in: client.CreatePostInput{ChannelId: ch("instagram"), Assets: img, Metadata: instagram(client.PostTypeCarousel),
			TagIds: []string{s.Seed().Tags["hiring"].ID, s.Seed().Tags["events"].ID}, NeedsApproval: true},
			want: client.PostMetadata{Type: "carousel", ShouldShareToFeed: ptr(true)}},
	}
	c := newClient(s)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createPost(t, c, tt.in)
			require.Equal(t, "PostActionSuccess", got.typename, got.message)
			assert.Equal(t, tt.want, got.post.Options)
			read, err := client.GetPost(ctx(t), c, got.post.Id)
			require.NoError(t, err)
			assert.Equal(t, tt.want, read.Post.Options, "read back")
		})
	}

	tagged := createPost(t, c, tests[len(tests)-1].in)
	assert.Equal(t, client.PostStatusNeedsApproval, tagged.post.Status)
	assert.Equal(t, []client.PostFieldsTagsTag{{Id: s.Seed().Tags["hiring"].ID, Name: "Hiring"}, {Id: s.Seed().Tags["events"].ID, Name: "Events"}},
		tagged.post.Tags)
	stored := stored(t, s, tagged.post.Id)
	assert.Equal(t, []string{s.Seed().Tags["hiring"].ID, s.Seed().Tags["events"].ID}, stored.TagIDs)
}

// TestSeededPostsReadBackTheirOptions: every network's seeded post answers what it was given.
func TestSeededPostsReadBackTheirOptions(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	seed := s.Seed()
	tag := func(key string) client.PostFieldsTagsTag {
		return client.PostFieldsTagsTag{Id: seed.Tags[key].ID, Name: seed.Tags[key].Name}
	}
	recipes := s.store.channelByID[seed.Channels["pinterest"].ID].boards[0]
	tests := []struct {
		post     string
		wantMeta client.PostMetadata
		wantTags []client.PostFieldsTagsTag
	}{
		{"instagram-reel", client.PostMetadata{Type: "reel", FirstComment: "#latteart #baristalife #specialtycoffee", ShouldShareToFeed: ptr(true)},
			[]client.PostFieldsTagsTag{tag("behind-the-scenes")}},
		{"instagram-queued", client.PostMetadata{Type: "post", ShouldShareToFeed: ptr(true)}, []client.PostFieldsTagsTag{}},
		{"facebook-link", client.PostMetadata{Type: "post", FirstComment: "Which recipe should we add next?",
			LinkAttachment: &client.LinkAttachment{URL: "https://northbeancoffee.example/guides/aeropress"}}, []client.PostFieldsTagsTag{}},
		{"linkedin-queued-3", client.PostMetadata{Type: "post", FirstComment: "The full write-up: https://northbeancoffee.example/blog/compostable"},
			[]client.PostFieldsTagsTag{tag("sustainability")}},
		{"twitter-thread", client.PostMetadata{Type: "post", ThreadCount: 3}, []client.PostFieldsTagsTag{tag("behind-the-scenes")}},
		{"mastodon-thread", client.PostMetadata{Type: "post", ThreadCount: 2}, []client.PostFieldsTagsTag{}},
		{"bluesky-link", client.PostMetadata{Type: "post", LinkAttachment: &client.LinkAttachment{URL: "https://northbeancoffee.example/transparency"}},
			[]client.PostFieldsTagsTag{tag("sustainability")}},
		{"bakery-thread", client.PostMetadata{Type: "post", ThreadCount: 2}, []client.PostFieldsTagsTag{tag("bakery-recipes")}},
		{"tiktok-sent", client.PostMetadata{Type: "post", Title: "First crack, up close"}, []client.PostFieldsTagsTag{}},
		{"pinterest-pin", client.PostMetadata{Type: "post", Title: "Iced oat latte", URL: "https://northbeancoffee.example/recipes/iced-oat-latte",
			Board: &client.PinterestBoard{ID: recipes.id, ServiceID: recipes.serviceID, Name: "Coffee recipes"}}, []client.PostFieldsTagsTag{}},
		{"youtube-video", client.PostMetadata{Type: "post", Title: "Inside North Bean: a roastery tour"}, []client.PostFieldsTagsTag{tag("behind-the-scenes")}},
		{"google-offer", client.PostMetadata{Type: "offer", Title: "10% off beans"}, []client.PostFieldsTagsTag{}},
		{"google-event", client.PostMetadata{Type: "event", Title: "Public cupping", Details: &client.EventDetails{IsFullDayEvent: ptr(true)}},
			[]client.PostFieldsTagsTag{tag("events")}},
	}
	c := newClient(s)
	for _, tt := range tests {
		t.Run(tt.post, func(t *testing.T) {
			resp, err := client.GetPost(ctx(t), c, seed.Posts[tt.post].ID)
			require.NoError(t, err)
			assert.Equal(t, tt.wantMeta, resp.Post.Options)
			assert.Equal(t, tt.wantTags, resp.Post.Tags)
		})
	}
	// Every seeded post satisfies its network's rules, as a post Buffer holds does.
	for _, p := range s.store.posts {
		if p.Status == statusSent || p.Status == statusError {
			continue // published (or failed) before today's rules need concern them
		}
		assert.Empty(t, checkContent(s.store.channelByID[p.ChannelID], p), p.Text)
	}
}

func TestChannelsListPinterestBoards(t *testing.T) {
	s := newSandbox(t, Options{})
	resp, err := client.ListChannels(ctx(t), newClient(s), s.Seed().Organizations[0].ID)
	require.NoError(t, err)
	boards := map[string][]string{}
	for _, ch := range resp.Channels {
		for _, b := range ch.Metadata.Boards {
			assert.Regexp(t, `^[0-9a-f]{24}$`, b.ID)
			assert.NotEmpty(t, b.ServiceID)
			boards[string(ch.Service)] = append(boards[string(ch.Service)], b.Name)
		}
	}
	assert.Equal(t, map[string][]string{"pinterest": {"Coffee recipes", "Brewing guides", "Inside the roastery"}}, boards)
}

func TestTagsV2(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID

	var names []string
	var hasNext []bool
	after := ""
	for range 5 {
		resp, err := client.ListTags(ctx(t), c, org, 2, after)
		require.NoError(t, err)
		for _, e := range resp.TagsV2.Edges {
			names = append(names, e.Node.Name)
			assert.Regexp(t, `^#[0-9A-F]{6}$`, e.Node.Color)
		}
		hasNext = append(hasNext, resp.TagsV2.PageInfo.HasNextPage)
		if !resp.TagsV2.PageInfo.HasNextPage {
			break
		}
		after = resp.TagsV2.PageInfo.EndCursor
	}
	assert.Equal(t, []string{"Behind the scenes", "Events", "Hiring", "New roast", "Sustainability"}, names, "sorted by name, one organization's")
	assert.Equal(t, []bool{true, true, false}, hasNext)

	bakery, err := client.ListTags(ctx(t), c, s.Seed().Organizations[1].ID, 100, "")
	require.NoError(t, err)
	require.Len(t, bakery.TagsV2.Edges, 2)
	assert.Equal(t, "Recipes", bakery.TagsV2.Edges[0].Node.Name)

	_, err = client.ListTags(ctx(t), c, org, 101, "")
	assert.ErrorContains(t, err, "first must be between 1 and 100")
	_, err = client.ListTags(ctx(t), c, "aaaaaaaaaaaaaaaaaaaaaaaa", 10, "")
	assert.ErrorContains(t, err, "Organization not found")
}

// TestEditPostKeepsTheMetadataItLeavesOut: an edit replaces what it gives of the post's own
// network and keeps the rest, as Buffer keeps required metadata that an edit leaves out.
func TestEditPostKeepsTheMetadataItLeavesOut(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	c := newClient(s)
	id := func(key string) string { return seed.Posts[key].ID }
	boards := s.store.channelByID[seed.Channels["pinterest"].ID].boards

	got := editPost(t, c, client.EditPostInput{Id: id("pinterest-pin"),
		Metadata: &meta{Pinterest: &client.PinterestPostMetadataInput{BoardServiceId: boards[2].serviceID}}})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, "Iced oat latte", got.post.Options.Title, "kept")
	assert.Equal(t, "Inside the roastery", got.post.Options.Board.Name, "changed")

	got = editPost(t, c, client.EditPostInput{Id: id("youtube-video"), Text: ptr("New description")})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, "Inside North Bean: a roastery tour", got.post.Options.Title, "required metadata left out is kept")

	got = editPost(t, c, client.EditPostInput{Id: id("instagram-reel"),
		Metadata: &meta{Instagram: &client.InstagramPostMetadataInput{Type: client.PostTypeReel, FirstComment: "#new", ShouldShareToFeed: false}},
		TagIds:   []string{}})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, client.PostMetadata{Type: "reel", FirstComment: "#new", ShouldShareToFeed: ptr(false)}, got.post.Options)
	assert.Empty(t, got.post.Tags, "an empty tag list removes the tags")

	got = editPost(t, c, client.EditPostInput{Id: id("twitter-thread"), Text: ptr("A new first post")})
	assert.Equal(t, "InvalidInputError", got.typename)
	assert.Equal(t, "Invalid post: The post's text must be the text of the first post of its thread.", got.message)

	got = editPost(t, c, client.EditPostInput{Id: id("twitter-thread"), Text: ptr("A new first post"),
		Metadata: &meta{Twitter: &client.TwitterPostMetadataInput{Thread: threadOf("A new first post", "And a second")}}})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, 2, got.post.Options.ThreadCount)

	got = editPost(t, c, client.EditPostInput{Id: id("instagram-reel"), Assets: []client.AssetInput{imageInput("https://cdn.example.com/a.jpg")}})
	assert.Equal(t, "Invalid post: Instagram reels require a video.", got.message, "an edit is checked as a whole")

	got = editPost(t, c, client.EditPostInput{Id: id("google-offer"),
		Metadata: &meta{Google: &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusinessWhatsNew}}})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, "whats_new", got.post.Options.Type)
}

func TestApproval(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	c := newClient(s)
	img := []client.AssetInput{imageInput("https://cdn.example.com/a.jpg")}
	change := func(v string) *string { return &v }

	draft := createPost(t, c, client.CreatePostInput{ChannelId: seed.Channels["instagram"].ID, Assets: img,
		Metadata: instagram(client.PostTypePost), SaveToDraft: ptr(true)})
	require.Equal(t, client.PostStatusDraft, draft.post.Status, draft.message)

	got := editPost(t, c, client.EditPostInput{Id: draft.post.Id, ApprovalChange: change("revert")})
	assert.Equal(t, "Only a post awaiting approval can go back to drafts.", got.message)

	got = editPost(t, c, client.EditPostInput{Id: draft.post.Id, ApprovalChange: change("request")})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, client.PostStatusNeedsApproval, got.post.Status)

	got = editPost(t, c, client.EditPostInput{Id: draft.post.Id, ApprovalChange: change("revert")})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, client.PostStatusDraft, got.post.Status)

	got = editPost(t, c, client.EditPostInput{Id: seed.Posts["linkedin-draft"].ID, ApprovalChange: change("request")})
	assert.Equal(t, msgNoApproval, got.message)

	got = createPost(t, c, client.CreatePostInput{ChannelId: seed.Channels["instagram"].ID, Assets: img,
		Metadata: instagram(client.PostTypePost), NeedsApproval: true, SaveToDraft: ptr(false)})
	assert.Equal(t, "needsApproval cannot be combined with saveToDraft: false.", got.message)
}
