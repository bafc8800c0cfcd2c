package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// dueAts creates posts one after another and returns their times.
func dueAts(t *testing.T, s *Server, inputs ...client.CreatePostInput) []string {
	t.Helper()
	var out []string
	for _, in := range inputs {
		got := createPost(t, newClient(s), in)
		require.Equal(t, "PostActionSuccess", got.typename, got.message)
		out = append(out, got.post.DueAt)
	}
	return out
}

func queued(channelID string) client.CreatePostInput {
	return client.CreatePostInput{ChannelId: channelID, Text: "queued", Mode: client.ShareModeAddtoqueue}
}

// TestQueueAcrossTimezoneAndPausedDay: the Tokyo channel posts at 07:30, 12:00 and 20:00
// local, never on Sunday. At 18:00 on Saturday in Tokyo, the seeded post holds 20:00.
func TestQueueAcrossTimezoneAndPausedDay(t *testing.T) {
	s := newSandbox(t, Options{})
	tokyo := s.Seed().Channels["mastodon"].ID
	got := dueAts(t, s, queued(tokyo), queued(tokyo), queued(tokyo), queued(tokyo))
	assert.Equal(t, []string{
		"2026-03-08T22:30:00.000Z", // Monday 07:30 in Tokyo: Sunday is paused
		"2026-03-09T03:00:00.000Z", // Monday 12:00
		"2026-03-09T11:00:00.000Z", // Monday 20:00
		"2026-03-09T22:30:00.000Z", // Tuesday 07:30
	}, got)
	assert.Equal(t, "2026-03-07T11:00:00.000Z", *timeString(stored(t, s, s.Seed().Posts["mastodon-queued"].ID).DueAt))
}

func timeString(t *time.Time) *string {
	s := formatTime(*t)
	return &s
}

// TestQueueSlotsAreStrictlyAfterNow: at 12:00 in Tokyo sharp, the 12:00 slot has gone.
func TestQueueSlotsAreStrictlyAfterNow(t *testing.T) {
	s := newSandbox(t, Options{Now: func() time.Time { return time.Date(2026, 3, 9, 3, 0, 0, 0, time.UTC) }})
	tokyo := s.Seed().Channels["mastodon"].ID
	assert.Equal(t, "2026-03-09T11:00:00.000Z", *timeString(stored(t, s, s.Seed().Posts["mastodon-queued"].ID).DueAt))
	assert.Equal(t, []string{"2026-03-09T22:30:00.000Z"}, dueAts(t, s, queued(tokyo)))
}

// TestQueueAcrossDaylightSaving: New York moves to daylight time on 8 March 2026, so
// Monday's 09:00 is 13:00 UTC where Friday's was 14:00.
func TestQueueAcrossDaylightSaving(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	for key, want := range map[string]string{
		"linkedin-queued-1": "2026-03-09T13:00:00.000Z",
		"linkedin-queued-2": "2026-03-09T16:30:00.000Z",
		"linkedin-queued-3": "2026-03-09T21:00:00.000Z",
		"linkedin-custom":   "2026-03-10T19:45:00.000Z", // 15:45 local, three days on
	} {
		assert.Equal(t, want, *timeString(stored(t, s, seed.Posts[key].ID).DueAt), key)
	}

	london := s.store.channelByID[seed.Channels["twitter"].ID]
	slot, ok := london.nextSlot(time.Date(2026, 3, 28, 19, 30, 0, 0, time.UTC), nil)
	require.True(t, ok)
	assert.Equal(t, time.Date(2026, 3, 29, 7, 0, 0, 0, time.UTC), slot, "08:00 British Summer Time")
}

func TestQueueSkipsTakenSlots(t *testing.T) {
	s := newSandbox(t, Options{})
	tokyo := s.Seed().Channels["mastodon"].ID
	custom := client.CreatePostInput{ChannelId: tokyo, Text: "at a slot", Mode: client.ShareModeCustomscheduled, DueAt: "2026-03-09T07:30:00+09:00"}
	assert.Equal(t, []string{"2026-03-08T22:30:00.000Z", "2026-03-09T03:00:00.000Z"}, dueAts(t, s, custom, queued(tokyo)),
		"a custom-scheduled post at a slot's time holds it")

	_, err := client.DeletePost(ctx(t), newClient(s), s.Seed().Posts["mastodon-queued"].ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"2026-03-07T11:00:00.000Z"}, dueAts(t, s, queued(tokyo)), "a deleted post frees its slot")
}

func TestQueueWithoutSlots(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	c := &channel{loc: loc, schedule: weekly([]string{"09:00"}, "mon", "tue", "wed", "thu", "fri", "sat", "sun")}
	assert.False(t, c.hasSlots())
	_, ok := c.nextSlot(fixedNow, nil)
	assert.False(t, ok)

	st := newStore(10)
	st.channels, st.channelByID = []*channel{c}, map[string]*channel{"": c}
	p := &Post{}
	assert.Equal(t, invalidInput(msgNoSchedule), st.place(c, p, statusScheduled, modeAddToQueue, nil, false, fixedNow))
	assert.Nil(t, st.place(c, p, statusScheduled, modeCustomScheduled, &fixedNow, false, fixedNow),
		"a custom time needs no schedule")
}

// TestShareNext: the new post takes the first slot and each queued post moves one slot
// later, stepping over a custom-scheduled post, which keeps its time.
func TestShareNext(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	tokyo := seed.Channels["mastodon"].ID
	c := newClient(s)
	a := createPost(t, c, queued(tokyo))
	b := createPost(t, c, queued(tokyo))
	custom := createPost(t, c, client.CreatePostInput{ChannelId: tokyo, Text: "custom", Mode: client.ShareModeCustomscheduled, DueAt: "2026-03-09T11:00:00Z"})
	draft := createPost(t, c, client.CreatePostInput{ChannelId: tokyo, Text: "draft", SaveToDraft: ptr(true)})
	other := createPost(t, c, queued(seed.Channels["twitter"].ID))
	require.Equal(t, []string{"2026-03-08T22:30:00.000Z", "2026-03-09T03:00:00.000Z"}, []string{a.post.DueAt, b.post.DueAt})

	next := createPost(t, c, client.CreatePostInput{ChannelId: tokyo, Text: "urgent", Mode: client.ShareModeSharenext})
	require.Equal(t, "PostActionSuccess", next.typename, next.message)
	assert.Equal(t, "2026-03-07T11:00:00.000Z", next.post.DueAt, "Saturday 20:00 in Tokyo")

	for id, want := range map[string]string{
		seed.Posts["mastodon-queued"].ID: "2026-03-08T22:30:00.000Z",
		a.post.Id:                        "2026-03-09T03:00:00.000Z",
		b.post.Id:                        "2026-03-09T22:30:00.000Z", // over the custom post at 20:00 Monday
		custom.post.Id:                   "2026-03-09T11:00:00.000Z",
		other.post.Id:                    other.post.DueAt,
	} {
		resp, err := client.GetPost(ctx(t), c, id)
		require.NoError(t, err)
		assert.Equal(t, want, resp.Post.DueAt, resp.Post.Text)
	}
	assert.Nil(t, stored(t, s, draft.post.Id).DueAt)
	assert.Equal(t, fixedNow, stored(t, s, a.post.Id).UpdatedAt)
}

func TestQueueLimit(t *testing.T) {
	s := newSandbox(t, Options{QueueLimit: 3})
	seed := s.Seed()
	tokyo := seed.Channels["mastodon"].ID              // one scheduled post seeded
	s.store.channelByID[tokyo].requiresApproval = true // so that a post can await approval there
	c := newClient(s)
	dueAts(t, s, queued(tokyo), queued(tokyo))

	full := "Queue limit reached: this channel already has 3 scheduled posts. Delete or publish some, or upgrade your plan."
	tests := []struct {
		name         string
		in           client.CreatePostInput
		wantTypename string
		wantMessage  string
		wantStatus   client.PostStatus
	}{
		{name: "addToQueue", in: queued(tokyo), wantTypename: "LimitReachedError", wantMessage: full},
		{name: "shareNext", in: client.CreatePostInput{ChannelId: tokyo, Text: "x", Mode: client.ShareModeSharenext},
			wantTypename: "LimitReachedError", wantMessage: full},
		{name: "customScheduled", in: client.CreatePostInput{ChannelId: tokyo, Text: "x", Mode: client.ShareModeCustomscheduled, DueAt: "2026-04-01T00:00:00Z"},
			wantTypename: "LimitReachedError", wantMessage: full},
		{name: "a draft does not count", in: client.CreatePostInput{ChannelId: tokyo, Text: "x", SaveToDraft: ptr(true)},
			wantTypename: "PostActionSuccess", wantStatus: client.PostStatusDraft},
		{name: "awaiting approval does not count", in: client.CreatePostInput{ChannelId: tokyo, Text: "x", NeedsApproval: true},
			wantTypename: "PostActionSuccess", wantStatus: client.PostStatusNeedsApproval},
		{name: "sharing now does not queue", in: client.CreatePostInput{ChannelId: tokyo, Text: "x", Mode: client.ShareModeSharenow},
			wantTypename: "PostActionSuccess", wantStatus: client.PostStatusSent},
		{name: "the limit is per channel", in: queued(seed.Channels["linkedin"].ID),
			wantTypename: "LimitReachedError", wantMessage: "Queue limit reached: this channel already has 4 scheduled posts. Delete or publish some, or upgrade your plan."},
		{name: "another channel with room", in: queued(seed.Channels["facebook"].ID),
			wantTypename: "PostActionSuccess", wantStatus: client.PostStatusScheduled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createPost(t, c, tt.in)
			assert.Equal(t, tt.wantTypename, got.typename)
			assert.Equal(t, tt.wantMessage, got.message)
			assert.Equal(t, tt.wantStatus, got.post.Status)
		})
	}

	_, err := client.DeletePost(ctx(t), c, seed.Posts["mastodon-queued"].ID)
	require.NoError(t, err)
	got := createPost(t, c, queued(tokyo))
	assert.Equal(t, "PostActionSuccess", got.typename, "deleting a scheduled post makes room")
}
