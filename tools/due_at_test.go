package tools_test

import (
	"testing"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/stretchr/testify/assert"
)

// The harness clock is Monday 2 March 2026, 15:04 UTC: 10:04 in New York, and already
// Tuesday 00:04 in Tokyo.

func TestCreatePostReadsThePersonsWordsInEachChannelsTimezone(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch1JSON), getChannelOK(ch3JSON))

	res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch3}"],"text":"Hello","dueAt":"tomorrow 9am","dryRun":true}`)

	requireSuccess(t, res)
	assertStructured(t, `{"dryRun":true,"posts":[`+
		`{"channelId":"{ch1}","status":"scheduled","text":"Hello","dueAt":"2026-03-03T14:00:00Z","dueAtLocal":"2026-03-03T09:00:00-05:00","timezone":"America/New_York"},`+
		`{"channelId":"{ch3}","status":"scheduled","text":"Hello","dueAt":"2026-03-04T00:00:00Z","dueAtLocal":"2026-03-04T09:00:00+09:00","timezone":"Asia/Tokyo",`+
		`"note":"It is 00:04 in Asia/Tokyo, after midnight: \"tomorrow\" was read as Wednesday 4 March, counting from today, Tuesday 3 March. `+
		`If you meant Tuesday 3 March (after the night), say \"today\"."}]}`, res)
}

func TestCreatePostSendsALocalTimeAsTheInstantItNames(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"))

	res := h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-10 09:00"}`)

	requireSuccess(t, res)
	// 10 March is after New York's spring forward (8 March): 09:00 EDT is 13:00 UTC.
	h.assertVariables(t, "CreatePost", `{"input":{"channelId":"{ch1}","text":"Hello","mode":"customScheduled",`+
		`"schedulingType":"automatic","dueAt":"2026-03-10T13:00:00Z"}}`)
}

func TestCreatePostNotesATimeThatDoesNotExist(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch1JSON))

	res := h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-08 02:30","dryRun":true}`)

	requireSuccess(t, res)
	assertStructured(t, `{"dryRun":true,"posts":[{"channelId":"{ch1}","status":"scheduled","text":"Hello",`+
		`"dueAt":"2026-03-08T07:30:00Z","dueAtLocal":"2026-03-08T03:30:00-04:00","timezone":"America/New_York",`+
		`"note":"2026-03-08 02:30 does not exist in America/New_York (clocks go forward); read as 03:30 EDT (-04:00)."}]}`, res)
}

func TestCreatePostReadsAZoneGivenWithTheTimeAndSaysSo(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch1JSON))

	res := h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","dueAt":"2026-03-10 09:00 Europe/Paris","dryRun":true}`)

	requireSuccess(t, res)
	assertStructured(t, `{"dryRun":true,"posts":[{"channelId":"{ch1}","status":"scheduled","text":"Hello",`+
		`"dueAt":"2026-03-10T08:00:00Z","dueAtLocal":"2026-03-10T04:00:00-04:00","timezone":"America/New_York",`+
		`"note":"Read as 09:00 CET (+01:00) in Europe/Paris, the timezone given with the time."}]}`, res)
}

func TestCreatePostRefusesUnreadableWordsBeforeAnyRequest(t *testing.T) {
	h := newHarness(t)

	res := h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","dueAt":"sometime next week"}`)

	e := testkit.ToolError(t, res)
	assert.Equal(t, "InvalidArguments", e.Type)
	assert.Equal(t, "dueAt", e.Field)
	assert.Contains(t, e.Message, `"tomorrow 9am"`)
	h.fake.assertNoRequest(t)
}

func TestEditPostReadsWordsInThePostsChannelTimezone(t *testing.T) {
	h := newHarness(t)
	h.stub(
		gql("GetPost", `{"post":`+postJSON("{post1}", "{ch3}", "Asia/Tokyo", "Hi")+`}`),
		gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+postJSON("{post1}", "{ch3}", "Asia/Tokyo", "Hi")+`}}`),
	)

	res := h.call(t, "edit_post", `{"postId":"{post1}","dueAt":"tomorrow at 18:00"}`)

	requireSuccess(t, res)
	h.assertVariables(t, "EditPost", `{"input":{"id":"{post1}","mode":"customScheduled","dueAt":"2026-03-04T09:00:00Z"}}`)
}

func TestEditPostWithAFutureOffsetTimeNeedsNoLookup(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+postJSON("{post1}", "{ch1}", "America/New_York", "Hi")+`}}`))

	res := h.call(t, "edit_post", `{"postId":"{post1}","dueAt":"2026-03-10T09:00:00-04:00"}`)

	requireSuccess(t, res)
	assert.Equal(t, []string{"EditPost"}, h.fake.ops())
}
