package tools_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const img = `{"type":"image","url":"https://e.com/a.jpg"}`
const vid = `{"type":"video","url":"https://e.com/v.mp4"}`

// base is what every createPost below sends besides what the test is about.
const base = `"mode":"addToQueue","schedulingType":"automatic"`

func TestCreatePostMapsEachOptionOntoEachNetwork(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		channels []stub
		wantVars []string // one createPost per channel, in order
		wantNote []string // each post's note
	}{
		{
			name:     "instagram: an image is a post, shared to the feed",
			args:     `{"channelId":"{ch5}","text":"Hi","assets":[` + img + `]}`,
			channels: []stub{getChannelOK(ch5JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch5}","text":"Hi",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"instagram":{"type":"post","shouldShareToFeed":true}}}}`},
		},
		{
			name:     "instagram: several images are a carousel",
			args:     `{"channelId":"{ch5}","assets":[` + img + `,` + vid + `]}`,
			channels: []stub{getChannelOK(ch5JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch5}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}},{"video":{"url":"https://e.com/v.mp4"}}],` +
				`"metadata":{"instagram":{"type":"carousel","shouldShareToFeed":true}}}}`},
		},
		{
			name:     "instagram: a reel kept out of the feed, with a first comment",
			args:     `{"channelId":"{ch5}","text":"Hi","assets":[` + vid + `],"postType":"reel","shareToFeed":false,"firstComment":"#coffee"}`,
			channels: []stub{getChannelOK(ch5JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch5}","text":"Hi",` + base + `,"assets":[{"video":{"url":"https://e.com/v.mp4"}}],` +
				`"metadata":{"instagram":{"type":"reel","firstComment":"#coffee","shouldShareToFeed":false}}}}`},
		},
		{
			name:     "facebook: a link preview and a first comment, as a post",
			args:     `{"channelId":"{ch2}","text":"Hi","link":"https://e.com/story","firstComment":"More below"}`,
			channels: []stub{getChannelOK(ch2JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch2}","text":"Hi",` + base + `,` +
				`"metadata":{"facebook":{"type":"post","linkAttachment":{"url":"https://e.com/story"},"firstComment":"More below"}}}}`},
		},
		{
			name:     "facebook: a story",
			args:     `{"channelId":"{ch2}","assets":[` + img + `],"postType":"story"}`,
			channels: []stub{getChannelOK(ch2JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch2}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"facebook":{"type":"story"}}}}`},
		},
		{
			name:     "facebook: no carousel, so nothing is sent for it",
			args:     `{"channelId":"{ch2}","assets":[` + img + `,` + img + `],"postType":"carousel"}`,
			channels: []stub{getChannelOK(ch2JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch2}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}},{"image":{"url":"https://e.com/a.jpg"}}]}}`},
			wantNote: []string{"not sent (facebook has no such option): postType carousel"},
		},
		{
			name:     "linkedin: a first comment and a link preview",
			args:     `{"channelId":"{ch1}","text":"Hi","firstComment":"Sources","link":"https://e.com/report"}`,
			channels: []stub{getChannelOK(ch1JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch1}","text":"Hi",` + base + `,` +
				`"metadata":{"linkedin":{"firstComment":"Sources","linkAttachment":{"url":"https://e.com/report"}}}}}`},
		},
		{
			name:     "x: a thread, its first post the text, media by URL",
			args:     `{"channelId":"{ch9}","thread":[{"text":"One","assets":["https://e.com/1.png"]},{"text":"Two","assets":["https://e.com/2.MP4?x=1"]},{"text":"Three"}]}`,
			channels: []stub{getChannelOK(ch9JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch9}","text":"One",` + base + `,"assets":[{"image":{"url":"https://e.com/1.png"}}],` +
				`"metadata":{"twitter":{"thread":[{"text":"One","assets":[{"image":{"url":"https://e.com/1.png"}}]},` +
				`{"text":"Two","assets":[{"video":{"url":"https://e.com/2.MP4?x=1"}}]},{"text":"Three"}]}}}}`},
		},
		{
			name:     "threads: a carousel thread with a link preview",
			args:     `{"channelId":"{chA}","text":"One","thread":[{"text":"One"},{"text":"Two"}],"postType":"carousel","link":"https://e.com/l"}`,
			channels: []stub{getChannelOK(chAJSON)},
			wantVars: []string{`{"input":{"channelId":"{chA}","text":"One",` + base + `,` +
				`"metadata":{"threads":{"type":"carousel","thread":[{"text":"One"},{"text":"Two"}],"linkAttachment":{"url":"https://e.com/l"}}}}}`},
		},
		{
			name:     "bluesky: a thread and a link preview",
			args:     `{"channelId":"{ch4}","thread":[{"text":"One"},{"text":"Two"}],"link":"https://e.com/l"}`,
			channels: []stub{getChannelOK(ch4JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch4}","text":"One",` + base + `,` +
				`"metadata":{"bluesky":{"thread":[{"text":"One"},{"text":"Two"}],"linkAttachment":{"url":"https://e.com/l"}}}}}`},
		},
		{
			name:     "mastodon: a thread behind a content warning",
			args:     `{"channelId":"{ch3}","thread":[{"text":"One"},{"text":"Two"}],"contentWarning":"Prices"}`,
			channels: []stub{getChannelOK(ch3JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch3}","text":"One",` + base + `,` +
				`"metadata":{"mastodon":{"thread":[{"text":"One"},{"text":"Two"}],"spoilerText":"Prices"}}}}`},
		},
		{
			name:     "pinterest: a board by name regardless of case, a title and a destination",
			args:     `{"channelId":"{ch6}","text":"Hi","assets":[` + img + `],"board":"coffee RECIPES","title":"Iced latte","link":"https://e.com/recipe"}`,
			channels: []stub{getChannelOK(ch6JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch6}","text":"Hi",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"pinterest":{"title":"Iced latte","url":"https://e.com/recipe","boardServiceId":"1001"}}}}`},
		},
		{
			name:     "pinterest: a board by its exact name, though another differs only in case",
			args:     `{"channelId":"{ch6}","assets":[` + img + `],"board":"BREWING GUIDES"}`,
			channels: []stub{getChannelOK(ch6JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch6}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"pinterest":{"boardServiceId":"1003"}}}}`},
		},
		{
			name:     "pinterest: a board by its id",
			args:     `{"channelId":"{ch6}","assets":[` + img + `],"board":"{board2}"}`,
			channels: []stub{getChannelOK(ch6JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch6}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"pinterest":{"boardServiceId":"1002"}}}}`},
		},
		{
			name:     "pinterest: a board by Pinterest's own id",
			args:     `{"channelId":"{ch6}","assets":[` + img + `],"board":"1003"}`,
			channels: []stub{getChannelOK(ch6JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch6}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"pinterest":{"boardServiceId":"1003"}}}}`},
		},
		{
			name:     "youtube: a title and the default category, noted",
			args:     `{"channelId":"{ch7}","text":"Tour","assets":[` + vid + `],"title":"Roastery tour"}`,
			channels: []stub{getChannelOK(ch7JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch7}","text":"Tour",` + base + `,"assets":[{"video":{"url":"https://e.com/v.mp4"}}],` +
				`"metadata":{"youtube":{"title":"Roastery tour","categoryId":"22"}}}}`},
			wantNote: []string{"youtube.categoryId 22 (People and Blogs) by default"},
		},
		{
			name: "youtube: every setting",
			args: `{"channelId":"{ch7}","assets":[` + vid + `],"title":"Tour",` +
				`"youtube":{"categoryId":"26","privacy":"unlisted","madeForKids":false,"notifySubscribers":false}}`,
			channels: []stub{getChannelOK(ch7JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch7}",` + base + `,"assets":[{"video":{"url":"https://e.com/v.mp4"}}],` +
				`"metadata":{"youtube":{"title":"Tour","privacy":"unlisted","categoryId":"26","notifySubscribers":false,"madeForKids":false}}}}`},
		},
		{
			name:     "tiktok: a photo post's title",
			args:     `{"channelId":"{chB}","assets":[` + img + `],"title":"Latte art"}`,
			channels: []stub{getChannelOK(chBJSON)},
			wantVars: []string{`{"input":{"channelId":"{chB}",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
				`"metadata":{"tiktok":{"title":"Latte art"}}}}`},
		},
		{
			name: "google business: an offer over whole days, in the channel's timezone",
			args: `{"channelId":"{ch8}","text":"10% off","googleBusiness":{"type":"offer","title":"10% off","start":"2026-03-20",` +
				`"end":"2026-03-27","couponCode":"BEANS10","terms":"One a person","buttonLink":"https://e.com/shop"}}`,
			channels: []stub{getChannelOK(ch8JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch8}","text":"10% off",` + base + `,"metadata":{"google":{"type":"offer","title":"10% off",` +
				`"detailsOffer":{"title":"10% off","startDate":"2026-03-20T04:00:00Z","endDate":"2026-03-27T04:00:00Z",` +
				`"code":"BEANS10","link":"https://e.com/shop","terms":"One a person"}}}}}`},
		},
		{
			name: "google business: an event at set times, with a button",
			args: `{"channelId":"{ch8}","text":"Cupping","googleBusiness":{"type":"event","title":"Cupping","start":"2026-03-20T10:00:00-04:00",` +
				`"end":"2026-03-20T12:00:00-04:00","button":"book","buttonLink":"https://e.com/book"}}`,
			channels: []stub{getChannelOK(ch8JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch8}","text":"Cupping",` + base + `,"metadata":{"google":{"type":"event","title":"Cupping",` +
				`"detailsEvent":{"title":"Cupping","startDate":"2026-03-20T14:00:00Z","endDate":"2026-03-20T16:00:00Z","isFullDayEvent":false,` +
				`"button":"book","link":"https://e.com/book"}}}}}`},
		},
		{
			name:     "google business: what's new",
			args:     `{"channelId":"{ch8}","text":"New hours","googleBusiness":{"type":"whats_new","button":"call"}}`,
			channels: []stub{getChannelOK(ch8JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch8}","text":"New hours",` + base + `,` +
				`"metadata":{"google":{"type":"whats_new","detailsWhatsNew":{"button":"call"}}}}}`},
		},
		{
			name:     "tags by id need no lookup; approval and the idea travel as they are",
			args:     `{"channelId":"{ch1}","text":"Hi","tags":["{tag1}"],"needsApproval":true,"ideaId":"0123456789abcdef01234567"}`,
			channels: []stub{getChannelOK(ch1JSON)},
			wantVars: []string{`{"input":{"channelId":"{ch1}","text":"Hi",` + base + `,"tagIds":["{tag1}"],"needsApproval":true,` +
				`"ideaId":"0123456789abcdef01234567"}}`},
		},
		{
			name:     "tags by name, regardless of case, and by id",
			args:     `{"channelId":"{ch1}","text":"Hi","tags":["behind THE scenes","{tag1}"]}`,
			channels: []stub{getChannelOK(ch1JSON), listTagsOK},
			wantVars: []string{`{"input":{"channelId":"{ch1}","text":"Hi",` + base + `,"tagIds":["{tag2}","{tag1}"]}}`},
		},
		{
			name:     "one firstComment across Instagram, LinkedIn and X: X has none",
			args:     `{"channelIds":["{ch5}","{ch1}","{ch9}"],"text":"New roast","assets":[` + img + `],"firstComment":"Tasting notes inside"}`,
			channels: []stub{getChannelOK(ch5JSON), getChannelOK(ch1JSON), getChannelOK(ch9JSON)},
			wantVars: []string{
				`{"input":{"channelId":"{ch5}","text":"New roast",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
					`"metadata":{"instagram":{"type":"post","firstComment":"Tasting notes inside","shouldShareToFeed":true}}}}`,
				`{"input":{"channelId":"{ch1}","text":"New roast",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}],` +
					`"metadata":{"linkedin":{"firstComment":"Tasting notes inside"}}}}`,
				`{"input":{"channelId":"{ch9}","text":"New roast",` + base + `,"assets":[{"image":{"url":"https://e.com/a.jpg"}}]}}`,
			},
			wantNote: []string{"", "", "not sent (twitter has no such option): firstComment"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.channels...)
			for range tt.wantVars {
				h.stub(createPostOK("{post1}", "{ch1}", "America/New_York", "Hi"))
			}

			res := h.call(t, "create_post", tt.args)

			requireSuccess(t, res)
			conforms(t, h, "create_post", res)
			h.assertVariables(t, "CreatePost", tt.wantVars...)
			var got struct {
				Posts []struct{ Note string } `json:"posts"`
			}
			decode(t, res, &got)
			require.Len(t, got.Posts, len(tt.wantVars))
			for i, p := range got.Posts {
				want := ""
				if tt.wantNote != nil {
					want = tt.wantNote[i]
				}
				assert.Equal(t, want, p.Note, "note of post %d", i)
			}
		})
	}
}

// TestCreatePostRefusesWhatANetworkRequiresBeforeSendingAnything: a rule one channel fails
// refuses the whole call, naming the field and the channel; no post is created anywhere,
// and a dry run answers the same.
func TestCreatePostRefusesWhatANetworkRequiresBeforeSendingAnything(t *testing.T) {
	tests := []struct {
		name        string
		args        string
		channels    []stub
		wantField   string
		wantChannel string
		wantMessage string
	}{
		{name: "instagram without media", args: `{"channelId":"{ch5}","text":"Hi"}`, channels: []stub{getChannelOK(ch5JSON)},
			wantField: "assets", wantChannel: "{ch5}", wantMessage: "assets: instagram needs an image or a video"},
		{name: "tiktok with a document only", args: `{"channelId":"{chB}","assets":[{"type":"document","url":"https://e.com/d.pdf","title":"D","thumbnailUrl":"https://e.com/d.png"}]}`,
			channels: []stub{getChannelOK(chBJSON)}, wantField: "assets", wantChannel: "{chB}", wantMessage: "assets: tiktok needs an image or a video"},
		{name: "pinterest without media", args: `{"channelId":"{ch6}","text":"Hi","board":"Coffee recipes"}`, channels: []stub{getChannelOK(ch6JSON)},
			wantField: "assets", wantChannel: "{ch6}"},
		{name: "pinterest without a board", args: `{"channelId":"{ch6}","assets":[` + img + `]}`, channels: []stub{getChannelOK(ch6JSON)},
			wantField: "board", wantChannel: "{ch6}", wantMessage: "board: pinterest needs a board: get_channel lists the channel's boards"},
		{name: "pinterest on an unknown board, which lists the boards", args: `{"channelId":"{ch6}","assets":[` + img + `],"board":"Travel"}`,
			channels: []stub{getChannelOK(ch6JSON)}, wantField: "board", wantChannel: "{ch6}",
			wantMessage: `board: "Travel" matches no board of this channel; its boards: Coffee recipes ({board1}), Brewing guides ({board2}), BREWING GUIDES ({board3})`},
		{name: "pinterest on a name two boards share but for case", args: `{"channelId":"{ch6}","assets":[` + img + `],"board":"brewing guides"}`,
			channels: []stub{getChannelOK(ch6JSON)}, wantField: "board", wantChannel: "{ch6}",
			wantMessage: `board: "brewing guides" names 2 boards; give the id of one: Coffee recipes ({board1}), Brewing guides ({board2}), BREWING GUIDES ({board3})`},
		{name: "youtube without a video", args: `{"channelId":"{ch7}","title":"T","assets":[` + img + `]}`, channels: []stub{getChannelOK(ch7JSON)},
			wantField: "assets", wantChannel: "{ch7}", wantMessage: "assets: youtube needs a video"},
		{name: "youtube without a title", args: `{"channelId":"{ch7}","assets":[` + vid + `]}`, channels: []stub{getChannelOK(ch7JSON)},
			wantField: "title", wantChannel: "{ch7}"},
		{name: "google business without googleBusiness", args: `{"channelId":"{ch8}","text":"Hi"}`, channels: []stub{getChannelOK(ch8JSON)},
			wantField: "googleBusiness", wantChannel: "{ch8}"},
		{name: "google business offer without an end", args: `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"offer","title":"T","start":"2026-03-20"}}`,
			channels: []stub{getChannelOK(ch8JSON)}, wantField: "googleBusiness.end", wantChannel: "{ch8}"},
		{name: "a reel without a video", args: `{"channelId":"{ch5}","assets":[` + img + `],"postType":"reel"}`, channels: []stub{getChannelOK(ch5JSON)},
			wantField: "postType", wantChannel: "{ch5}", wantMessage: "postType: a reel needs a video in assets"},
		{name: "a link preview beside media", args: `{"channelId":"{ch2}","assets":[` + img + `],"link":"https://e.com/l"}`, channels: []stub{getChannelOK(ch2JSON)},
			wantField: "link", wantChannel: "{ch2}"},
		{name: "a thread on a network without threads", args: `{"channelIds":["{ch9}","{ch1}"],"thread":[{"text":"One"},{"text":"Two"}]}`,
			channels: []stub{getChannelOK(ch9JSON), getChannelOK(ch1JSON)}, wantField: "thread", wantChannel: "{ch1}",
			wantMessage: "thread: linkedin has no threads (X, Threads, Bluesky and Mastodon do): post the thread to those channels only"},
		{name: "one channel of three fails, so none is posted", args: `{"channelIds":["{ch1}","{ch9}","{ch5}"],"text":"Hi"}`,
			channels: []stub{getChannelOK(ch1JSON), getChannelOK(ch9JSON), getChannelOK(ch5JSON)}, wantField: "assets", wantChannel: "{ch5}"},
		{name: "an unknown tag id, once the tags are read", args: `{"channelId":"{ch1}","text":"Hi","tags":["Launch","{post1}"]}`,
			channels: []stub{getChannelOK(ch1JSON), listTagsOK}, wantField: "tags[1]",
			wantMessage: `tags[1]: "{post1}" is not a tag of the organization; its tags: Behind the scenes, Launch`},
		{name: "an unknown tag name lists the tags", args: `{"channelId":"{ch1}","text":"Hi","tags":["Launch","Lunch"]}`,
			channels: []stub{getChannelOK(ch1JSON), listTagsOK}, wantField: "tags[1]",
			wantMessage: `tags[1]: "Lunch" is not a tag of the organization; its tags: Behind the scenes, Launch`},
	}
	for _, tt := range tests {
		for _, dry := range []bool{false, true} {
			name := tt.name
			args := tt.args
			if dry {
				name += "/dry run"
				args = args[:len(args)-1] + `,"dryRun":true}`
			}
			t.Run(name, func(t *testing.T) {
				h := newHarness(t)
				h.stub(tt.channels...)

				msg := refused(t, h, "create_post", h.call(t, "create_post", args), tt.wantField, tt.wantChannel)

				if tt.wantMessage != "" {
					assert.Equal(t, expand(tt.wantMessage), msg)
				}
				assert.Zero(t, h.fake.count("CreatePost"), "nothing is sent")
			})
		}
	}
}

func TestCreatePostRefusesMalformedOptionsBeforeAnyRequest(t *testing.T) {
	tests := []struct {
		name      string
		args      string
		wantField string
	}{
		{"a thread of one post", `{"channelId":"{ch9}","thread":[{"text":"One"}]}`, "thread"},
		{"a post of a thread with neither text nor media", `{"channelId":"{ch9}","thread":[{"text":"One"},{}]}`, "thread[1].text"},
		{"a thread's media that is not a URL", `{"channelId":"{ch9}","thread":[{"text":"One"},{"text":"Two","assets":["cat.png"]}]}`, "thread[1].assets[0]"},
		{"text that is not the thread's first post", `{"channelId":"{ch9}","text":"Zero","thread":[{"text":"One"},{"text":"Two"}]}`, "text"},
		{"an unknown post type", `{"channelId":"{ch5}","postType":"short","assets":[` + img + `]}`, "postType"},
		{"a link that is not a URL", `{"channelId":"{ch1}","text":"Hi","link":"e.com"}`, "link"},
		{"a youtube category that does not exist", `{"channelId":"{ch7}","title":"T","youtube":{"categoryId":"21"},"assets":[` + vid + `]}`, "youtube.categoryId"},
		{"an unknown google business type", `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"sale"}}`, "googleBusiness.type"},
		{"a button on an offer", `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"offer","button":"shop"}}`, "googleBusiness.button"},
		{"a start that is neither a date nor a time", `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"event","start":"tomorrow"}}`, "googleBusiness.start"},
		{"an end before the start", `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"event","start":"2026-03-21","end":"2026-03-20"}}`, "googleBusiness.end"},
		{"a date and a time mixed", `{"channelId":"{ch8}","text":"Hi","googleBusiness":{"type":"event","start":"2026-03-21","end":"2026-03-21T10:00:00Z"}}`, "googleBusiness.end"},
		{"a blank tag", `{"channelId":"{ch1}","text":"Hi","tags":[" "]}`, "tags[0]"},
		{"a tag twice", `{"channelId":"{ch1}","text":"Hi","tags":["Launch","launch"]}`, "tags[1]"},
		{"approval with publishing now", `{"channelId":"{ch1}","text":"Hi","needsApproval":true,"mode":"shareNow","confirmPublishNow":true}`, "needsApproval"},
		{"an idea id that is not an id", `{"channelId":"{ch1}","text":"Hi","ideaId":"idea-7"}`, "ideaId"},
		{"a misspelt option inside an object", `{"channelId":"{ch7}","youtube":{"category":"22"}}`, "youtube.category"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			refused(t, h, "create_post", h.call(t, "create_post", tt.args), tt.wantField, "")

			h.fake.assertNoRequest(t)
		})
	}
}

func TestCreatePostDryRunShowsEachChannelsMetadataTagsAndNote(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch5JSON), getChannelOK(ch7JSON), getChannelOK(ch9JSON), listTagsOK)

	res := h.call(t, "create_post", `{"channelIds":["{ch5}","{ch7}","{ch9}"],"text":"Tour","assets":[`+vid+`],`+
		`"postType":"reel","title":"Roastery tour","tags":["{tag1}"],"dryRun":true}`)

	requireSuccess(t, res)
	conforms(t, h, "create_post", res)
	assertStructured(t, `{"dryRun":true,"posts":[
		{"channelId":"{ch5}","status":"scheduled","text":"Tour","timezone":"Europe/Berlin",
		 "tags":[{"id":"{tag1}","name":"Launch"}],
		 "metadata":{"instagram":{"type":"reel","shouldShareToFeed":true}},
		 "note":"not sent (instagram has no such option): title"},
		{"channelId":"{ch7}","status":"scheduled","text":"Tour","timezone":"Europe/Madrid",
		 "tags":[{"id":"{tag1}","name":"Launch"}],
		 "metadata":{"youtube":{"title":"Roastery tour","categoryId":"22"}},
		 "note":"not sent (youtube has no such option): postType; youtube.categoryId 22 (People and Blogs) by default"},
		{"channelId":"{ch9}","status":"scheduled","text":"Tour","timezone":"Europe/London",
		 "tags":[{"id":"{tag1}","name":"Launch"}],
		 "note":"not sent (twitter has no such option): postType, title"}]}`, res)
	assert.Zero(t, h.fake.count("CreatePost"))
	assert.Equal(t, 1, h.fake.count("ListTags"), "one organization, one read of its tags, to show their names")
}

func TestCreatePostShowsTheOptionsThePostWasGiven(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch6JSON), createPostWith("{post1}", "{ch6}", "pinterest", "America/Denver", "Hi", oneImage,
		`{"__typename":"PinterestPostMetadata","type":"post","title":"Iced latte","url":"https://e.com/r",`+
			`"board":{"id":"{board1}","serviceId":"1001","name":"Coffee recipes"}}`,
		`[{"id":"{tag1}","name":"Launch"}]`))

	res := h.call(t, "create_post", `{"channelId":"{ch6}","text":"Hi","assets":[`+img+`],"board":"Coffee recipes","title":"Iced latte","link":"https://e.com/r"}`)

	requireSuccess(t, res)
	conforms(t, h, "create_post", res)
	assertStructured(t, `{"posts":[{"id":"{post1}","channelId":"{ch6}","status":"scheduled","text":"Hi",
		"dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T08:00:00-06:00","timezone":"America/Denver",
		"title":"Iced latte","link":"https://e.com/r","board":"Coffee recipes","tags":[{"id":"{tag1}","name":"Launch"}]}]}`, res)
}

func TestGetChannelListsAPinterestChannelsBoards(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch6JSON))

	res := h.call(t, "get_channel", `{"channelId":"{ch6}"}`)

	requireSuccess(t, res)
	conforms(t, h, "get_channel", res)
	assertStructured(t, `{"channel":{"id":"{ch6}","name":"ada","displayName":"Ada","service":"pinterest","timezone":"America/Denver",
		"isQueuePaused":false,"isDisconnected":false,"isLocked":false,"organizationId":"{org1}","postingSchedule":[],
		"boards":[{"id":"{board1}","name":"Coffee recipes"},{"id":"{board2}","name":"Brewing guides"},{"id":"{board3}","name":"BREWING GUIDES"}]}}`, res)
}
