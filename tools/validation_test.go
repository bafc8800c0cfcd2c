package tools_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// A future time for the fixture's clock, and a valid asset to build bad ones from.
const future = "2026-03-10T09:00:00-05:00"

func TestInvalidArgumentsNameTheFieldAndSendNothingToBuffer(t *testing.T) {
	tests := []struct {
		name      string
		tool      string
		args      string
		wantField string
		wantMsg   string // contained in the message, when it matters
	}{
		// Any tool: strict decoding.
		{name: "unknown argument", tool: "get_account", args: `{"verbose":true}`, wantField: "verbose", wantMsg: "is not an argument"},
		{name: "misspelt argument", tool: "create_post", args: `{"channel":"{ch1}","text":"hi"}`, wantField: "channel"},
		{name: "argument in the wrong case", tool: "create_post", args: `{"CHANNELID":"{ch1}","text":"hi"}`, wantField: "CHANNELID", wantMsg: "did you mean channelId"},
		{name: "nested argument in the wrong case", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","URL":"https://e.com/a.png"}]}`, wantField: "assets[0].URL", wantMsg: "did you mean url"},
		{name: "arguments not an object", tool: "get_post", args: `["{post1}"]`, wantField: "arguments"},
		{name: "string for an id", tool: "list_channels", args: `{"organizationId":42}`, wantField: "organizationId", wantMsg: "must be a string"},
		{name: "string for an array", tool: "list_posts", args: `{"channelIds":"{ch1}"}`, wantField: "channelIds", wantMsg: "must be an array"},
		{name: "string for an integer", tool: "list_posts", args: `{"first":"ten"}`, wantField: "first", wantMsg: "must be an integer"},
		{name: "fraction for an integer", tool: "list_posts", args: `{"first":2.5}`, wantField: "first"},
		{name: "string for a boolean", tool: "edit_post", args: `{"postId":"{post1}","saveToDraft":"yes"}`, wantField: "saveToDraft", wantMsg: "must be a boolean"},
		{name: "number for text", tool: "create_post", args: `{"channelId":"{ch1}","text":5}`, wantField: "text"},

		// Ids: 24 hexadecimal characters.
		{name: "organizationId too short", tool: "list_channels", args: `{"organizationId":"abc"}`, wantField: "organizationId", wantMsg: "24 hexadecimal"},
		{name: "organizationId not hex", tool: "list_posts", args: `{"organizationId":"64b0000000000000000000zz"}`, wantField: "organizationId"},
		{name: "channelId missing", tool: "get_channel", args: `{}`, wantField: "channelId"},
		{name: "channelId malformed", tool: "get_channel", args: `{"channelId":"linkedin"}`, wantField: "channelId"},
		{name: "channelId 25 characters", tool: "get_channel", args: `{"channelId":"{ch1}0"}`, wantField: "channelId"},
		{name: "channelIds[1] malformed", tool: "list_posts", args: `{"channelIds":["{ch1}","nope"]}`, wantField: "channelIds[1]"},
		{name: "postId missing", tool: "get_post", args: `{}`, wantField: "postId"},
		{name: "postId malformed", tool: "get_post", args: `{"postId":"post-1"}`, wantField: "postId"},
		{name: "edit postId malformed", tool: "edit_post", args: `{"postId":"x","text":"hi"}`, wantField: "postId"},
		{name: "delete postId malformed", tool: "delete_post", args: `{"postId":"64d0000000000000000000d"}`, wantField: "postId"},
		{name: "delete postId missing", tool: "delete_post", args: `{}`, wantField: "postId"},

		// list_posts.
		{name: "first 0", tool: "list_posts", args: `{"first":0}`, wantField: "first", wantMsg: "between 1 and 100"},
		{name: "first 101", tool: "list_posts", args: `{"first":101}`, wantField: "first", wantMsg: "between 1 and 100"},
		{name: "first negative", tool: "list_posts", args: `{"first":-1}`, wantField: "first"},
		{name: "unknown status", tool: "list_posts", args: `{"status":["scheduled","queued"]}`, wantField: "status[1]", wantMsg: `"queued"`},
		{name: "unknown sort", tool: "list_posts", args: `{"sort":"newest"}`, wantField: "sort", wantMsg: `"newest"`},
		{name: "dueAfter not a time", tool: "list_posts", args: `{"dueAfter":"tomorrow"}`, wantField: "dueAfter", wantMsg: "RFC 3339"},
		{name: "dueBefore without offset", tool: "list_posts", args: `{"dueBefore":"2026-03-10T09:00:00"}`, wantField: "dueBefore"},
		{name: "dueBefore before dueAfter", tool: "list_posts", args: `{"dueAfter":"2026-03-10T09:00:00Z","dueBefore":"2026-03-09T09:00:00Z"}`, wantField: "dueBefore"},

		// create_post: channels.
		{name: "channelId and channelIds", tool: "create_post", args: `{"channelId":"{ch1}","channelIds":["{ch2}"],"text":"hi"}`, wantField: "channelId", wantMsg: "not both"},
		{name: "neither channelId nor channelIds", tool: "create_post", args: `{"text":"hi"}`, wantField: "channelId", wantMsg: "list_channels"},
		{name: "create channelId malformed", tool: "create_post", args: `{"channelId":"c1","text":"hi"}`, wantField: "channelId"},
		{name: "create channelIds[1] malformed", tool: "create_post", args: `{"channelIds":["{ch1}","c2"],"text":"hi"}`, wantField: "channelIds[1]"},
		{name: "create channelIds repeated", tool: "create_post", args: `{"channelIds":["{ch1}","{ch1}"],"text":"hi"}`, wantField: "channelIds[1]", wantMsg: "post twice"},

		// create_post: content.
		{name: "empty text without assets", tool: "create_post", args: `{"channelId":"{ch1}","text":""}`, wantField: "text"},
		{name: "no text without assets", tool: "create_post", args: `{"channelId":"{ch1}"}`, wantField: "text"},
		{name: "empty text with empty assets", tool: "create_post", args: `{"channelId":"{ch1}","assets":[]}`, wantField: "text"},

		// create_post: mode, time, scheduling.
		{name: "unknown mode", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"later"}`, wantField: "mode"},
		{name: "customScheduled without dueAt", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"customScheduled"}`, wantField: "dueAt", wantMsg: "customScheduled"},
		{name: "dueAt a date without a time", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","dueAt":"2026-03-10"}`, wantField: "dueAt", wantMsg: "no time of day"},
		{name: "dueAt with a numeric day and month", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","dueAt":"03/10 9am"}`, wantField: "dueAt", wantMsg: "ambiguous"},
		{name: "dueAt read only in part", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","dueAt":"tomorrow 9am or so"}`, wantField: "dueAt", wantMsg: "could not read all"},
		{name: "dueAt an impossible date", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","dueAt":"2026-02-30 09:00"}`, wantField: "dueAt", wantMsg: "not a valid date"},
		{name: "dueAt not a time", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","dueAt":"next tuesday"}`, wantField: "dueAt"},
		{name: "dueAt with mode addToQueue", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"addToQueue","dueAt":"` + future + `"}`, wantField: "dueAt", wantMsg: "addToQueue"},
		{name: "dueAt with mode shareNext", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"shareNext","dueAt":"` + future + `"}`, wantField: "dueAt"},
		{name: "unknown schedulingType", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","schedulingType":"manual"}`, wantField: "schedulingType"},
		{name: "saveToDraft with shareNow", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"shareNow","saveToDraft":true,"confirmPublishNow":true}`, wantField: "saveToDraft"},
		{name: "shareNow without confirmPublishNow", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi","mode":"shareNow"}`, wantField: "confirmPublishNow", wantMsg: "cannot be undone"},
		{name: "shareNow with confirmPublishNow false", tool: "create_post", args: `{"channelIds":["{ch1}","{ch2}"],"text":"hi","mode":"shareNow","confirmPublishNow":false}`, wantField: "confirmPublishNow"},

		// create_post: assets.
		{name: "asset of unknown type", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"gif","url":"https://e.com/a.gif"}]}`, wantField: "assets[0].type"},
		{name: "asset without type", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"url":"https://e.com/a.png"}]}`, wantField: "assets[0].type"},
		{name: "asset without url", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image"}]}`, wantField: "assets[0].url"},
		{name: "asset url not http", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"ftp://e.com/a.png"}]}`, wantField: "assets[0].url", wantMsg: "http"},
		{name: "asset url relative", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"/a.png"}]}`, wantField: "assets[0].url"},
		{name: "second asset bad", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"https://e.com/a.png"},{"type":"image","url":"file:///a.png"}]}`, wantField: "assets[1].url"},
		{name: "asset thumbnailUrl not a URL", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"link","url":"https://e.com","thumbnailUrl":"thumb.png"}]}`, wantField: "assets[0].thumbnailUrl"},
		{name: "altText on a video", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"video","url":"https://e.com/v.mp4","altText":"a cat"}]}`, wantField: "assets[0].altText"},
		{name: "thumbnailUrl on a video", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"video","url":"https://e.com/v.mp4","thumbnailUrl":"https://e.com/t.png"}]}`, wantField: "assets[0].thumbnailUrl"},
		{name: "title on an image", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"https://e.com/a.png","title":"A"}]}`, wantField: "assets[0].title"},
		{name: "document without title", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"document","url":"https://e.com/d.pdf","thumbnailUrl":"https://e.com/t.png"}]}`, wantField: "assets[0].title"},
		{name: "document without thumbnailUrl", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"document","url":"https://e.com/d.pdf","title":"Deck"}]}`, wantField: "assets[0].title"},
		{name: "asset url a number", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":5}]}`, wantField: "assets.url"},
		{name: "unknown asset field", tool: "create_post", args: `{"channelId":"{ch1}","assets":[{"type":"image","url":"https://e.com/a.png","caption":"x"}]}`, wantField: "assets[0].caption"},

		// edit_post.
		{name: "edit with nothing to change", tool: "edit_post", args: `{"postId":"{post1}"}`, wantField: "postId", wantMsg: "nothing to change"},
		{name: "edit with only confirmPublishNow", tool: "edit_post", args: `{"postId":"{post1}","confirmPublishNow":true}`, wantField: "postId", wantMsg: "nothing to change"},
		{name: "edit empty text and empty assets", tool: "edit_post", args: `{"postId":"{post1}","text":"","assets":[]}`, wantField: "text"},
		{name: "edit unknown mode", tool: "edit_post", args: `{"postId":"{post1}","mode":"soon"}`, wantField: "mode"},
		{name: "edit customScheduled without dueAt", tool: "edit_post", args: `{"postId":"{post1}","mode":"customScheduled"}`, wantField: "dueAt"},
		{name: "edit dueAt unreadable", tool: "edit_post", args: `{"postId":"{post1}","dueAt":"someday soon"}`, wantField: "dueAt", wantMsg: "tomorrow 9am"},
		{name: "edit dueAt with mode shareNext", tool: "edit_post", args: `{"postId":"{post1}","mode":"shareNext","dueAt":"` + future + `"}`, wantField: "dueAt"},
		{name: "edit unknown schedulingType", tool: "edit_post", args: `{"postId":"{post1}","schedulingType":"later"}`, wantField: "schedulingType"},
		{name: "edit shareNow without confirmPublishNow", tool: "edit_post", args: `{"postId":"{post1}","mode":"shareNow"}`, wantField: "confirmPublishNow"},
		{name: "edit saveToDraft with shareNow", tool: "edit_post", args: `{"postId":"{post1}","mode":"shareNow","saveToDraft":true,"confirmPublishNow":true}`, wantField: "saveToDraft"},
		{name: "edit bad asset", tool: "edit_post", args: `{"postId":"{post1}","assets":[{"type":"video","url":"https://e.com/v.mp4","altText":"x"}]}`, wantField: "assets[0].altText"},
		{name: "edit unknown argument", tool: "edit_post", args: `{"postId":"{post1}","status":"draft"}`, wantField: "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			res := h.call(t, tt.tool, tt.args)

			got := testkit.ToolError(t, res)
			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, tt.wantField, got.Field)
			assert.Contains(t, got.Message, tt.wantMsg)
			assert.False(t, got.Retryable, "retryable")
			assert.Equal(t, "InvalidArguments: "+got.Message, text(t, res))
			h.fake.assertNoRequest(t)
		})
	}
}
