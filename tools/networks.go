package tools

import (
	"fmt"
	"slices"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// How the options of postOptions land on each network's metadata (Buffer's
// PostInputMetaData, shared/reference/buffer-api.md §6.2), and what each network requires
// before a post is sent. One channel that fails a rule refuses the whole call, naming the
// field and the channel, so that nothing is sent anywhere.

// networkOptions are the options each network (its service) has. An option given for a
// network that lacks it is not sent there, and the result's note says so. tags apply to
// every network.
var networkOptions = map[string][]string{
	"instagram":      {"postType", "shareToFeed", "firstComment"},
	"facebook":       {"postType", "firstComment", "link"},
	"linkedin":       {"firstComment", "link"},
	"twitter":        {"thread"},
	"threads":        {"postType", "thread", "link"},
	"bluesky":        {"thread", "link"},
	"mastodon":       {"thread", "contentWarning"},
	"substack":       {"link"},
	"pinterest":      {"title", "link", "board"},
	"youtube":        {"title", "youtube"},
	"tiktok":         {"title"},
	"googlebusiness": {"googleBusiness"},
}

// postTypesOf are the post types each network with a type takes; another type given is
// ignored there (Facebook has no carousel).
var postTypesOf = map[string][]string{
	"instagram": postTypes,
	"facebook":  {"post", "reel", "story"},
	"threads":   {"post", "carousel"},
}

// threadServices and linkPreviewServices: the networks with threads, and those whose link
// preview Buffer refuses beside media.
var (
	threadServices      = []string{"twitter", "threads", "bluesky", "mastodon"}
	linkPreviewServices = []string{"facebook", "linkedin", "threads", "bluesky", "substack"}
)

// defaultYouTubeCategory is People & Blogs, the category SPEC gives a video that names none.
const defaultYouTubeCategory = "22"

// media counts a post's assets as the networks' rules need them.
type media struct {
	any, visual, videos int // all assets; images and videos; videos
}

func mediaOf(assets []assetArg) media {
	var m media
	for _, a := range assets {
		m.add(a.Type)
	}
	return m
}

func mediaOfPost(assets []client.PostDetailAssetsAsset) media {
	var m media
	for _, a := range assets {
		m.add(string(a.Type))
	}
	return m
}

func (m *media) add(kind string) {
	m.any++
	switch kind {
	case "image":
		m.visual++
	case "video":
		m.visual++
		m.videos++
	}
}

// networkPlan is what one channel's network makes of the options: the metadata to send (nil
// when none applies), the options it has no use for, and notes for the result.
type networkPlan struct {
	meta    *client.PostInputMetaData
	ignored []string
	notes   []string
}

// note is the plan's line for the result's note, "" when there is nothing to say.
func (p *networkPlan) note(service string) string {
	notes := p.notes
	if len(p.ignored) > 0 {
		notes = append([]string{fmt.Sprintf("not sent (%s has no such option): %s", service, strings.Join(p.ignored, ", "))}, notes...)
	}
	return strings.Join(notes, "; ")
}

// plan maps the options onto the metadata of one channel's network and checks that
// network's rules. m is the post's media as it will be. cur is nil when a post is created;
// for an edit it is the post's metadata as Buffer holds it, which supplies the fields that
// Buffer's input types require (Instagram's type and shareToFeed, Facebook's type) when the
// edit does not change them: an edit sends only what it changes, and Buffer keeps the rest,
// so only a post being created is checked for what its network requires.
func (o *postOptions) plan(ch *client.ChannelFields, m media, cur *client.PostMetadata) (*networkPlan, error) {
	service := string(ch.Service)
	creating := cur == nil
	if cur == nil {
		cur = &client.PostMetadata{}
	}
	fail := func(field, format string, a ...any) error {
		e := invalidArg(field, format, a...)
		e.channelID = ch.Id
		return e
	}
	p := &networkPlan{}
	for _, name := range o.given() {
		if !slices.Contains(networkOptions[service], name) {
			p.ignored = append(p.ignored, name)
		}
	}
	postType := o.PostType
	if postType != "" && !slices.Contains(postTypesOf[service], postType) {
		if !slices.Contains(p.ignored, "postType") {
			p.ignored = append(p.ignored, "postType "+postType)
		}
		postType = ""
	}
	if o.Thread != nil && !slices.Contains(threadServices, service) {
		return nil, fail("thread", "%s has no threads (X, Threads, Bluesky and Mastodon do): post the thread to those channels only", service)
	}
	if o.Link != "" && m.any > 0 && slices.Contains(linkPreviewServices, service) {
		return nil, fail("link", "%s takes a link preview or media, not both: leave out link or assets", service)
	}
	if postType == "reel" && m.videos == 0 {
		return nil, fail("postType", "a reel needs a video in assets")
	}
	if creating {
		if err := o.required(service, m, fail); err != nil {
			return nil, err
		}
	}

	md := &client.PostInputMetaData{}
	var link *client.LinkAttachmentInput
	if o.Link != "" {
		link = &client.LinkAttachmentInput{Url: o.Link}
	}
	switch service {
	case "instagram":
		if creating || postType != "" || o.ShareToFeed != nil || o.FirstComment != "" {
			md.Instagram = &client.InstagramPostMetadataInput{Type: client.PostType(instagramType(postType, cur.Type, m)),
				FirstComment: o.FirstComment, ShouldShareToFeed: shareToFeed(o.ShareToFeed, cur.ShouldShareToFeed)}
		}
	case "facebook":
		if postType != "" || o.FirstComment != "" || link != nil {
			md.Facebook = &client.FacebookPostMetadataInput{Type: client.PostTypeFacebook(facebookType(postType, cur.Type)),
				FirstComment: o.FirstComment, LinkAttachment: link}
		}
	case "linkedin":
		if o.FirstComment != "" || link != nil {
			md.Linkedin = &client.LinkedInPostMetadataInput{FirstComment: o.FirstComment, LinkAttachment: link}
		}
	case "twitter":
		if o.Thread != nil {
			md.Twitter = &client.TwitterPostMetadataInput{Thread: o.threadInputs()}
		}
	case "threads":
		if postType != "" || o.Thread != nil || link != nil {
			md.Threads = &client.ThreadsPostMetadataInput{Type: client.PostType(postType), Thread: o.threadInputs(), LinkAttachment: link}
		}
	case "bluesky":
		if o.Thread != nil || link != nil {
			md.Bluesky = &client.BlueskyPostMetadataInput{Thread: o.threadInputs(), LinkAttachment: link}
		}
	case "mastodon":
		if o.Thread != nil || o.ContentWarning != "" {
			md.Mastodon = &client.MastodonPostMetadataInput{Thread: o.threadInputs(), SpoilerText: o.ContentWarning}
		}
	case "substack":
		if link != nil {
			md.Substack = &client.SubstackPostMetadataInput{LinkAttachment: link}
		}
	case "pinterest":
		if o.Title != "" || o.Link != "" || o.Board != "" {
			pin := &client.PinterestPostMetadataInput{Title: o.Title, Url: o.Link}
			if o.Board != "" {
				b, err := resolveBoard(ch, o.Board)
				if err != nil {
					return nil, err
				}
				pin.BoardServiceId = b.ServiceID
			}
			md.Pinterest = pin
		}
	case "youtube":
		md.Youtube = o.youtubeInput(creating)
		if creating && (o.YouTube == nil || o.YouTube.CategoryID == "") {
			p.notes = append(p.notes, "youtube.categoryId "+defaultYouTubeCategory+" (People and Blogs) by default")
		}
	case "tiktok":
		if o.Title != "" {
			md.Tiktok = &client.TikTokPostMetadataInput{Title: o.Title}
		}
	case "googlebusiness":
		if o.GoogleBusiness != nil {
			md.Google = o.GoogleBusiness.input(ch.Timezone, cur)
		}
	}
	if *md != (client.PostInputMetaData{}) {
		p.meta = md
	}
	return p, nil
}

// required checks what a new post on the network cannot do without.
func (o *postOptions) required(service string, m media, fail func(string, string, ...any) error) error {
	switch service {
	case "instagram", "tiktok", "pinterest":
		if m.visual == 0 {
			return fail("assets", "%s needs an image or a video", service)
		}
	case "youtube":
		if m.videos == 0 {
			return fail("assets", "youtube needs a video")
		}
	}
	switch service {
	case "pinterest":
		if o.Board == "" {
			return fail("board", "pinterest needs a board: get_channel lists the channel's boards")
		}
	case "youtube":
		if o.Title == "" {
			return fail("title", "youtube needs a title for the video")
		}
	case "googlebusiness":
		g := o.GoogleBusiness
		if g == nil {
			return fail("googleBusiness", "googlebusiness needs googleBusiness with its type (whats_new, offer or event)")
		}
		if g.Type == "offer" || g.Type == "event" {
			for _, f := range []struct {
				name string
				set  bool
			}{{"title", g.Title != ""}, {"start", g.start.set()}, {"end", g.end.set()}} {
				if !f.set {
					return fail("googleBusiness."+f.name, "an %s needs title, start and end", g.Type)
				}
			}
		}
	}
	return nil
}

// instagramType is the type to send: the one given, else the post's own, else post (a
// carousel with several images or videos).
func instagramType(given, current string, m media) string {
	switch {
	case given != "":
		return given
	case current != "":
		return current
	case m.visual > 1:
		return "carousel"
	}
	return "post"
}

func facebookType(given, current string) string {
	switch {
	case given != "":
		return given
	case slices.Contains(postTypesOf["facebook"], current):
		return current
	}
	return "post"
}

func shareToFeed(given, current *bool) bool {
	switch {
	case given != nil:
		return *given
	case current != nil:
		return *current
	}
	return true
}

// youtubeInput is the video's metadata: on create, the title and a category always (SPEC's
// default category); on edit, only what is given.
func (o *postOptions) youtubeInput(creating bool) *client.YoutubePostMetadataInput {
	in := &client.YoutubePostMetadataInput{Title: o.Title}
	if y := o.YouTube; y != nil {
		in.CategoryId, in.Privacy = y.CategoryID, client.YoutubePrivacy(y.Privacy)
		in.MadeForKids, in.NotifySubscribers = y.MadeForKids, y.NotifySubscribers
	}
	if creating && in.CategoryId == "" {
		in.CategoryId = defaultYouTubeCategory
	}
	if *in == (client.YoutubePostMetadataInput{}) {
		return nil
	}
	return in
}

// input is Buffer's GoogleBusinessPostMetadataInput, with dates read in the channel's
// timezone: an event given dates is a whole-day event, and an event edited without new
// dates stays what it was (cur, the post's metadata; empty on create).
func (g *googleArg) input(tz string, cur *client.PostMetadata) *client.GoogleBusinessPostMetadataInput {
	in := &client.GoogleBusinessPostMetadataInput{Type: client.PostTypeGoogleBusiness(g.Type), Title: g.Title}
	var start, end string
	if g.start.set() {
		start = formatUTC(g.start.in(tz))
	}
	if g.end.set() {
		end = formatUTC(g.end.in(tz))
	}
	switch g.Type {
	case "offer":
		in.DetailsOffer = &client.GoogleBusinessOfferMetaDataInput{Title: g.Title, StartDate: start, EndDate: end,
			Code: g.CouponCode, Link: g.ButtonLink, Terms: g.Terms}
	case "event":
		fullDay := g.start.date != "" || g.end.date != ""
		if !g.start.set() && !g.end.set() && cur.Details != nil && cur.Details.IsFullDayEvent != nil {
			fullDay = *cur.Details.IsFullDayEvent
		}
		in.DetailsEvent = &client.GoogleBusinessEventMetaDataInput{Title: g.Title, StartDate: start, EndDate: end,
			IsFullDayEvent: fullDay, Button: client.GoogleBusinessPostActionType(g.Button), Link: g.ButtonLink}
	case "whats_new":
		if g.Button != "" || g.ButtonLink != "" {
			in.DetailsWhatsNew = &client.GoogleBusinessWhatsNewMetaDataInput{
				Button: client.GoogleBusinessPostActionType(g.Button), Link: g.ButtonLink}
		}
	}
	return in
}

// resolveBoard finds a Pinterest board among the channel's by id, Pinterest's id, or name
// (regardless of case); an unknown or ambiguous one lists the boards.
func resolveBoard(ch *client.ChannelFields, given string) (client.PinterestBoard, error) {
	boards := ch.Metadata.Boards
	var byName []client.PinterestBoard
	for _, b := range boards {
		if b.ID == given || b.ServiceID == given || b.Name == given {
			return b, nil
		}
		if strings.EqualFold(strings.TrimSpace(b.Name), strings.TrimSpace(given)) {
			byName = append(byName, b)
		}
	}
	if len(byName) == 1 {
		return byName[0], nil
	}
	list := make([]string, len(boards))
	for i, b := range boards {
		list[i] = fmt.Sprintf("%s (%s)", b.Name, b.ID)
	}
	e := invalidArg("board", "%q matches no board of this channel; its boards: %s", given, strings.Join(list, ", "))
	switch {
	case len(boards) == 0:
		e = invalidArg("board", "this Pinterest channel has no boards in Buffer; make one on Pinterest first")
	case len(byName) > 1:
		e = invalidArg("board", "%q names %d boards; give the id of one: %s", given, len(byName), strings.Join(list, ", "))
	}
	e.channelID = ch.Id
	return client.PinterestBoard{}, e
}
