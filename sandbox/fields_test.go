package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryField selects every field of the schema once, so that each resolver is known to
// answer (graphql-go checks at New that they exist, not what they return).
func TestEveryField(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	create := `{"query":"mutation($i: CreatePostInput!) { createPost(input: $i) { ... on PostActionSuccess { post { id } } ... on MutationError { message } } }","variables":{"i":{
		"channelId":"` + seed.Channels["instagram"].ID + `","mode":"customScheduled","dueAt":"2026-03-12T10:00:00+01:00",
		"schedulingType":"automatic","text":"Latte art, slowed down.","ideaId":"0123456789abcdef01234567","tagIds":[],"source":"test","aiAssisted":false,
		"metadata":{"instagram":{"type":"carousel","firstComment":"#latteart","shouldShareToFeed":true}},
		"assets":[
			{"image":{"url":"https://cdn.example.com/latte.gif","thumbnailUrl":"https://cdn.example.com/latte-thumb.jpg",
				"metadata":{"altText":"A tulip poured in a latte","animatedThumbnail":"https://cdn.example.com/latte-anim.gif",
				"userTags":[{"handle":"barista","x":0.5,"y":0.25}],"dimensions":{"width":1080,"height":1350}}}},
			{"video":{"url":"https://cdn.example.com/pour.mov","metadata":{"thumbnailOffset":1500,"title":"The pour"}}}]}}}`
	created := post(t, s, "POST", create, "Bearer "+DefaultKey)
	require.Equal(t, 200, created.status, created.body)
	var out struct {
		Data struct {
			CreatePost struct{ Post struct{ ID string } }
		}
	}
	decode(t, created.body, &out)
	id := out.Data.CreatePost.Post.ID
	require.NotEmpty(t, id, created.body)

	query := `query($p: PostId!, $c: ChannelId!, $o: OrganizationId!) {
		account { id email avatar createdAt timezone name organizations { id channelCount name ownerEmail } }
		channel(input: {id: $c}) { id avatar createdAt descriptor displayName isDisconnected isLocked isNew
			postingSchedule { day times paused } isQueuePaused name organizationId products service serviceId
			timezone updatedAt externalLink metadata { __typename } }
		tagsV2(input: {organizationId: $o}, first: 1) { edges { cursor node { id } } pageInfo { startCursor hasPreviousPage } }
		post(input: {id: $p}) { id ideaId status schedulingType isCustomScheduled createdAt updatedAt dueAt sentAt
			text externalLink channelId channelService channel { id } error { message supportUrl rawError }
			sharedNow shareMode tags { id name color }
			metadata { __typename ... on InstagramPostMetadata { type firstComment shouldShareToFeed } }
			assets { id type mimeType source thumbnail
				... on ImageAsset { image { altText width height isAnimated animatedThumbnail } }
				... on VideoAsset { video { durationMs width height title thumbnailOffset } }
				... on DocumentAsset { document { filesize numPages thumbnails title } } } }
	}`
	got := post(t, s, "POST", body(t, query, map[string]any{"p": id, "c": seed.Channels["instagram"].ID, "o": seed.Organizations[0].ID}), "Bearer "+DefaultKey)
	require.Equal(t, 200, got.status, got.body)
	assert.NotContains(t, got.body, `"errors"`)
	for _, want := range []string{
		`"ideaId":"0123456789abcdef01234567"`, `"isCustomScheduled":true`, `"dueAt":"2026-03-12T09:00:00.000Z"`,
		`"sentAt":null`, `"error":null`, `"sharedNow":false`, `"shareMode":"customScheduled"`, `"products":["publish"]`,
		`"mimeType":"image/gif"`, `"thumbnail":"https://cdn.example.com/latte-thumb.jpg"`,
		`"image":{"altText":"A tulip poured in a latte","width":1080,"height":1350,"isAnimated":true,"animatedThumbnail":null}`,
		`"mimeType":"video/quicktime"`, `"video":{"durationMs":0,"width":0,"height":0,"title":"The pour","thumbnailOffset":1500}`,
		`"timezone":"Europe/Berlin"`, `"ownerEmail":"maya@northbeancoffee.example"`, `"tags":[]`, `"metadata":null`,
		`"metadata":{"__typename":"InstagramPostMetadata","type":"carousel","firstComment":"#latteart","shouldShareToFeed":true}`,
	} {
		assert.Contains(t, got.body, want)
	}

	doc := post(t, s, "POST", `{"query":"mutation { createPost(input: {channelId: \"`+seed.Channels["linkedin"].ID+`\", mode: shareNow, schedulingType: automatic, assets: [{document: {url: \"https://cdn.example.com/report\", title: \"Report\", thumbnailUrl: \"https://cdn.example.com/report.jpg\"}}]}) { ... on PostActionSuccess { post { sharedNow assets { mimeType ... on DocumentAsset { document { filesize numPages title } } } } } } }"}`, "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"createPost":{"post":{"sharedNow":true,"assets":[{"mimeType":"application/pdf","document":{"filesize":null,"numPages":0,"title":"Report"}}]}}}}`, doc.body)
}

func TestExternalLinks(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	const id = "0123456789abcdef01234567"
	tests := map[string]string{
		"linkedin":       `^https://www\.linkedin\.com/feed/update/urn:li:share:\d{19}$`,
		"instagram":      `^https://www\.instagram\.com/p/C0123456789/$`,
		"twitter":        `^https://x\.com/northbean/status/\d{19}$`,
		"mastodon":       `^https://mastodon\.example/@northbean/\d+$`,
		"facebook":       `^https://www\.facebook\.com/104857600123456/posts/\d+$`,
		"bluesky":        `^https://bsky\.app/profile/northbean\.bsky\.social/post/3l0123456789a$`,
		"tiktok":         `^https://www\.tiktok\.com/@northbeancoffee/video/\d{19}$`,
		"pinterest":      `^https://www\.pinterest\.com/pin/10\d{15}/$`,
		"youtube":        `^https://www\.youtube\.com/watch\?v=0123456789a$`,
		"bakery-threads": `^https://www\.threads\.net/@harbourlanebakery/post/C0123456789$`,
	}
	for key, want := range tests {
		c := s.store.channelByID[s.Seed().Channels[key].ID]
		assert.Regexp(t, want, externalLink(c, id), key)
	}
	assert.Equal(t, "https://buffer.com/p/"+id, externalLink(&channel{service: "substack"}, id))
}
