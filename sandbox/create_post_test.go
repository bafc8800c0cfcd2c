package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func imageInput(url string) client.AssetInput {
	return client.AssetInput{Image: &client.ImageAssetInput{Url: url, Metadata: &client.ImageMetadataInput{AltText: "a cup"}}}
}

func videoInput(url string) client.AssetInput {
	return client.AssetInput{Video: &client.VideoAssetInput{Url: url}}
}

func documentInput(url string) client.AssetInput {
	return client.AssetInput{Document: &client.DocumentAssetInput{Url: url, Title: "Menu", ThumbnailUrl: url + ".png"}}
}

func linkInput(url string) client.AssetInput {
	return client.AssetInput{Link: &client.LinkAssetInput{Url: url, Title: "Our story"}}
}

func TestCreatePostRefusals(t *testing.T) {
	s := newSandbox(t, Options{})
	ch := func(key string) string { return s.Seed().Channels[key].ID }
	tests := []struct {
		name         string
		in           client.CreatePostInput
		wantTypename string
		wantMessage  string
	}{
		{name: "unknown channel", in: client.CreatePostInput{ChannelId: "aaaaaaaaaaaaaaaaaaaaaaaa", Text: "hi"},
			wantTypename: "NotFoundError", wantMessage: "Channel not found"},
		{name: "channel id that is not an ObjectId", in: client.CreatePostInput{ChannelId: "linkedin", Text: "hi"},
			wantTypename: "NotFoundError", wantMessage: "Channel not found"},
		{name: "locked channel", in: client.CreatePostInput{ChannelId: ch("tiktok"), Text: "hi", Assets: []client.AssetInput{videoInput("https://cdn.example.com/v.mp4")}},
			wantTypename: "UnauthorizedError", wantMessage: msgLockedChannel},
		{name: "disconnected channel", in: client.CreatePostInput{ChannelId: ch("bluesky"), Text: "hi"},
			wantTypename: "InvalidInputError", wantMessage: "Channel is disconnected. Reconnect it in Buffer to post."},
		{name: "customScheduled without dueAt", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Mode: client.ShareModeCustomscheduled},
			wantTypename: "InvalidInputError", wantMessage: "dueAt is required when mode is customScheduled."},
		{name: "customScheduled in the past",
			in:           client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Mode: client.ShareModeCustomscheduled, DueAt: "2026-03-07T03:59:59-05:00"},
			wantTypename: "InvalidInputError", wantMessage: "dueAt 2026-03-07T08:59:59.000Z is in the past: choose a time in the future."},
		{name: "no text and no assets", in: client.CreatePostInput{ChannelId: ch("linkedin")},
			wantTypename: "InvalidInputError", wantMessage: "Text is required"},
		{name: "blank text", in: client.CreatePostInput{ChannelId: ch("twitter"), Text: " \n "},
			wantTypename: "InvalidInputError", wantMessage: "Text is required"},
		{name: "no text, even for a draft", in: client.CreatePostInput{ChannelId: ch("linkedin"), SaveToDraft: ptr(true)},
			wantTypename: "InvalidInputError", wantMessage: "Text is required"},
		// Buffer's own words, as observed: every problem at once, joined with ", ".
		{name: "instagram without media or a type", in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi"},
			wantTypename: "InvalidInputError", wantMessage: "Invalid post: Instagram posts require at least one image or video., Instagram posts require a type (post, story, or reel)."},
		{name: "instagram with a document only",
			in: client.CreatePostInput{ChannelId: ch("instagram"), Text: "hi", Assets: []client.AssetInput{documentInput("https://cdn.example.com/menu.pdf")},
				Metadata: &client.PostInputMetaData{Instagram: &client.InstagramPostMetadataInput{Type: client.PostTypePost, ShouldShareToFeed: true}}},
			wantTypename: "InvalidInputError", wantMessage: "Invalid post: Instagram posts require at least one image or video."},
		{name: "asset setting two kinds",
			in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: []client.AssetInput{{
				Image: &client.ImageAssetInput{Url: "https://cdn.example.com/a.jpg"}, Video: &client.VideoAssetInput{Url: "https://cdn.example.com/a.mp4"}}}},
			wantTypename: "InvalidInputError", wantMessage: msgOneAssetKind},
		{name: "asset setting none", in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: []client.AssetInput{{}}},
			wantTypename: "InvalidInputError", wantMessage: msgOneAssetKind},
		{name: "video with a thumbnailUrl",
			in: client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: []client.AssetInput{{
				Video: &client.VideoAssetInput{Url: "https://cdn.example.com/a.mp4", ThumbnailUrl: "https://cdn.example.com/a.jpg"}}}},
			wantTypename: "InvalidInputError", wantMessage: msgVideoThumb},
		{name: "two links",
			in:           client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: []client.AssetInput{linkInput("https://a.example"), linkInput("https://b.example")}},
			wantTypename: "InvalidInputError", wantMessage: msgOneLink},
		{name: "a link with an image",
			in:           client.CreatePostInput{ChannelId: ch("linkedin"), Text: "hi", Assets: []client.AssetInput{linkInput("https://a.example"), imageInput("https://cdn.example.com/a.jpg")}},
			wantTypename: "InvalidInputError", wantMessage: msgLinkAndMedia},
	}
	c := newClient(s)
	before := len(s.Posts())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createPost(t, c, tt.in)
			assert.Equal(t, tt.wantTypename, got.typename)
			assert.Equal(t, tt.wantMessage, got.message)
			assert.Len(t, s.Posts(), before, "nothing is stored")
		})
	}
}

func TestCreatePostModes(t *testing.T) {
	const now = "2026-03-07T09:00:00.000Z"
	tests := []struct {
		name        string
		in          client.CreatePostInput
		wantStatus  client.PostStatus
		wantDueAt   string
		wantCustom  bool
		wantShared  bool
		wantSentAt  string
		wantLink    string // a pattern for the published post's address
		wantSharing client.ShareMode
	}{
		// The seeded queue holds Saturday's 11:00 and 15:00 (London is on UTC in March).
		{name: "addToQueue", in: client.CreatePostInput{Mode: client.ShareModeAddtoqueue},
			wantStatus: client.PostStatusScheduled, wantDueAt: "2026-03-07T19:00:00.000Z", wantSharing: client.ShareModeAddtoqueue},
		{name: "shareNext", in: client.CreatePostInput{Mode: client.ShareModeSharenext},
			wantStatus: client.PostStatusScheduled, wantDueAt: "2026-03-07T11:00:00.000Z", wantSharing: client.ShareModeSharenext},
		{name: "customScheduled", in: client.CreatePostInput{Mode: client.ShareModeCustomscheduled, DueAt: "2026-03-10T08:15:00+09:00"},
			wantStatus: client.PostStatusScheduled, wantDueAt: "2026-03-09T23:15:00.000Z", wantCustom: true, wantSharing: client.ShareModeCustomscheduled},
		{name: "customScheduled at this very moment", in: client.CreatePostInput{Mode: client.ShareModeCustomscheduled, DueAt: now},
			wantStatus: client.PostStatusScheduled, wantDueAt: now, wantCustom: true, wantSharing: client.ShareModeCustomscheduled},
		{name: "shareNow", in: client.CreatePostInput{Mode: client.ShareModeSharenow},
			wantStatus: client.PostStatusSent, wantDueAt: now, wantSentAt: now, wantShared: true,
			wantLink: `^https://x\.com/northbean/status/\d+$`, wantSharing: client.ShareModeSharenow},
		{name: "draft", in: client.CreatePostInput{Mode: client.ShareModeAddtoqueue, SaveToDraft: ptr(true)},
			wantStatus: client.PostStatusDraft, wantSharing: client.ShareModeAddtoqueue},
		{name: "draft with a time", in: client.CreatePostInput{Mode: client.ShareModeCustomscheduled, DueAt: "2026-03-20T12:00:00Z", SaveToDraft: ptr(true)},
			wantStatus: client.PostStatusDraft, wantDueAt: "2026-03-20T12:00:00.000Z", wantCustom: true, wantSharing: client.ShareModeCustomscheduled},
		{name: "a draft is never published", in: client.CreatePostInput{Mode: client.ShareModeSharenow, SaveToDraft: ptr(true)},
			wantStatus: client.PostStatusDraft, wantSharing: client.ShareModeSharenow},
		{name: "saveToDraft false", in: client.CreatePostInput{Mode: client.ShareModeAddtoqueue, SaveToDraft: ptr(false)},
			wantStatus: client.PostStatusScheduled, wantDueAt: "2026-03-07T19:00:00.000Z", wantSharing: client.ShareModeAddtoqueue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSandbox(t, Options{})
			tt.in.ChannelId = s.Seed().Channels["twitter"].ID
			tt.in.Text = "Cold brew season starts today."
			got := createPost(t, newClient(s), tt.in)
			require.Equal(t, "PostActionSuccess", got.typename, got.message)
			assert.Equal(t, tt.wantStatus, got.post.Status)
			assert.Equal(t, tt.wantDueAt, got.post.DueAt)
			assert.Equal(t, tt.wantSentAt, got.post.SentAt)
			assert.Equal(t, tt.wantSharing, got.post.ShareMode)
			assert.Equal(t, now, got.post.CreatedAt)
			assert.Equal(t, "Europe/London", got.post.Channel.Timezone)
			if tt.wantLink != "" {
				assert.Regexp(t, tt.wantLink, got.post.ExternalLink)
			} else {
				assert.Empty(t, got.post.ExternalLink)
			}

			p := stored(t, s, got.post.Id)
			assert.Equal(t, tt.wantCustom, p.IsCustomScheduled)
			assert.Equal(t, tt.wantShared, p.SharedNow)
			assert.Equal(t, "api", p.Via)
			assert.Equal(t, "twitter", p.ChannelService)
			assert.Equal(t, s.Seed().Organizations[0].ID, p.OrganizationID)
			assert.Equal(t, fixedNow, p.CreatedAt)
			assert.Equal(t, fixedNow, p.UpdatedAt)
			assert.Regexp(t, `^[0-9a-f]{24}$`, p.ID)
		})
	}
}

func TestCreatePostAssets(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	got := createPost(t, c, client.CreatePostInput{
		ChannelId:      s.Seed().Channels["linkedin"].ID,
		Text:           "Our autumn menu, in pictures and in print.",
		SchedulingType: client.SchedulingTypeNotification,
		Assets: []client.AssetInput{
			imageInput("https://cdn.example.com/latte.png"),
			videoInput("https://cdn.example.com/pour.mp4"),
			documentInput("https://cdn.example.com/menu.pdf"),
		},
	})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, client.SchedulingTypeNotification, got.post.SchedulingType)
	assert.Equal(t, []client.PostDetailAssetsAsset{
		{Typename: "ImageAsset", Type: client.AssetTypeImage, Source: "https://cdn.example.com/latte.png", Thumbnail: "https://cdn.example.com/latte.png"},
		{Typename: "VideoAsset", Type: client.AssetTypeVideo, Source: "https://cdn.example.com/pour.mp4", Thumbnail: "https://cdn.example.com/pour.mp4"},
		{Typename: "DocumentAsset", Type: client.AssetTypeDocument, Source: "https://cdn.example.com/menu.pdf", Thumbnail: "https://cdn.example.com/menu.pdf.png"},
	}, got.post.Assets)
	assert.Equal(t, "a cup", stored(t, s, got.post.Id).Assets[0].AltText)

	// Each asset type answers its own metadata and MIME type.
	body := post(t, s, "POST", `{"query":"{ post(input: {id: \"`+got.post.Id+`\"}) { assets { mimeType ... on ImageAsset { image { altText } } ... on VideoAsset { video { durationMs } } ... on DocumentAsset { document { title thumbnails } } } } }"}`, "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"post":{"assets":[
		{"mimeType":"image/png","image":{"altText":"a cup"}},
		{"mimeType":"video/mp4","video":{"durationMs":0}},
		{"mimeType":"application/pdf","document":{"title":"Menu","thumbnails":["https://cdn.example.com/menu.pdf.png"]}}]}}}`, body.body)

	// A link is the post's link attachment, not media.
	got = createPost(t, c, client.CreatePostInput{
		ChannelId: s.Seed().Channels["linkedin"].ID,
		Assets:    []client.AssetInput{linkInput("https://northbeancoffee.example/story")},
	})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Empty(t, got.post.Assets)
	assert.Equal(t, &Link{URL: "https://northbeancoffee.example/story", Title: "Our story"}, stored(t, s, got.post.Id).Link)

	// Instagram takes a video as well as an image.
	got = createPost(t, c, client.CreatePostInput{
		ChannelId: s.Seed().Channels["instagram"].ID,
		Assets:    []client.AssetInput{videoInput("https://cdn.example.com/reel.mov")},
		Metadata:  &client.PostInputMetaData{Instagram: &client.InstagramPostMetadataInput{Type: client.PostTypeReel, ShouldShareToFeed: true}},
	})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
}

// TestCreatePostPausedQueue: a paused queue still takes posts; it only holds publishing.
func TestCreatePostPausedQueue(t *testing.T) {
	s := newSandbox(t, Options{})
	got := createPost(t, newClient(s), client.CreatePostInput{ChannelId: s.Seed().Channels["facebook"].ID, Text: "G'day!"})
	require.Equal(t, "PostActionSuccess", got.typename, got.message)
	assert.Equal(t, client.PostStatusScheduled, got.post.Status)
}
