package tools_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

func TestCreatePostSendsOnlyTheFieldsItResolved(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{
			name:     "text alone goes to the queue",
			args:     `{"channelId":"{ch1}","text":"Hello"}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		},
		{
			name:     "dueAt alone means customScheduled, sent in UTC",
			args:     `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-10T09:00:00-05:00"}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic"}}`,
		},
		{
			name:     "customScheduled with dueAt",
			args:     `{"channelId":"{ch1}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T15:00:00+01:00"}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic"}}`,
		},
		{
			name:     "shareNext",
			args:     `{"channelId":"{ch1}","text":"Hello","mode":"shareNext"}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"shareNext","schedulingType":"automatic"}}`,
		},
		{
			name:     "shareNow confirmed",
			args:     `{"channelId":"{ch1}","text":"Hello","mode":"shareNow","confirmPublishNow":true}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"shareNow","schedulingType":"automatic"}}`,
		},
		{
			name:     "saveToDraft true is sent",
			args:     `{"channelId":"{ch1}","text":"Hello","saveToDraft":true}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic","saveToDraft":true}}`,
		},
		{
			name:     "saveToDraft false is not sent",
			args:     `{"channelId":"{ch1}","text":"Hello","saveToDraft":false}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		},
		{
			name:     "dryRun false sends",
			args:     `{"channelId":"{ch1}","text":"Hello","dryRun":false}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		},
		{
			name:     "notification",
			args:     `{"channelId":"{ch1}","text":"Hello","schedulingType":"notification"}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"notification"}}`,
		},
		{
			name: "an image without text",
			args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"https://e.com/a.png","altText":"A cat"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"image":{"url":"https://e.com/a.png","metadata":{"altText":"A cat"}}}]}}`,
		},
		{
			name: "an image with a thumbnail and no altText",
			args: `{"channelId":"{ch1}","text":"Hello","assets":[{"type":"image","url":"https://e.com/a.png","thumbnailUrl":"https://e.com/t.png"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"image":{"url":"https://e.com/a.png","thumbnailUrl":"https://e.com/t.png"}}]}}`,
		},
		{
			name: "a video with a title",
			args: `{"channelId":"{ch1}","text":"Hello","assets":[{"type":"video","url":"https://e.com/v.mp4","title":"Demo"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"video":{"url":"https://e.com/v.mp4","metadata":{"title":"Demo"}}}]}}`,
		},
		{
			name: "a bare video",
			args: `{"channelId":"{ch1}","text":"Hello","assets":[{"type":"video","url":"https://e.com/v.mp4"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"video":{"url":"https://e.com/v.mp4"}}]}}`,
		},
		{
			name: "a document",
			args: `{"channelId":"{ch1}","text":"Hello","assets":[{"type":"document","url":"https://e.com/d.pdf","title":"Deck","thumbnailUrl":"https://e.com/t.png"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"document":{"url":"https://e.com/d.pdf","title":"Deck","thumbnailUrl":"https://e.com/t.png"}}]}}`,
		},
		{
			name: "a bare link and an image, in order",
			args: `{"channelId":"{ch1}","text":"Hello","assets":[{"type":"link","url":"https://e.com/post"},{"type":"image","url":"https://e.com/a.png"}]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic",` +
				`"assets":[{"link":{"url":"https://e.com/post"}},{"image":{"url":"https://e.com/a.png"}}]}}`,
		},
		{
			name:     "empty assets are not sent",
			args:     `{"channelId":"{ch1}","text":"Hello","assets":[]}`,
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"))

			requireSuccess(t, h.call(t, "create_post", tt.args))

			h.assertVariables(t, "CreatePost", tt.wantVars)
		})
	}
}

func TestShareNowIsSentWithoutConfirmPublishNowWhenConfirmationIsOff(t *testing.T) {
	confirmOff := func(d *tools.Deps) { d.ConfirmPublish = false }
	tests := []struct {
		tool     string
		args     string
		stubs    []stub
		op       string
		wantVars string
	}{
		{
			tool:     "create_post",
			args:     `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`,
			stubs:    []stub{getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello")},
			op:       "CreatePost",
			wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"shareNow","schedulingType":"automatic"}}`,
		},
		{
			tool: "edit_post",
			args: `{"postId":"{post1}","mode":"shareNow"}`,
			stubs: []stub{gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+
				postJSON("{post1}", "{ch1}", "America/New_York", "Hello")+`}}`)},
			op:       "EditPost",
			wantVars: `{"input":{"id":"{post1}","mode":"shareNow"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			h := newHarness(t, confirmOff)
			h.stub(tt.stubs...)

			requireSuccess(t, h.call(t, tt.tool, tt.args))

			h.assertVariables(t, tt.op, tt.wantVars)
		})
	}
}

func TestCreatePostRefusesAPastDueAtShowingItInTheChannelTimezone(t *testing.T) {
	tests := []struct {
		name        string
		channel     string
		args        string
		wantMessage string
	}{
		{
			name: "New York", channel: ch1JSON,
			args:        `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-01T14:00:00Z"}`,
			wantMessage: "dueAt: Sun 1 Mar 2026 09:00 EST (America/New_York) is in the past (it is now Mon 2 Mar 2026 10:04 EST (America/New_York)); give a future time",
		},
		{
			name: "Tokyo", channel: ch3JSON,
			args:        `{"channelId":"{ch3}","text":"Hello","dueAt":"2026-03-01T14:00:00Z"}`,
			wantMessage: "dueAt: Sun 1 Mar 2026 23:00 JST (Asia/Tokyo) is in the past (it is now Tue 3 Mar 2026 00:04 JST (Asia/Tokyo)); give a future time",
		},
		{
			name: "exactly now", channel: ch3JSON,
			args:        `{"channelId":"{ch3}","text":"Hello","dueAt":"2026-03-02T15:04:05Z"}`,
			wantMessage: "dueAt: Tue 3 Mar 2026 00:04 JST (Asia/Tokyo) is in the past",
		},
		{
			name: "in a dry run too", channel: ch1JSON,
			args:        `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-01T14:00:00Z","dryRun":true}`,
			wantMessage: "Sun 1 Mar 2026 09:00 EST (America/New_York) is in the past",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getChannelOK(tt.channel))

			got := testkit.ToolError(t, h.call(t, "create_post", tt.args))

			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, "dueAt", got.Field)
			assert.Contains(t, got.Message, tt.wantMessage)
			assert.Equal(t, []string{"GetChannel"}, h.fake.ops(), "only the channel's timezone is asked for")
		})
	}
}

func TestCreatePostDryRunSendsNoMutationAndShowsThePostsWithoutID(t *testing.T) {
	tests := []struct {
		name        string
		args        string
		stubs       []stub
		wantResult  string
		wantSummary string
	}{
		{
			name:  "one channel, scheduled",
			args:  `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-10T15:00:00+01:00","dryRun":true}`,
			stubs: []stub{getChannelOK(ch1JSON)},
			wantResult: `{"dryRun":true,"posts":[{"channelId":"{ch1}","status":"scheduled","text":"Hello",` +
				`"dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T10:00:00-04:00","timezone":"America/New_York"}]}`,
			wantSummary: "Dry run: 1 of 1 posts would be created; nothing was sent.",
		},
		{
			name:  "several channels, drafts, each in its timezone",
			args:  `{"channelIds":["{ch2}","{ch3}"],"text":"Hello","dueAt":"2026-03-10T15:00:00+01:00","saveToDraft":true,"dryRun":true}`,
			stubs: []stub{getChannelOK(ch2JSON), getChannelOK(ch3JSON)},
			wantResult: `{"dryRun":true,"posts":[` +
				`{"channelId":"{ch2}","status":"draft","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T15:00:00+01:00","timezone":"Europe/Berlin"},` +
				`{"channelId":"{ch3}","status":"draft","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T23:00:00+09:00","timezone":"Asia/Tokyo"}]}`,
			wantSummary: "Dry run: 2 of 2 posts would be created; nothing was sent.",
		},
		{
			name:        "shareNow needs no confirmation to be previewed",
			args:        `{"channelId":"{ch1}","text":"Hello","mode":"shareNow","dryRun":true}`,
			stubs:       []stub{getChannelOK(ch1JSON)},
			wantResult:  `{"dryRun":true,"posts":[{"channelId":"{ch1}","status":"sending","text":"Hello","timezone":"America/New_York"}]}`,
			wantSummary: "Dry run: 1 of 1 posts would be created; nothing was sent.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)

			res := h.call(t, "create_post", tt.args)

			requireSuccess(t, res)
			assertStructured(t, tt.wantResult, res)
			assert.Regexp(t, `^`+regexp.QuoteMeta(tt.wantSummary)+`\n`, text(t, res))
			assert.Equal(t, 0, h.fake.count("CreatePost"), "CreatePost requests")
		})
	}
}

func TestCreatePostOnSeveralChannelsCreatesOnePostPerChannelInOrder(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON), getChannelOK(ch2JSON), getChannelOK(ch3JSON),
		createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
		createPostOK("{post2}", "{ch2}", "Europe/Berlin", "Hello"),
		createPostOK("{post3}", "{ch3}", "Asia/Tokyo", "Hello"),
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello","dueAt":"2026-03-10T09:00:00-05:00"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"posts":[`+
		`{"id":"{post1}","channelId":"{ch1}","status":"scheduled","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T10:00:00-04:00","timezone":"America/New_York"},`+
		`{"id":"{post2}","channelId":"{ch2}","status":"scheduled","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T15:00:00+01:00","timezone":"Europe/Berlin"},`+
		`{"id":"{post3}","channelId":"{ch3}","status":"scheduled","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T23:00:00+09:00","timezone":"Asia/Tokyo"}]}`, res)
	assert.Regexp(t, `^Created 3 of 3 posts\.\n`, text(t, res))
	h.assertVariables(t, "CreatePost",
		`{"input":{"channelId":"{ch1}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic"}}`,
		`{"input":{"channelId":"{ch2}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic"}}`,
		`{"input":{"channelId":"{ch3}","text":"Hello","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic"}}`,
	)
}

func TestCreatePostOnSeveralChannelsListsAFailedChannelAndCreatesTheOthers(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON), getChannelOK(ch2JSON), getChannelOK(ch3JSON),
		createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
		mutationError("CreatePost", "createPost", "LimitReachedError", "Queue limit reached (10 posts)"),
		createPostOK("{post3}", "{ch3}", "Asia/Tokyo", "Hello"),
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"posts":[`+
		`{"id":"{post1}","channelId":"{ch1}","status":"scheduled","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T10:00:00-04:00","timezone":"America/New_York"},`+
		`{"id":"{post3}","channelId":"{ch3}","status":"scheduled","text":"Hello","dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T23:00:00+09:00","timezone":"Asia/Tokyo"}],`+
		`"failed":[{"channelId":"{ch2}","error":{"type":"LimitReachedError","message":"Queue limit reached (10 posts)","retryable":false,"channelId":"{ch2}"}}]}`, res)
	assert.Regexp(t, `^Created 2 of 3 posts; 1 failed, first `+ch2+`: LimitReachedError: Queue limit reached \(10 posts\)\.\n`, text(t, res))
	assert.Equal(t, 3, h.fake.count("CreatePost"))
}

func TestCreatePostOnSeveralChannelsListsAChannelThatCannotBeLookedUp(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON),
		gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`),
		createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}"],"text":"Hello"}`)

	requireSuccess(t, res)
	var got struct {
		Failed []struct {
			ChannelID string          `json:"channelId"`
			Error     tools.ErrorInfo `json:"error"`
		} `json:"failed"`
	}
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
	require.Len(t, got.Failed, 1)
	assert.Equal(t, ch2, got.Failed[0].ChannelID)
	assert.Equal(t, "NotFound", got.Failed[0].Error.Type)
	assert.Equal(t, ch2, got.Failed[0].Error.ChannelID)
	h.assertVariables(t, "CreatePost", `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`)
}

func TestCreatePostOnSeveralChannelsIsAnErrorWhenNoPostIsCreated(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON), getChannelOK(ch2JSON),
		mutationError("CreatePost", "createPost", "LimitReachedError", "Queue limit reached (10 posts)"),
		mutationError("CreatePost", "createPost", "InvalidInputError", "Text too long for Instagram"),
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}"],"text":"Hello"}`)

	got := testkit.ToolError(t, res)
	assert.Equal(t, "LimitReachedError", got.Type, "the error is the first failure")
	assert.Equal(t, ch1, got.ChannelID)
	assert.Regexp(t, `^Created 0 of 2 posts; 2 failed, first `+ch1+`: LimitReachedError: `, text(t, res))
	assertStructured(t, `{"posts":[],"failed":[`+
		`{"channelId":"{ch1}","error":{"type":"LimitReachedError","message":"Queue limit reached (10 posts)","retryable":false,"channelId":"{ch1}"}},`+
		`{"channelId":"{ch2}","error":{"type":"InvalidInputError","message":"Text too long for Instagram","retryable":false,"channelId":"{ch2}"}}],`+
		`"error":{"type":"LimitReachedError","message":"Queue limit reached (10 posts)","retryable":false,"channelId":"{ch1}"}}`, res)
}

func TestCreatePostOnSeveralChannelsStopsAfterAnOutcomeUnknown(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON), getChannelOK(ch2JSON), getChannelOK(ch3JSON),
		createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
		stub{op: "CreatePost", status: http.StatusBadGateway, header: map[string]string{"Content-Type": "text/html"}, body: htmlPage},
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello"}`)

	requireSuccess(t, res) // one post was created
	var got struct {
		Posts []struct {
			ChannelID string `json:"channelId"`
		} `json:"posts"`
		Failed []struct {
			ChannelID string          `json:"channelId"`
			Error     tools.ErrorInfo `json:"error"`
		} `json:"failed"`
	}
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
	require.Len(t, got.Posts, 1)
	assert.Equal(t, ch1, got.Posts[0].ChannelID)
	require.Len(t, got.Failed, 2)
	assert.Equal(t, ch2, got.Failed[0].ChannelID)
	assert.Equal(t, "OutcomeUnknown", got.Failed[0].Error.Type)
	assert.Contains(t, got.Failed[0].Error.Message, "list_posts")
	assert.Equal(t, ch3, got.Failed[1].ChannelID)
	assert.Equal(t, tools.TypeNotAttempted, got.Failed[1].Error.Type)
	assert.Equal(t, ch3, got.Failed[1].Error.ChannelID)
	assert.Regexp(t, `^Created 1 of 3 posts; 2 failed, first `+ch2+`: OutcomeUnknown: `, text(t, res))
	assert.Equal(t, 2, h.fake.count("CreatePost"), "nothing is sent after the outcome is unknown")
}

func TestCreatePostOnSeveralChannelsListsEachFailedChannelOnce(t *testing.T) {
	// ch3 cannot be looked up; ch1's outcome is unknown; only ch2 was never attempted.
	h := newHarness(t)
	h.stub(
		getChannelOK(ch1JSON), getChannelOK(ch2JSON),
		gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`),
		stub{op: "CreatePost", status: http.StatusBadGateway, body: htmlPage},
	)

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello"}`)

	var got struct {
		Failed []struct {
			ChannelID string          `json:"channelId"`
			Error     tools.ErrorInfo `json:"error"`
		} `json:"failed"`
	}
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
	gotTypes := map[string]string{}
	for _, f := range got.Failed {
		assert.NotContains(t, gotTypes, f.ChannelID, "%s is listed twice", f.ChannelID)
		gotTypes[f.ChannelID] = f.Error.Type
	}
	assert.Equal(t, map[string]string{ch1: "OutcomeUnknown", ch2: tools.TypeNotAttempted, ch3: "NotFound"}, gotTypes)
	assert.Regexp(t, `^Created 0 of 3 posts; 3 failed, `, text(t, res))
	assert.Equal(t, 1, h.fake.count("CreatePost"))
}

func TestCreatePostDryRunIsAnErrorWhenNoPostCouldBeCreated(t *testing.T) {
	notFound := `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`
	tests := []struct {
		name        string
		stubs       []stub
		wantIsError bool
		wantSummary string
	}{
		{
			name:        "one channel of two is unknown",
			stubs:       []stub{getChannelOK(ch1JSON), gqlErrors("GetChannel", notFound)},
			wantIsError: false,
			wantSummary: `^Dry run: 1 of 2 posts would be created; nothing was sent; 1 failed, first ` + ch2 + `: NotFound: `,
		},
		{
			name:        "both channels are unknown",
			stubs:       []stub{gqlErrors("GetChannel", notFound), gqlErrors("GetChannel", notFound)},
			wantIsError: true,
			wantSummary: `^Dry run: 0 of 2 posts would be created; nothing was sent; 2 failed, first ` + ch1 + `: NotFound: `,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)

			res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}"],"text":"Hello","dryRun":true}`)

			assert.Equal(t, tt.wantIsError, res.IsError, "isError")
			assert.Regexp(t, tt.wantSummary, text(t, res))
		})
	}
}
