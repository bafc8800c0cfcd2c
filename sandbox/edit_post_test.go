package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func TestEditPostRefusals(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	id := func(key string) string { return seed.Posts[key].ID }
	mode := func(m client.ShareMode) *client.ShareMode { return &m }
	tests := []struct {
		name         string
		in           client.EditPostInput
		wantTypename string
		wantMessage  string
	}{
		{name: "unknown post", in: client.EditPostInput{Id: "aaaaaaaaaaaaaaaaaaaaaaaa", Text: ptr("x")},
			wantTypename: "NotFoundError", wantMessage: "Post not found"},
		{name: "id that is not an ObjectId", in: client.EditPostInput{Id: "42", Text: ptr("x")},
			wantTypename: "NotFoundError", wantMessage: "Post not found"},
		{name: "sent post", in: client.EditPostInput{Id: id("linkedin-sent"), Text: ptr("x")},
			wantTypename: "InvalidInputError", wantMessage: "Sent posts cannot be edited"},
		{name: "post being sent", in: client.EditPostInput{Id: id("twitter-sending"), Text: ptr("x")},
			wantTypename: "InvalidInputError", wantMessage: "Sent posts cannot be edited"},
		{name: "empty text and no assets", in: client.EditPostInput{Id: id("linkedin-queued-1"), Text: ptr("")},
			wantTypename: "InvalidInputError", wantMessage: "Text is required"},
		{name: "instagram without media", in: client.EditPostInput{Id: id("instagram-queued"), Assets: []client.AssetInput{}},
			wantTypename: "InvalidInputError", wantMessage: "Invalid post: Instagram posts require at least one image or video."},
		{name: "asset setting no kind", in: client.EditPostInput{Id: id("linkedin-queued-1"), Assets: []client.AssetInput{{}}},
			wantTypename: "InvalidInputError", wantMessage: msgOneAssetKind},
		{name: "customScheduled without dueAt", in: client.EditPostInput{Id: id("linkedin-queued-1"), Mode: mode(client.ShareModeCustomscheduled)},
			wantTypename: "InvalidInputError", wantMessage: "dueAt is required when mode is customScheduled."},
		{name: "customScheduled in the past",
			in:           client.EditPostInput{Id: id("linkedin-queued-1"), Mode: mode(client.ShareModeCustomscheduled), DueAt: ptr("2026-03-01T00:00:00Z")},
			wantTypename: "InvalidInputError", wantMessage: "dueAt 2026-03-01T00:00:00.000Z is in the past: choose a time in the future."},
		{name: "publishing on a disconnected channel", in: client.EditPostInput{Id: id("bluesky-error"), Mode: mode(client.ShareModeSharenow)},
			wantTypename: "InvalidInputError", wantMessage: msgDisconnected},
	}
	c := newClient(s)
	before := s.Posts()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := editPost(t, c, tt.in)
			assert.Equal(t, tt.wantTypename, got.typename)
			assert.Equal(t, tt.wantMessage, got.message)
			assert.Equal(t, before, s.Posts(), "nothing changes")
		})
	}
}

func TestEditPostChanges(t *testing.T) {
	later := fixedNow.Add(time.Hour)
	mode := func(m client.ShareMode) *client.ShareMode { return &m }
	tests := []struct {
		name  string
		key   string
		in    client.EditPostInput
		check func(t *testing.T, before, after Post)
	}{
		{name: "text alone keeps the schedule", key: "linkedin-queued-1", in: client.EditPostInput{Text: ptr("New roast, new notes.")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, "New roast, new notes.", after.Text)
				assert.Equal(t, before.DueAt, after.DueAt)
				assert.Equal(t, statusScheduled, after.Status)
				assert.Equal(t, before.ShareMode, after.ShareMode)
			}},
		{name: "dueAt without a mode leaves the schedule", key: "linkedin-queued-1", in: client.EditPostInput{DueAt: ptr("2026-04-01T10:00:00Z")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, before.DueAt, after.DueAt)
				assert.False(t, after.IsCustomScheduled)
			}},
		{name: "customScheduled sets the time", key: "linkedin-queued-1",
			in: client.EditPostInput{Mode: mode(client.ShareModeCustomscheduled), DueAt: ptr("2026-04-01T10:00:00+02:00")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, at(t, "2026-04-01T08:00:00Z"), *after.DueAt)
				assert.True(t, after.IsCustomScheduled)
				assert.Equal(t, modeCustomScheduled, after.ShareMode)
				assert.Equal(t, before.Text, after.Text)
			}},
		{name: "shareNow publishes", key: "linkedin-queued-2", in: client.EditPostInput{Mode: mode(client.ShareModeSharenow)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusSent, after.Status)
				assert.Equal(t, later, *after.SentAt)
				assert.Equal(t, later, *after.DueAt)
				assert.True(t, after.SharedNow)
				assert.Regexp(t, `^https://www\.linkedin\.com/feed/update/urn:li:share:\d+$`, after.ExternalLink)
			}},
		{name: "addToQueue moves a custom post into the queue", key: "linkedin-custom", in: client.EditPostInput{Mode: mode(client.ShareModeAddtoqueue)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, at(t, "2026-03-10T13:00:00Z"), *after.DueAt, "Tuesday 09:00 in New York: Monday is full")
				assert.False(t, after.IsCustomScheduled)
			}},
		{name: "shareNext moves a queued post to the front", key: "linkedin-queued-3", in: client.EditPostInput{Mode: mode(client.ShareModeSharenext)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, at(t, "2026-03-09T13:00:00Z"), *after.DueAt)
			}},
		{name: "an empty asset list removes the media", key: "linkedin-queued-3",
			in: client.EditPostInput{Assets: []client.AssetInput{}, Text: ptr("Moved to a text post")},
			check: func(t *testing.T, before, after Post) {
				assert.Empty(t, after.Assets)
				assert.Equal(t, "Moved to a text post", after.Text)
			}},
		{name: "assets are replaced", key: "instagram-queued",
			in: client.EditPostInput{Assets: []client.AssetInput{videoInput("https://cdn.example.com/reel.mp4")}},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, []Asset{{Type: "video", URL: "https://cdn.example.com/reel.mp4"}}, after.Assets)
				assert.Equal(t, before.Text, after.Text)
			}},
		{name: "schedulingType", key: "twitter-queued-1", in: client.EditPostInput{SchedulingType: ptr(client.SchedulingTypeNotification)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, "notification", after.SchedulingType)
			}},
		{name: "saveToDraft false schedules a draft", key: "facebook-draft", in: client.EditPostInput{SaveToDraft: ptr(false)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusScheduled, after.Status)
				assert.NotNil(t, after.DueAt)
			}},
		{name: "a mode on a draft keeps it a draft", key: "linkedin-draft", in: client.EditPostInput{Mode: mode(client.ShareModeSharenow)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusDraft, after.Status)
				assert.Nil(t, after.DueAt)
				assert.Empty(t, after.ExternalLink)
			}},
		{name: "a draft takes a custom time", key: "linkedin-draft",
			in: client.EditPostInput{Mode: mode(client.ShareModeCustomscheduled), DueAt: ptr("2026-03-20T15:00:00Z")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusDraft, after.Status)
				assert.Equal(t, at(t, "2026-03-20T15:00:00Z"), *after.DueAt)
			}},
		{name: "saveToDraft true takes a queued post out of the queue", key: "twitter-queued-1", in: client.EditPostInput{SaveToDraft: ptr(true)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusDraft, after.Status)
				assert.Nil(t, after.DueAt)
			}},
		{name: "saveToDraft true keeps a custom time", key: "linkedin-custom", in: client.EditPostInput{SaveToDraft: ptr(true)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusDraft, after.Status)
				assert.Equal(t, before.DueAt, after.DueAt)
			}},
		{name: "a mode reschedules a failed post", key: "instagram-error", in: client.EditPostInput{Mode: mode(client.ShareModeAddtoqueue)},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusScheduled, after.Status)
				assert.Nil(t, after.Error)
				assert.True(t, after.DueAt.After(later))
			}},
		{name: "text alone leaves a failed post failed", key: "instagram-error", in: client.EditPostInput{Text: ptr("Cropped to 4:5")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusError, after.Status)
				assert.Equal(t, before.Error, after.Error)
			}},
		{name: "a post awaiting approval stays so", key: "instagram-approval", in: client.EditPostInput{Text: ptr("Giveaway, reworded")},
			check: func(t *testing.T, before, after Post) {
				assert.Equal(t, statusNeedsApproval, after.Status)
				assert.Equal(t, before.DueAt, after.DueAt)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &testClock{t: fixedNow}
			s := newSandbox(t, Options{Now: clock.Now})
			id := s.Seed().Posts[tt.key].ID
			before := stored(t, s, id)
			clock.Advance(time.Hour)
			tt.in.Id = id
			got := editPost(t, newClient(s), tt.in)
			require.Equal(t, "PostActionSuccess", got.typename, got.message)
			assert.Equal(t, id, got.post.Id)
			after := stored(t, s, id)
			assert.Equal(t, later, after.UpdatedAt)
			assert.Equal(t, before.CreatedAt, after.CreatedAt)
			assert.Equal(t, formatTime(after.UpdatedAt), formatTime(later))
			tt.check(t, before, after)
		})
	}
}

// TestEditPostNullText: for editPost a null text clears it, as "" does, while a missing
// text keeps it. genqlient never sends null, so this goes in by hand.
func TestEditPostNullText(t *testing.T) {
	s := newSandbox(t, Options{})
	id := s.Seed().Posts["instagram-queued"].ID
	query := `{"query":"mutation($i: EditPostInput!) { editPost(input: $i) { __typename ... on PostActionSuccess { post { text } } } }","variables":{"i":%s}}`

	got := post(t, s, "POST", sprintf(query, `{"id":"`+id+`","mode":null}`), "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"editPost":{"__typename":"PostActionSuccess","post":{"text":"`+stored(t, s, id).Text+`"}}}}`, got.body)

	got = post(t, s, "POST", sprintf(query, `{"id":"`+id+`","text":null}`), "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"editPost":{"__typename":"PostActionSuccess","post":{"text":""}}}}`, got.body)
	assert.Empty(t, stored(t, s, id).Text)
}

func TestEditPostQueueLimit(t *testing.T) {
	s := newSandbox(t, Options{QueueLimit: 2})
	seed := s.Seed()
	c := newClient(s)

	// Twitter holds two scheduled posts: a draft cannot join them...
	got := editPost(t, c, client.EditPostInput{Id: seed.Posts["facebook-draft"].ID, SaveToDraft: ptr(false)})
	assert.Equal(t, "PostActionSuccess", got.typename, "facebook has room")
	draft := createPost(t, c, client.CreatePostInput{ChannelId: seed.Channels["twitter"].ID, Text: "x", SaveToDraft: ptr(true)})
	got = editPost(t, c, client.EditPostInput{Id: draft.post.Id, SaveToDraft: ptr(false)})
	assert.Equal(t, "LimitReachedError", got.typename)
	assert.Equal(t, statusDraft, stored(t, s, draft.post.Id).Status)

	// ...but a post already in the queue can move within it.
	m := client.ShareModeSharenext
	got = editPost(t, c, client.EditPostInput{Id: seed.Posts["twitter-queued-2"].ID, Mode: &m})
	assert.Equal(t, "PostActionSuccess", got.typename, got.message)
}
