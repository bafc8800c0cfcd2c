package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// The operations beyond posts and ideas, through genqlient's real client. The fixed clock
// is Saturday 7 March 2026, 09:00 UTC: linkedin-sent went out on 3 March, twitter-sent on
// 6 March and mastodon-sent on 28 February, all at 09:00 UTC.

// assertQueryError asserts that err is one top-level GraphQL error with the code and message.
func assertQueryError(t *testing.T, err error, code, message string) {
	t.Helper()
	var list gqlerror.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, code, list[0].Extensions["code"])
	assert.Contains(t, list[0].Message, message)
}

type metricsWant struct {
	values    map[string]float64
	updatedAt string
}

func metricsOf(resp *client.AggregatedPostMetricsResponse) metricsWant {
	got := metricsWant{values: map[string]float64{}, updatedAt: resp.AggregatedPostMetrics.MetricsUpdatedAt}
	for _, m := range resp.AggregatedPostMetrics.Metrics {
		got.values[string(m.Type)] = m.Value
	}
	return got
}

func TestAggregatedPostMetricsTotalTheSentPostsOfTheWindowsUTCDays(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	org := seed.Organizations[0].ID
	tests := []struct {
		name       string
		start, end string
		channels   []string
		tags       *client.TagComparator
		want       metricsWant
	}{
		{name: "a week: counts summed, rates averaged", start: "2026-03-01T00:00:00Z", end: "2026-03-07T00:00:00Z",
			want: metricsWant{values: map[string]float64{"postCount": 2, "impressions": 6040, "reach": 3120, "reactions": 186,
				"likes": 64, "comments": 28, "shares": 12, "reposts": 9, "quotes": 2, "clicks": 138, "engagementRate": 6.9},
				updatedAt: "2026-03-07T07:00:00.000Z"}},
		{name: "one day, the end day included", start: "2026-03-03T00:00:00Z", end: "2026-03-03T00:00:00Z",
			want: metricsWant{values: map[string]float64{"postCount": 1, "impressions": 4210, "reach": 3120, "reactions": 186,
				"comments": 23, "shares": 12, "clicks": 97, "engagementRate": 7.3}, updatedAt: "2026-03-07T07:00:00.000Z"}},
		{name: "the time of day is ignored", start: "2026-02-28T23:00:00Z", end: "2026-02-28T01:00:00+01:00",
			want: metricsWant{values: map[string]float64{"postCount": 1, "reactions": 48, "reposts": 17, "comments": 6},
				updatedAt: "2026-03-07T07:00:00.000Z"}},
		{name: "some channels", start: "2026-02-01T00:00:00Z", end: "2026-03-07T00:00:00Z",
			channels: []string{seed.Channels["mastodon"].ID},
			want: metricsWant{values: map[string]float64{"postCount": 1, "reactions": 48, "reposts": 17, "comments": 6},
				updatedAt: "2026-03-07T07:00:00.000Z"}},
		{name: "tags: the sandbox's posts have none", start: "2026-02-01T00:00:00Z", end: "2026-03-07T00:00:00Z",
			tags: &client.TagComparator{In: []string{seed.Posts["linkedin-sent"].ID}},
			want: metricsWant{values: map[string]float64{"postCount": 0}}},
		{name: "no post sent in the window", start: "2026-01-01T00:00:00Z", end: "2026-01-31T00:00:00Z",
			want: metricsWant{values: map[string]float64{"postCount": 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := client.AggregatedPostMetrics(ctx(t), newClient(s), client.AggregatedPostMetricsInput{
				OrganizationId: org, StartDateTime: tt.start, EndDateTime: tt.end, ChannelIds: tt.channels, Tags: tt.tags})
			require.NoError(t, err)
			assert.Equal(t, tt.want, metricsOf(resp))
		})
	}
}

func TestAggregatedPostMetricsRefusals(t *testing.T) {
	s := newSandbox(t, Options{})
	org := s.Seed().Organizations[0].ID
	tests := []struct {
		name, org, start, end, code, message string
	}{
		{"end before start", org, "2026-03-07T00:00:00Z", "2026-03-06T00:00:00Z", "BAD_USER_INPUT", "must not be before"},
		{"366 days", org, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "BAD_USER_INPUT", "365 days"},
		{"unknown organization", "64b0000000000000000000a9", "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z", "NOT_FOUND", "Organization not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := client.AggregatedPostMetrics(ctx(t), newClient(s), client.AggregatedPostMetricsInput{
				OrganizationId: tt.org, StartDateTime: tt.start, EndDateTime: tt.end})
			assertQueryError(t, err, tt.code, tt.message)
		})
	}
	_, err := client.AggregatedPostMetrics(ctx(t), newClient(s), client.AggregatedPostMetricsInput{
		OrganizationId: org, StartDateTime: "2025-01-01T00:00:00Z", EndDateTime: "2025-12-31T00:00:00Z"})
	assert.NoError(t, err, "365 days")
}

func TestPostMetricsOnlyWhenAskedAndOnlyForSentPostsThatHaveThem(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	c := newClient(s)
	published := createPost(t, c, client.CreatePostInput{ChannelId: seed.Channels["linkedin"].ID, Text: "now", Mode: client.ShareModeSharenow})
	require.Equal(t, "PostActionSuccess", published.typename, published.message)
	in := client.PostsInput{OrganizationId: seed.Organizations[0].ID,
		Filter: &client.PostsFiltersInput{ChannelIds: []string{seed.Channels["linkedin"].ID}}}

	asked, err := client.ListPosts(ctx(t), c, in, 100, "", true)
	require.NoError(t, err)
	notAsked, err := client.ListPosts(ctx(t), c, in, 100, "", false)
	require.NoError(t, err)

	withMetrics := map[string]int{}
	for _, e := range asked.Posts.Edges {
		withMetrics[e.Node.Id] = len(e.Measured.Metrics)
	}
	assert.Equal(t, 7, withMetrics[seed.Posts["linkedin-sent"].ID], "the seeded sent post")
	assert.Zero(t, withMetrics[seed.Posts["linkedin-queued-1"].ID], "a queued post")
	assert.Zero(t, withMetrics[published.post.Id], "a post sent just now: Buffer has not ingested its metrics")
	for _, e := range notAsked.Posts.Edges {
		assert.Nil(t, e.Measured.Metrics)
	}
}

type limitWant struct {
	sent, scheduled int
	limit           *int
	atLimit         bool
}

func limitsOf(resp *client.DailyPostingLimitsResponse) map[string]limitWant {
	out := map[string]limitWant{}
	for _, l := range resp.DailyPostingLimits {
		out[l.ChannelId] = limitWant{l.Sent, l.Scheduled, l.Limit, l.IsAtLimit}
	}
	return out
}

func TestDailyPostingLimitsCountEachChannelsOwnDay(t *testing.T) {
	s := newSandbox(t, Options{})
	ch := s.Seed().Channels
	ids := []string{ch["linkedin"].ID, ch["twitter"].ID, ch["mastodon"].ID}

	today, err := client.DailyPostingLimits(ctx(t), newClient(s), ids, "")
	require.NoError(t, err)
	monday, err := client.DailyPostingLimits(ctx(t), newClient(s), ids, "2026-03-09T00:00:00Z")
	require.NoError(t, err)

	assert.Equal(t, map[string]limitWant{
		ch["linkedin"].ID: {0, 0, ptr(25), false}, // Saturday in New York: the queue starts Monday
		ch["twitter"].ID:  {1, 2, ptr(50), false}, // one post sending, 11:00 and 15:00 in London still to go
		ch["mastodon"].ID: {0, 1, nil, false},     // 20:00 in Tokyo; Mastodon has no daily limit
	}, limitsOf(today))
	assert.Equal(t, limitWant{0, 3, ptr(25), false}, limitsOf(monday)[ch["linkedin"].ID])
	assert.Equal(t, ids[0], today.DailyPostingLimits[0].ChannelId, "in the order asked")
}

func TestDailyPostingLimitsAtTheLimitAndRefusals(t *testing.T) {
	s := newSandbox(t, Options{DailyLimit: 3, Seed: "two-orgs"})
	ch := s.Seed().Channels

	resp, err := client.DailyPostingLimits(ctx(t), newClient(s), []string{ch["twitter"].ID}, "")
	require.NoError(t, err)
	assert.Equal(t, limitWant{1, 2, ptr(3), true}, limitsOf(resp)[ch["twitter"].ID])

	_, err = client.DailyPostingLimits(ctx(t), newClient(s), []string{ch["twitter"].ID, ch["bakery-threads"].ID}, "")
	assertQueryError(t, err, "BAD_USER_INPUT", "same organization")
	_, err = client.DailyPostingLimits(ctx(t), newClient(s), []string{"64c0000000000000000000c9"}, "")
	assertQueryError(t, err, "NOT_FOUND", "Channel not found")
	_, err = New(Options{DailyLimit: -1})
	assert.ErrorContains(t, err, "daily limit")
}

func movePost(t *testing.T, s *Server, id string, position client.QueuePosition) (client.PostDetail, error) {
	t.Helper()
	resp, err := client.MovePostInQueue(ctx(t), newClient(s), id, position)
	if err != nil {
		return client.PostDetail{}, err
	}
	success, ok := resp.MovePostInQueue.(*client.MovePostInQueueMovePostInQueuePostActionSuccess)
	require.True(t, ok, "%T", resp.MovePostInQueue)
	return success.Post.PostDetail, nil
}

func TestMovePostInQueueReordersTheQueueWithinItsSlots(t *testing.T) {
	s := newSandbox(t, Options{})
	posts := s.Seed().Posts
	due := func(key string) string { return *timeString(stored(t, s, posts[key].ID).DueAt) }
	// Monday 9 March in New York, on daylight time: 09:00, 12:30 and 17:00.
	slots := []string{"2026-03-09T13:00:00.000Z", "2026-03-09T16:30:00.000Z", "2026-03-09T21:00:00.000Z"}
	custom := due("linkedin-custom")
	require.Equal(t, slots, []string{due("linkedin-queued-1"), due("linkedin-queued-2"), due("linkedin-queued-3")})

	got, err := movePost(t, s, posts["linkedin-queued-3"].ID, client.QueuePositionTop)
	require.NoError(t, err)
	assert.Equal(t, slots[0], got.DueAt)
	assert.Equal(t, slots, []string{due("linkedin-queued-3"), due("linkedin-queued-1"), due("linkedin-queued-2")})

	got, err = movePost(t, s, posts["linkedin-queued-3"].ID, client.QueuePositionBottom)
	require.NoError(t, err)
	assert.Equal(t, slots[2], got.DueAt)
	assert.Equal(t, slots, []string{due("linkedin-queued-1"), due("linkedin-queued-2"), due("linkedin-queued-3")})
	assert.Equal(t, custom, due("linkedin-custom"), "a custom-scheduled post keeps its time")
}

func TestMovePostInQueueRefusesWhatIsNotInTheQueue(t *testing.T) {
	s := newSandbox(t, Options{})
	posts := s.Seed().Posts
	tests := []struct{ name, id, code, message string }{
		{"a draft", posts["linkedin-draft"].ID, "BAD_USER_INPUT", "this post is draft"},
		{"a sent post", posts["linkedin-sent"].ID, "BAD_USER_INPUT", "this post is sent"},
		{"a custom-scheduled post", posts["linkedin-custom"].ID, "BAD_USER_INPUT", "custom time"},
		{"an unknown post", "64d0000000000000000000d9", "NOT_FOUND", "Post not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := movePost(t, s, tt.id, client.QueuePositionTop)
			assertQueryError(t, err, tt.code, tt.message)
		})
	}
}

func TestIdeaGroupsAndCreateIdeaInOne(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	seed := s.Seed()
	c := newClient(s)
	names := func(org string) map[string]string {
		resp, err := client.ListIdeaGroups(ctx(t), c, org)
		require.NoError(t, err)
		out := map[string]string{}
		for _, g := range resp.IdeaGroups {
			out[g.Name] = g.Id
		}
		return out
	}
	roaster, bakery := names(seed.Organizations[0].ID), names(seed.Organizations[1].ID)
	assert.Len(t, roaster, 3)
	assert.Contains(t, roaster, "Launch")
	assert.Equal(t, roaster["Series"], seed.Ideas["origin-stories"].GroupID, "the groups seeded ideas sit in")
	assert.Equal(t, roaster["Seasonal"], seed.Ideas["gift-guide"].GroupID)
	assert.Equal(t, []string{"Weekend specials"}, keysOf(bakery))

	got := createIdea(t, c, client.CreateIdeaInput{OrganizationId: seed.Organizations[0].ID,
		Content: client.IdeaContentInput{Text: "x"}, Group: &client.IdeaGroupInput{GroupId: roaster["Launch"]}})
	assert.Equal(t, roaster["Launch"], got.idea.GroupId)

	for name, group := range map[string]string{"another organization's": bakery["Weekend specials"], "an unknown": "64f0000000000000000000f9"} {
		got := createIdea(t, c, client.CreateIdeaInput{OrganizationId: seed.Organizations[0].ID,
			Content: client.IdeaContentInput{Text: "x"}, Group: &client.IdeaGroupInput{GroupId: group}})
		assert.Equal(t, "InvalidInputError", got.typename, name)
		assert.Equal(t, msgNoIdeaGroup, got.message, name)
	}

	_, err := client.ListIdeaGroups(ctx(t), c, "64b0000000000000000000a9")
	assertQueryError(t, err, "NOT_FOUND", "Organization not found")
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
