package tools_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Posts as Buffer holds them, for edits and read-back.
var (
	igReelJSON = netPostJSON("{post1}", "{ch5}", "instagram", "Europe/Berlin", "Pour", oneVideo,
		`{"__typename":"InstagramPostMetadata","type":"reel","firstComment":"#latteart","shouldShareToFeed":false}`,
		`[{"id":"{tag2}","name":"Behind the scenes"}]`)
	pinJSON = netPostJSON("{post1}", "{ch6}", "pinterest", "America/Denver", "Latte", oneImage,
		`{"__typename":"PinterestPostMetadata","type":"post","title":"Iced latte","url":"https://e.com/r",`+
			`"board":{"id":"{board1}","serviceId":"1001","name":"Coffee recipes"}}`, `[]`)
	threadJSON = netPostJSON("{post1}", "{ch9}", "twitter", "Europe/London", "One", noAssets,
		`{"__typename":"TwitterPostMetadata","type":"post","threadCount":3}`, `[{"id":"{tag1}","name":"Launch"}]`)
	linkedinJSON = netPostJSON("{post1}", "{ch1}", "linkedin", "America/New_York", "Hi", oneImage,
		`{"__typename":"LinkedInPostMetadata","type":"post","firstComment":null,"linkAttachment":null}`, `[]`)
	facebookJSON = netPostJSON("{post1}", "{ch2}", "facebook", "Europe/Berlin", "Hi", oneVideo,
		`{"__typename":"FacebookPostMetadata","type":"story","firstComment":null,"linkAttachment":{"url":"https://e.com/l"}}`, `[]`)
	youtubeJSON = netPostJSON("{post1}", "{ch7}", "youtube", "Europe/Madrid", "Tour", oneVideo,
		`{"__typename":"YoutubePostMetadata","type":"post","title":"Roastery tour"}`, `[]`)
	eventJSON = netPostJSON("{post1}", "{ch8}", "googlebusiness", "America/Toronto", "Cupping", noAssets,
		`{"__typename":"GoogleBusinessPostMetadata","type":"event","title":"Cupping",`+
			`"details":{"__typename":"GoogleBusinessEventMetaData","isFullDayEvent":true}}`, `[]`)
)

func getPostOK(post string) stub { return gql("GetPost", `{"post":`+post+`}`) }

func TestEditPostSendsTheOptionsForThePostsOwnNetworkOnly(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		stubs    []stub // the reads before EditPost
		wantVars string
		wantNote string
	}{
		{
			name:  "instagram: a new first comment keeps the reel's type and feed setting, which Buffer requires",
			args:  `{"postId":"{post1}","firstComment":"#new"}`,
			stubs: []stub{getPostOK(igReelJSON), getChannelOK(ch5JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"instagram":{"type":"reel","firstComment":"#new",` +
				`"shouldShareToFeed":false}}}}`,
		},
		{
			name:     "instagram: back into the feed",
			args:     `{"postId":"{post1}","shareToFeed":true}`,
			stubs:    []stub{getPostOK(igReelJSON), getChannelOK(ch5JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"instagram":{"type":"reel","shouldShareToFeed":true}}}}`,
		},
		{
			name:     "facebook: a new type keeps out the link preview, which is not given",
			args:     `{"postId":"{post1}","postType":"reel"}`,
			stubs:    []stub{getPostOK(facebookJSON), getChannelOK(ch2JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"facebook":{"type":"reel"}}}}`,
		},
		{
			name:     "pinterest: another board, by name",
			args:     `{"postId":"{post1}","board":"Brewing guides"}`,
			stubs:    []stub{getPostOK(pinJSON), getChannelOK(ch6JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"pinterest":{"boardServiceId":"1002"}}}}`,
		},
		{
			name:     "youtube: a new title, and no default category on an edit",
			args:     `{"postId":"{post1}","title":"A roastery tour"}`,
			stubs:    []stub{getPostOK(youtubeJSON), getChannelOK(ch7JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"youtube":{"title":"A roastery tour"}}}}`,
		},
		{
			name:     "youtube: one setting",
			args:     `{"postId":"{post1}","youtube":{"privacy":"private"}}`,
			stubs:    []stub{getPostOK(youtubeJSON), getChannelOK(ch7JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"youtube":{"privacy":"private"}}}}`,
		},
		{
			name:     "x: a new thread carries its first post as the text",
			args:     `{"postId":"{post1}","thread":[{"text":"Uno"},{"text":"Dos"}]}`,
			stubs:    []stub{getPostOK(threadJSON), getChannelOK(ch9JSON)},
			wantVars: `{"input":{"id":"{post1}","text":"Uno","metadata":{"twitter":{"thread":[{"text":"Uno"},{"text":"Dos"}]}}}}`,
		},
		{
			name:     "google business: an event's new dates",
			args:     `{"postId":"{post1}","googleBusiness":{"type":"event","start":"2026-04-02","end":"2026-04-02"}}`,
			stubs:    []stub{getPostOK(eventJSON), getChannelOK(ch8JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"google":{"type":"event","detailsEvent":{"startDate":"2026-04-02T04:00:00Z","endDate":"2026-04-02T04:00:00Z","isFullDayEvent":true}}}}}`,
		},
		{
			name:     "google business: a whole-day event's new title keeps it a whole day",
			args:     `{"postId":"{post1}","googleBusiness":{"type":"event","title":"Public cupping"}}`,
			stubs:    []stub{getPostOK(eventJSON), getChannelOK(ch8JSON)},
			wantVars: `{"input":{"id":"{post1}","metadata":{"google":{"type":"event","title":"Public cupping","detailsEvent":{"title":"Public cupping","isFullDayEvent":true}}}}}`,
		},
		{
			name:     "an option the network lacks is not sent, and noted",
			args:     `{"postId":"{post1}","text":"New","firstComment":"x","board":"y"}`,
			stubs:    []stub{getPostOK(threadJSON), getChannelOK(ch9JSON)},
			wantVars: `{"input":{"id":"{post1}","text":"New"}}`,
			wantNote: "not sent (twitter has no such option): firstComment, board",
		},
		{
			name:     "tags by id need no read",
			args:     `{"postId":"{post1}","tags":["{tag1}","{tag2}"]}`,
			wantVars: `{"input":{"id":"{post1}","tagIds":["{tag1}","{tag2}"]}}`,
		},
		{
			name:     "no tags removes them",
			args:     `{"postId":"{post1}","tags":[]}`,
			wantVars: `{"input":{"id":"{post1}","tagIds":[]}}`,
		},
		{
			name:     "tags by name are the post's organization's",
			args:     `{"postId":"{post1}","tags":["launch"]}`,
			stubs:    []stub{getPostOK(linkedinJSON), getChannelOK(ch1JSON), listTagsOK},
			wantVars: `{"input":{"id":"{post1}","tagIds":["{tag1}"]}}`,
		},
		{
			name:     "approval: request",
			args:     `{"postId":"{post1}","approval":"request"}`,
			wantVars: `{"input":{"id":"{post1}","approvalChange":"request"}}`,
		},
		{
			name:     "approval: revert, with a new text",
			args:     `{"postId":"{post1}","text":"Draft again","approval":"revert"}`,
			wantVars: `{"input":{"id":"{post1}","text":"Draft again","approvalChange":"revert"}}`,
		},
		{
			name:     "a time in words and an option read the post once",
			args:     `{"postId":"{post1}","dueAt":"tomorrow 9am","firstComment":"#new"}`,
			stubs:    []stub{getPostOK(igReelJSON), getChannelOK(ch5JSON)},
			wantVars: `{"input":{"id":"{post1}","mode":"customScheduled","dueAt":"2026-03-03T08:00:00Z","metadata":{"instagram":{"type":"reel","firstComment":"#new","shouldShareToFeed":false}}}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)
			h.stub(editPostWith("{post1}", "{ch1}", "linkedin", "America/New_York", "Hi", noAssets, "null", "[]"))

			res := h.call(t, "edit_post", tt.args)

			requireSuccess(t, res)
			conforms(t, h, "edit_post", res)
			h.assertVariables(t, "EditPost", tt.wantVars)
			var got struct{ Note string }
			decode(t, res, &got)
			assert.Equal(t, tt.wantNote, got.Note)
			assert.LessOrEqual(t, h.fake.count("GetPost"), 1)
		})
	}
}

func TestEditPostRefusesWhatThePostsNetworkRefuses(t *testing.T) {
	tests := []struct {
		name        string
		args        string
		stubs       []stub
		wantField   string
		wantChannel string
	}{
		{name: "a link preview beside the post's media", args: `{"postId":"{post1}","link":"https://e.com/l"}`,
			stubs: []stub{getPostOK(linkedinJSON), getChannelOK(ch1JSON)}, wantField: "link", wantChannel: "{ch1}"},
		{name: "a link preview with new media", args: `{"postId":"{post1}","link":"https://e.com/l","assets":[` + img + `]}`,
			stubs: []stub{getPostOK(facebookJSON), getChannelOK(ch2JSON)}, wantField: "link", wantChannel: "{ch2}"},
		{name: "a reel of images", args: `{"postId":"{post1}","postType":"reel","assets":[` + img + `]}`,
			stubs: []stub{getPostOK(igReelJSON), getChannelOK(ch5JSON)}, wantField: "postType", wantChannel: "{ch5}"},
		{name: "a thread where there are none", args: `{"postId":"{post1}","thread":[{"text":"a"},{"text":"b"}]}`,
			stubs: []stub{getPostOK(linkedinJSON), getChannelOK(ch1JSON)}, wantField: "thread", wantChannel: "{ch1}"},
		{name: "an unknown board", args: `{"postId":"{post1}","board":"Travel"}`,
			stubs: []stub{getPostOK(pinJSON), getChannelOK(ch6JSON)}, wantField: "board", wantChannel: "{ch6}"},
		{name: "an unknown tag", args: `{"postId":"{post1}","tags":["Lunch"]}`,
			stubs: []stub{getPostOK(linkedinJSON), getChannelOK(ch1JSON), listTagsOK}, wantField: "tags[0]"},
		{name: "an unknown approval", args: `{"postId":"{post1}","approval":"approve"}`, wantField: "approval"},
		{name: "text that is not the new thread's first post", args: `{"postId":"{post1}","text":"x","thread":[{"text":"a"},{"text":"b"}]}`,
			wantField: "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)

			refused(t, h, "edit_post", h.call(t, "edit_post", tt.args), tt.wantField, tt.wantChannel)

			assert.Zero(t, h.fake.count("EditPost"), "nothing is sent")
		})
	}
}

func TestSinglePostResultsShowTheOptionsThePostWasGiven(t *testing.T) {
	tests := []struct {
		name string
		post string
		want string // the fields beside postResult's
	}{
		{name: "an instagram reel with a first comment and a tag", post: igReelJSON,
			want: `"postType":"reel","firstComment":"#latteart","tags":[{"id":"{tag2}","name":"Behind the scenes"}]`},
		{name: "a pin", post: pinJSON, want: `"title":"Iced latte","link":"https://e.com/r","board":"Coffee recipes"`},
		{name: "a thread", post: threadJSON, want: `"threadCount":3,"tags":[{"id":"{tag1}","name":"Launch"}]`},
		{name: "a facebook story with a link preview", post: facebookJSON, want: `"postType":"story","link":"https://e.com/l"`},
		{name: "a plain linkedin post shows nothing more", post: linkedinJSON, want: ``},
		{name: "a google business event", post: eventJSON, want: `"postType":"event","title":"Cupping"`},
	}
	for _, tt := range tests {
		for _, tool := range []string{"get_post", "edit_post"} {
			t.Run(tt.name+"/"+tool, func(t *testing.T) {
				h := newHarness(t)
				args := `{"postId":"{post1}"}`
				if tool == "get_post" {
					h.stub(getPostOK(tt.post))
				} else {
					h.stub(gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+tt.post+`}}`))
					args = `{"postId":"{post1}","text":"x"}`
				}

				res := h.call(t, tool, args)

				requireSuccess(t, res)
				conforms(t, h, tool, res)
				var got struct{ Post map[string]any }
				decode(t, res, &got)
				var want map[string]any
				decodeJSON(t, `{`+expand(tt.want)+`}`, &want)
				for _, k := range []string{"postType", "firstComment", "title", "link", "board", "threadCount", "tags"} {
					assert.Equal(t, want[k], got.Post[k], k)
				}
			})
		}
	}
}

func TestListPostsShowsEachPostsTypeAndTagNamesOnly(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("ListPosts", `{"posts":{"edges":[{"node":`+igReelJSON+`},{"node":`+pinJSON+`},{"node":`+threadJSON+`}],`+
		`"pageInfo":{"hasNextPage":false,"endCursor":"c3"}}}`))

	res := h.call(t, "list_posts", `{"organizationId":"{org1}"}`)

	requireSuccess(t, res)
	conforms(t, h, "list_posts", res)
	var got struct{ Posts []map[string]any }
	decode(t, res, &got)
	assert.Equal(t, "reel", got.Posts[0]["postType"])
	assert.Equal(t, []any{"Behind the scenes"}, got.Posts[0]["tags"])
	assert.NotContains(t, got.Posts[0], "firstComment", "a list stays lean")
	assert.NotContains(t, got.Posts[1], "postType", "a plain post shows none")
	assert.NotContains(t, got.Posts[1], "board")
	assert.NotContains(t, got.Posts[1], "tags")
	assert.Equal(t, []any{"Launch"}, got.Posts[2]["tags"])
	assert.NotContains(t, got.Posts[2], "threadCount")
}
