package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// keys maps post ids back to their seed keys, so that expectations read as names; a post
// made during the test is "new".
func keys(s *Server, edges []client.ListPostsPostsPostsResultsEdgesPostsEdge) []string {
	byID := map[string]string{}
	for k, p := range s.Seed().Posts {
		byID[p.ID] = k
	}
	out := []string{}
	for _, e := range edges {
		k, ok := byID[e.Node.Id]
		if !ok {
			k = "new"
		}
		out = append(out, k)
	}
	return out
}

// newestFirst is the one-org seed in the default order, createdAt descending.
var newestFirst = []string{
	"twitter-sending", "bluesky-link", "linkedin-custom", "google-event", "google-offer",
	"mastodon-queued", "linkedin-queued-3", "facebook-link", "pinterest-pin",
	"instagram-approval", "twitter-thread", "instagram-reel", "twitter-queued-2",
	"mastodon-thread", "twitter-queued-1", "facebook-queued", "linkedin-queued-2",
	"facebook-draft", "linkedin-queued-1", "instagram-queued", "youtube-video",
	"linkedin-draft", "twitter-sent", "instagram-error", "bluesky-error", "linkedin-sent",
	"mastodon-sent", "tiktok-sent",
}

func TestListPostsFiltersAndSorts(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	linkedin := []string{seed.Channels["linkedin"].ID}
	tests := []struct {
		name   string
		filter *client.PostsFiltersInput
		sort   []client.PostSortInput
		want   []string
	}{
		{name: "default: newest first", want: newestFirst},
		{name: "one channel",
			filter: &client.PostsFiltersInput{ChannelIds: []string{seed.Channels["twitter"].ID}},
			want:   []string{"twitter-sending", "twitter-thread", "twitter-queued-2", "twitter-queued-1", "twitter-sent"}},
		{name: "two channels",
			filter: &client.PostsFiltersInput{ChannelIds: []string{seed.Channels["mastodon"].ID, seed.Channels["bluesky"].ID}},
			want:   []string{"bluesky-link", "mastodon-queued", "mastodon-thread", "bluesky-error", "mastodon-sent"}},
		{name: "status error",
			filter: &client.PostsFiltersInput{Status: []client.PostStatus{client.PostStatusError}},
			want:   []string{"instagram-error", "bluesky-error"}},
		{name: "statuses not yet published",
			filter: &client.PostsFiltersInput{Status: []client.PostStatus{client.PostStatusDraft, client.PostStatusNeedsApproval, client.PostStatusSending}},
			want: []string{"twitter-sending", "bluesky-link", "google-event", "facebook-link", "instagram-approval",
				"mastodon-thread", "facebook-draft", "linkedin-draft"}},
		{name: "dueAt bounds are inclusive",
			filter: &client.PostsFiltersInput{ChannelIds: linkedin,
				DueAt: &client.DateTimeComparator{Start: "2026-03-09T09:00:00-04:00", End: "2026-03-09T21:00:00.000Z"}},
			want: []string{"linkedin-queued-3", "linkedin-queued-2", "linkedin-queued-1"}},
		{name: "dueAt with only an end",
			filter: &client.PostsFiltersInput{ChannelIds: linkedin, DueAt: &client.DateTimeComparator{End: "2026-03-09T13:00:00Z"}},
			want:   []string{"linkedin-queued-1", "linkedin-sent"}},
		{name: "createdAt bounds are inclusive",
			filter: &client.PostsFiltersInput{CreatedAt: &client.DateTimeComparator{Start: "2026-03-06T23:00:00Z", End: "2026-03-07T04:00:00Z"}},
			want: []string{"linkedin-queued-3", "facebook-link", "pinterest-pin", "instagram-approval", "twitter-thread",
				"instagram-reel", "twitter-queued-2", "mastodon-thread", "twitter-queued-1"}},
		{name: "dueAt absent",
			filter: &client.PostsFiltersInput{DueAtPresence: client.DateTimePresenceAbsent},
			want:   []string{"bluesky-link", "google-event", "facebook-link", "mastodon-thread", "facebook-draft", "linkedin-draft"}},
		{name: "dueAt present and status",
			filter: &client.PostsFiltersInput{DueAtPresence: client.DateTimePresencePresent, Status: []client.PostStatus{client.PostStatusNeedsApproval, client.PostStatusDraft}},
			want:   []string{"instagram-approval"}},
		{name: "dueAt ascending puts posts without a time last",
			filter: &client.PostsFiltersInput{ChannelIds: linkedin},
			sort:   []client.PostSortInput{{Field: client.PostSortableKeyDueat, Direction: client.SortDirectionAsc}},
			want:   []string{"linkedin-sent", "linkedin-queued-1", "linkedin-queued-2", "linkedin-queued-3", "linkedin-custom", "linkedin-draft"}},
		{name: "dueAt descending puts posts without a time last",
			filter: &client.PostsFiltersInput{ChannelIds: linkedin},
			sort:   []client.PostSortInput{{Field: client.PostSortableKeyDueat, Direction: client.SortDirectionDesc}},
			want:   []string{"linkedin-custom", "linkedin-queued-3", "linkedin-queued-2", "linkedin-queued-1", "linkedin-sent", "linkedin-draft"}},
		{name: "createdAt ascending",
			filter: &client.PostsFiltersInput{ChannelIds: linkedin},
			sort:   []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionAsc}},
			want:   []string{"linkedin-sent", "linkedin-draft", "linkedin-queued-1", "linkedin-queued-2", "linkedin-queued-3", "linkedin-custom"}},
		{name: "a later sort key breaks ties",
			filter: &client.PostsFiltersInput{Status: []client.PostStatus{client.PostStatusDraft}},
			sort: []client.PostSortInput{{Field: client.PostSortableKeyDueat, Direction: client.SortDirectionAsc},
				{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionAsc}},
			want: []string{"linkedin-draft", "facebook-draft", "mastodon-thread", "facebook-link", "google-event", "bluesky-link"}},
		{name: "a later sort key breaks ties the other way",
			filter: &client.PostsFiltersInput{Status: []client.PostStatus{client.PostStatusDraft}},
			sort: []client.PostSortInput{{Field: client.PostSortableKeyDueat, Direction: client.SortDirectionAsc},
				{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}},
			want: []string{"bluesky-link", "google-event", "facebook-link", "mastodon-thread", "facebook-draft", "linkedin-draft"}},
		{name: "nothing matches",
			filter: &client.PostsFiltersInput{ChannelIds: []string{seed.Channels["tiktok"].ID}, Status: []client.PostStatus{client.PostStatusScheduled}},
			want:   []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := client.PostsInput{OrganizationId: seed.Organizations[0].ID, Filter: tt.filter, Sort: tt.sort}
			resp, err := client.ListPosts(ctx(t), newClient(s), in, 100, "", false)
			require.NoError(t, err)
			assert.Equal(t, tt.want, keys(s, resp.Posts.Edges))
			assert.False(t, resp.Posts.PageInfo.HasNextPage)
		})
	}
}

// TestListPostsTieBreakByID: posts created at the same instant keep one stable order.
func TestListPostsTieBreakByID(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	var ids []string
	for _, text := range []string{"one", "two", "three"} {
		r := createPost(t, c, client.CreatePostInput{ChannelId: s.Seed().Channels["linkedin"].ID, Text: text, SaveToDraft: ptr(true)})
		require.Equal(t, "PostActionSuccess", r.typename)
		ids = append(ids, r.post.Id)
	}
	in := client.PostsInput{OrganizationId: s.Seed().Organizations[0].ID,
		Filter: &client.PostsFiltersInput{ChannelIds: []string{s.Seed().Channels["linkedin"].ID}, Status: []client.PostStatus{client.PostStatusDraft}}}
	resp, err := client.ListPosts(ctx(t), c, in, 10, "", false)
	require.NoError(t, err)
	require.Len(t, resp.Posts.Edges, 4)
	var got []string
	for _, e := range resp.Posts.Edges[:3] {
		got = append(got, e.Node.Id)
	}
	assert.IsIncreasing(t, got)
	assert.ElementsMatch(t, ids, got)
	assert.Equal(t, s.Seed().Posts["linkedin-draft"].ID, resp.Posts.Edges[3].Node.Id)
}

func TestListPostsPagination(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	in := client.PostsInput{OrganizationId: s.Seed().Organizations[0].ID}

	var got []string
	var hasNext []bool
	after := ""
	for range 10 {
		resp, err := client.ListPosts(ctx(t), c, in, 5, after, false)
		require.NoError(t, err)
		got = append(got, keys(s, resp.Posts.Edges)...)
		hasNext = append(hasNext, resp.Posts.PageInfo.HasNextPage)
		if !resp.Posts.PageInfo.HasNextPage {
			break
		}
		after = resp.Posts.PageInfo.EndCursor
		require.NotEmpty(t, after)
	}
	assert.Equal(t, newestFirst, got)
	assert.Equal(t, []bool{true, true, true, true, true, false}, hasNext)
}

func TestListPostsPageInfo(t *testing.T) {
	s := newSandbox(t, Options{})
	org := s.Seed().Organizations[0].ID
	query := `{"query":"query($after: String) { posts(input: {organizationId: \"` + org + `\", filter: {status: [error]}}, first: 1, after: $after) { edges { cursor } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }","variables":{"after":%s}}`
	first := post(t, s, "POST", sprintf(query, "null"), "Bearer "+DefaultKey)
	require.Equal(t, 200, first.status)
	var page struct {
		Data struct {
			Posts struct {
				Edges    []struct{ Cursor string }
				PageInfo struct {
					StartCursor, EndCursor       *string
					HasNextPage, HasPreviousPage bool
				}
			}
		}
	}
	decode(t, first.body, &page)
	info := page.Data.Posts.PageInfo
	require.Len(t, page.Data.Posts.Edges, 1)
	assert.Equal(t, page.Data.Posts.Edges[0].Cursor, *info.StartCursor)
	assert.Equal(t, page.Data.Posts.Edges[0].Cursor, *info.EndCursor)
	assert.True(t, info.HasNextPage)
	assert.False(t, info.HasPreviousPage)

	last := post(t, s, "POST", sprintf(query, `"`+*info.EndCursor+`"`), "Bearer "+DefaultKey)
	decode(t, last.body, &page)
	assert.False(t, page.Data.Posts.PageInfo.HasNextPage)
	assert.False(t, page.Data.Posts.PageInfo.HasPreviousPage)

	// Past the end: edges is an empty list, never null, and there are no cursors.
	beyond := post(t, s, "POST", sprintf(query, `"`+*page.Data.Posts.PageInfo.EndCursor+`"`), "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"posts":{"edges":[],"pageInfo":{"startCursor":null,"endCursor":null,"hasNextPage":false,"hasPreviousPage":false}}}}`, beyond.body)
}

func TestListPostsRefusals(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID
	page, err := client.ListPosts(ctx(t), c, client.PostsInput{OrganizationId: org}, 5, "", false)
	require.NoError(t, err)
	cursor := page.Posts.PageInfo.EndCursor

	tests := []struct {
		name        string
		in          client.PostsInput
		first       int
		after       string
		wantMessage string
	}{
		{name: "first 0", in: client.PostsInput{OrganizationId: org}, first: 0, wantMessage: "first must be between 1 and 100."},
		{name: "first 101", in: client.PostsInput{OrganizationId: org}, first: 101, wantMessage: "first must be between 1 and 100."},
		{name: "cursor from another filter", first: 5, after: cursor,
			in:          client.PostsInput{OrganizationId: org, Filter: &client.PostsFiltersInput{Status: []client.PostStatus{client.PostStatusSent}}},
			wantMessage: errCursor},
		{name: "cursor from another sort", first: 5, after: cursor,
			in:          client.PostsInput{OrganizationId: org, Sort: []client.PostSortInput{{Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc}}},
			wantMessage: errCursor},
		{name: "cursor never issued", in: client.PostsInput{OrganizationId: org}, first: 5, after: "bm90IGEgY3Vyc29y",
			wantMessage: "Invalid cursor: it is not one the API returned."},
		{name: "cursor not base64", in: client.PostsInput{OrganizationId: org}, first: 5, after: "%%%",
			wantMessage: "Invalid cursor: it is not one the API returned."},
		{name: "absent with a dueAt filter", first: 5,
			in: client.PostsInput{OrganizationId: org, Filter: &client.PostsFiltersInput{DueAtPresence: client.DateTimePresenceAbsent,
				DueAt: &client.DateTimeComparator{Start: "2026-03-01T00:00:00Z"}}},
			wantMessage: "dueAtPresence: absent cannot be combined with a dueAt filter."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := client.ListPosts(ctx(t), c, tt.in, tt.first, tt.after, false)
			var list gqlerror.List
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, tt.wantMessage, list[0].Message)
			assert.Equal(t, "BAD_USER_INPUT", list[0].Extensions["code"])
		})
	}

	_, err = client.ListPosts(ctx(t), c, client.PostsInput{OrganizationId: org}, 100, cursor, false)
	assert.NoError(t, err, "the page size may change between pages")
}

func TestGetPost(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	seed := s.Seed()

	resp, err := client.GetPost(ctx(t), c, seed.Posts["instagram-queued"].ID)
	require.NoError(t, err)
	got := resp.Post.PostDetail
	assert.Equal(t, client.PostStatusScheduled, got.Status)
	assert.Equal(t, client.ServiceInstagram, got.ChannelService)
	assert.Equal(t, seed.Channels["instagram"].ID, got.ChannelId)
	assert.Equal(t, "Europe/Berlin", got.Channel.Timezone)
	assert.Equal(t, client.ShareModeAddtoqueue, got.ShareMode)
	assert.Equal(t, client.SchedulingTypeAutomatic, got.SchedulingType)
	// 13:00 in Berlin: the first slot after 10:00 local on Saturday.
	assert.Equal(t, "2026-03-07T12:00:00.000Z", got.DueAt)
	assert.Equal(t, []client.PostDetailAssetsAsset{{Typename: "ImageAsset", Type: client.AssetTypeImage,
		Source:    "https://cdn.example.com/northbean/harbor-blend-pourover.jpg",
		Thumbnail: "https://cdn.example.com/northbean/harbor-blend-pourover.jpg"}}, got.Assets)
	assert.Empty(t, got.Error)
	assert.Empty(t, got.SentAt)

	resp, err = client.GetPost(ctx(t), c, seed.Posts["instagram-error"].ID)
	require.NoError(t, err)
	assert.Equal(t, client.PostStatusError, resp.Post.Status)
	assert.Contains(t, resp.Post.Error.Message, "aspect ratio")
	assert.Equal(t, "https://support.example.com/articles/instagram-aspect-ratios", resp.Post.Error.SupportUrl)

	resp, err = client.GetPost(ctx(t), c, seed.Posts["twitter-sent"].ID)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-06T09:00:00.000Z", resp.Post.SentAt)
	assert.Equal(t, resp.Post.SentAt, resp.Post.DueAt)
	assert.Regexp(t, `^https://x\.com/northbean/status/\d+$`, resp.Post.ExternalLink)
	assert.Empty(t, resp.Post.Error)
}
