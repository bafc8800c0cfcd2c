package tools

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// postOptions are SPEC §7.1's network options: one vocabulary for every network, shared by
// create_post and edit_post, which networks.go maps onto each target channel's metadata.
// The descriptions are create_post's: each says which networks take the option (as
// networkOptions does) and what the name does not; edit_post points to them
// (editPostArgs.schemaDescriptions). The fields of thread, youtube and googleBusiness have
// no description of their own: their parent's names each one and says what a model needs
// of it (meta_test.go checks that), in fewer tokens.
type postOptions struct {
	PostType       string       `json:"postType,omitempty" jsonschema:"enum=post,enum=reel,enum=story,enum=carousel" jsonschema_description:"Instagram, Facebook, Threads; reel needs a video."`
	ShareToFeed    *bool        `json:"shareToFeed,omitempty" jsonschema_description:"Instagram reel in the feed too; default true."`
	FirstComment   string       `json:"firstComment,omitempty" jsonschema_description:"Instagram, Facebook, LinkedIn."`
	Title          string       `json:"title,omitempty" jsonschema_description:"YouTube, Pinterest, TikTok photo."`
	Link           string       `json:"link,omitempty" jsonschema_description:"Preview (Facebook, LinkedIn, Threads, Bluesky; not with assets) or pin destination."`
	Board          string       `json:"board,omitempty" jsonschema_description:"Pinterest board name or id (get_channel)."`
	Thread         []threadItem `json:"thread,omitempty" jsonschema_description:"X, Threads, Bluesky, Mastodon: 2+ {text, assets: image or video URLs}; the first is text."`
	YouTube        *youtubeArg  `json:"youtube,omitempty" jsonschema_description:"Defaults: categoryId 22, privacy public, madeForKids false, notifySubscribers true."`
	GoogleBusiness *googleArg   `json:"googleBusiness,omitempty" jsonschema_description:"type offer or event needs title, start, end (dates or date-times); couponCode, terms: offers; button: not offers; buttonLink."`
	ContentWarning string       `json:"contentWarning,omitempty" jsonschema_description:"Mastodon spoiler text."`
	Tags           []string     `json:"tags,omitempty" jsonschema_description:"Names or ids (list_tags)."`
}

// threadItem is one post of a thread. Its media are URLs only, to keep the schema small: a
// URL ending in a video extension is a video, any other an image.
type threadItem struct {
	Text   string   `json:"text,omitempty"`
	Assets []string `json:"assets,omitempty"`
}

type youtubeArg struct {
	CategoryID        string `json:"categoryId,omitempty"`
	Privacy           string `json:"privacy,omitempty" jsonschema:"enum=public,enum=unlisted,enum=private"`
	MadeForKids       *bool  `json:"madeForKids,omitempty"`
	NotifySubscribers *bool  `json:"notifySubscribers,omitempty"`
}

type googleArg struct {
	Type       string `json:"type" jsonschema:"required,enum=whats_new,enum=offer,enum=event"`
	Title      string `json:"title,omitempty"`
	Start      string `json:"start,omitempty"`
	End        string `json:"end,omitempty"`
	CouponCode string `json:"couponCode,omitempty"`
	Terms      string `json:"terms,omitempty"`
	Button     string `json:"button,omitempty" jsonschema:"enum=book,enum=order,enum=shop,enum=learn_more,enum=signup,enum=call"`
	ButtonLink string `json:"buttonLink,omitempty"`

	start, end gbTime // read by validate
}

// gbTime is a Google Business start or end: a date (a whole day, in the channel's
// timezone) or an instant.
type gbTime struct {
	date    string // 2006-01-02, or ""
	instant time.Time
}

func (t gbTime) set() bool { return t.date != "" || !t.instant.IsZero() }

// in is the time in the timezone tz: a date is its midnight there.
func (t gbTime) in(tz string) time.Time {
	if t.date == "" {
		return t.instant
	}
	d, _ := time.ParseInLocation("2006-01-02", t.date, dueat.Location(tz))
	return d
}

var (
	postTypes          = []string{"post", "reel", "story", "carousel"}
	youtubePrivacies   = []string{"public", "unlisted", "private"}
	googleTypes        = []string{"whats_new", "offer", "event"}
	googleButtons      = []string{"book", "order", "shop", "learn_more", "signup", "call"}
	approvalChanges    = []string{"request", "revert"}
	youtubeCategoryIDs = []string{"1", "2", "10", "15", "17", "19", "20", "22", "23", "24", "25", "26", "27", "28", "29"}
	videoExtensions    = map[string]bool{".mp4": true, ".mov": true, ".m4v": true, ".webm": true}
)

// given names the options that were given, in the schema's order.
func (o *postOptions) given() []string {
	var out []string
	add := func(name string, set bool) {
		if set {
			out = append(out, name)
		}
	}
	add("postType", o.PostType != "")
	add("shareToFeed", o.ShareToFeed != nil)
	add("firstComment", o.FirstComment != "")
	add("title", o.Title != "")
	add("link", o.Link != "")
	add("board", o.Board != "")
	add("thread", o.Thread != nil)
	add("youtube", o.YouTube != nil)
	add("googleBusiness", o.GoogleBusiness != nil)
	add("contentWarning", o.ContentWarning != "")
	return out
}

// validate checks what can be checked without knowing the channels: values, URLs, dates,
// and the thread's shape. Each network's own rules come later, per channel (networks.go).
func (o *postOptions) validate() error {
	if o.PostType != "" {
		if err := checkEnum("postType", o.PostType, postTypes...); err != nil {
			return err
		}
	}
	if o.Link != "" {
		if err := checkURL("link", o.Link); err != nil {
			return err
		}
	}
	if o.Board != "" && strings.TrimSpace(o.Board) == "" {
		return invalidArg("board", "is blank; give a board's name or id (get_channel lists them)")
	}
	if err := o.validateThread(); err != nil {
		return err
	}
	if y := o.YouTube; y != nil {
		if y.CategoryID != "" {
			if err := checkEnum("youtube.categoryId", y.CategoryID, youtubeCategoryIDs...); err != nil {
				return err
			}
		}
		if y.Privacy != "" {
			if err := checkEnum("youtube.privacy", y.Privacy, youtubePrivacies...); err != nil {
				return err
			}
		}
	}
	if g := o.GoogleBusiness; g != nil {
		if err := g.validate(); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for i, t := range o.Tags {
		f := fmt.Sprintf("tags[%d]", i)
		if strings.TrimSpace(t) == "" {
			return invalidArg(f, "is blank; give a tag's name or id")
		}
		if seen[strings.ToLower(t)] {
			return invalidArg(f, "repeats %q", t)
		}
		seen[strings.ToLower(t)] = true
	}
	return nil
}

func (o *postOptions) validateThread() error {
	if o.Thread == nil {
		return nil
	}
	if len(o.Thread) < 2 {
		return invalidArg("thread", "needs two or more posts; for a single post, use text and assets")
	}
	for i, item := range o.Thread {
		f := fmt.Sprintf("thread[%d]", i)
		if err := checkText(f+".text", item.Text, len(item.Assets) > 0); err != nil {
			return err
		}
		for j, u := range item.Assets {
			if err := checkURL(fmt.Sprintf("%s.assets[%d]", f, j), u); err != nil {
				return err
			}
		}
	}
	return nil
}

// reconcileText makes the post's text the thread's first post, as Buffer requires: text
// left out is taken from thread[0]; given, it must be the same.
func (o *postOptions) reconcileText(text string) (string, error) {
	if len(o.Thread) == 0 {
		return text, nil
	}
	first := o.Thread[0].Text
	switch {
	case text == "":
		return first, nil
	case text != first:
		return "", invalidArg("text", "differs from thread[0].text; leave text out (the thread's first post is the post's text) or make them equal")
	}
	return text, nil
}

func (g *googleArg) validate() error {
	if err := checkEnum("googleBusiness.type", g.Type, googleTypes...); err != nil {
		return err
	}
	if g.Button != "" {
		if g.Type == "offer" {
			return invalidArg("googleBusiness.button", "offers have no button; buttonLink is the offer's link")
		}
		if err := checkEnum("googleBusiness.button", g.Button, googleButtons...); err != nil {
			return err
		}
	}
	if g.ButtonLink != "" {
		if err := checkURL("googleBusiness.buttonLink", g.ButtonLink); err != nil {
			return err
		}
	}
	if g.Type == "whats_new" {
		for _, f := range []struct{ name, v string }{{"title", g.Title}, {"start", g.Start}, {"end", g.End}, {"couponCode", g.CouponCode}, {"terms", g.Terms}} {
			if f.v != "" {
				return invalidArg("googleBusiness."+f.name, "is for offers and events, not whats_new")
			}
		}
	}
	if g.Type == "event" && (g.CouponCode != "" || g.Terms != "") {
		return invalidArg("googleBusiness.couponCode", "couponCode and terms are for offers")
	}
	var err error
	if g.start, err = readGBTime("googleBusiness.start", g.Start); err != nil {
		return err
	}
	if g.end, err = readGBTime("googleBusiness.end", g.End); err != nil {
		return err
	}
	if g.start.set() && g.end.set() {
		if (g.start.date == "") != (g.end.date == "") {
			return invalidArg("googleBusiness.end", "give start and end both as dates (a whole-day event) or both as date-times")
		}
		if g.end.in("UTC").Before(g.start.in("UTC")) {
			return invalidArg("googleBusiness.end", "is before start")
		}
	}
	return nil
}

// readGBTime reads a date (2026-12-01) or an RFC 3339 date-time.
func readGBTime(field, v string) (gbTime, error) {
	if v == "" {
		return gbTime{}, nil
	}
	if _, err := time.Parse("2006-01-02", v); err == nil {
		return gbTime{date: v}, nil
	}
	t, err := parseTime(field, v)
	if err != nil {
		return gbTime{}, invalidArg(field, "must be a date (2026-12-01) or an RFC 3339 date-time with an offset; got %q", v)
	}
	return gbTime{instant: t}, nil
}

// threadInputs turns the thread into Buffer's ThreadedPostInput list.
func (o *postOptions) threadInputs() []client.ThreadedPostInput {
	out := make([]client.ThreadedPostInput, len(o.Thread))
	for i, item := range o.Thread {
		out[i] = client.ThreadedPostInput{Text: item.Text}
		for _, u := range item.Assets {
			out[i].Assets = append(out[i].Assets, urlAsset(u))
		}
	}
	return out
}

// threadAssets are thread[0]'s media as assets: the post's own media when a thread is
// given without assets.
func (o *postOptions) threadAssets() []assetArg {
	if len(o.Thread) == 0 {
		return nil
	}
	var out []assetArg
	for _, u := range o.Thread[0].Assets {
		kind := "image"
		if isVideoURL(u) {
			kind = "video"
		}
		out = append(out, assetArg{Type: kind, URL: u})
	}
	return out
}

func urlAsset(u string) client.AssetInput {
	if isVideoURL(u) {
		return client.AssetInput{Video: &client.VideoAssetInput{Url: u}}
	}
	return client.AssetInput{Image: &client.ImageAssetInput{Url: u}}
}

func isVideoURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return videoExtensions[strings.ToLower(path.Ext(p.Path))]
}
