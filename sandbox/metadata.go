package sandbox

import (
	"fmt"
	"slices"
	"time"
)

// Metadata is what a post was given for its own network: the part of Buffer's
// PostInputMetaData under the post's service, as Post.metadata reads it back. The other
// networks' parts of an input are ignored, since they cannot apply to the post.
type Metadata struct {
	Type              string       // the post type as given; read back as post when empty
	FirstComment      string       // Instagram, Facebook, LinkedIn
	ShouldShareToFeed *bool        // Instagram
	Title             string       // Pinterest, YouTube, TikTok, Google Business
	Link              string       // a link preview (linkAttachment), or a pin's destination
	BoardServiceID    string       // Pinterest
	Thread            []ThreadItem // X, Threads, Bluesky, Mastodon: the posts of a thread
	SpoilerText       string       // Mastodon
	YouTube           YouTubeOptions
	Google            GoogleDetails
}

// ThreadItem is one post of a thread.
type ThreadItem struct {
	Text   string
	Assets []Asset
}

// YouTubeOptions are a video's YouTube settings.
type YouTubeOptions struct {
	CategoryID, Privacy            string
	NotifySubscribers, MadeForKids *bool
}

// GoogleDetails are a Google Business offer's, event's or what's-new post's details.
type GoogleDetails struct {
	Start, End     *time.Time
	IsFullDayEvent bool
	Button, Link   string // event and what's new: the call to action; offer: its link
	Code, Terms    string // offer
}

func (m Metadata) clone() Metadata {
	c := m
	c.ShouldShareToFeed = copyPtr(m.ShouldShareToFeed)
	c.Thread = make([]ThreadItem, len(m.Thread))
	for i, t := range m.Thread {
		c.Thread[i] = ThreadItem{Text: t.Text, Assets: slices.Clone(t.Assets)}
	}
	if m.Thread == nil {
		c.Thread = nil
	}
	c.YouTube.NotifySubscribers = copyPtr(m.YouTube.NotifySubscribers)
	c.YouTube.MadeForKids = copyPtr(m.YouTube.MadeForKids)
	c.Google.Start, c.Google.End = copyTime(m.Google.Start), copyTime(m.Google.End)
	return c
}

func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// set copies a given optional input field over the stored one.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// apply merges the input's part for service into m: what is given replaces what is stored,
// and what is left out is kept (an edit that leaves out a YouTube title keeps it). It
// explains what is wrong with a thread's media, if anything.
func (m *Metadata) apply(service string, in *postInputMetaData) string {
	if in == nil {
		return ""
	}
	var thread *[]threadedPostInput
	var link *linkAttachmentInput
	switch service {
	case "instagram":
		if v := in.Instagram; v != nil {
			m.Type, m.ShouldShareToFeed = v.Type, copyPtr(&v.ShouldShareToFeed)
			set(&m.FirstComment, v.FirstComment)
		}
	case "facebook":
		if v := in.Facebook; v != nil {
			m.Type, link = v.Type, v.LinkAttachment
			set(&m.FirstComment, v.FirstComment)
		}
	case "linkedin":
		if v := in.LinkedIn; v != nil {
			link = v.LinkAttachment
			set(&m.FirstComment, v.FirstComment)
		}
	case "twitter":
		if v := in.Twitter; v != nil {
			thread = v.Thread
		}
	case "mastodon":
		if v := in.Mastodon; v != nil {
			thread = v.Thread
			set(&m.SpoilerText, v.SpoilerText)
		}
	case "threads":
		if v := in.Threads; v != nil {
			thread, link = v.Thread, v.LinkAttachment
			set(&m.Type, v.Type)
		}
	case "bluesky":
		if v := in.Bluesky; v != nil {
			thread, link = v.Thread, v.LinkAttachment
		}
	case "substack":
		if v := in.Substack; v != nil {
			link = v.LinkAttachment
		}
	case "pinterest":
		if v := in.Pinterest; v != nil {
			set(&m.Title, v.Title)
			set(&m.Link, v.URL)
			set(&m.BoardServiceID, v.BoardServiceID)
		}
	case "tiktok":
		if v := in.TikTok; v != nil {
			set(&m.Title, v.Title)
		}
	case "youtube":
		if v := in.YouTube; v != nil {
			set(&m.Title, v.Title)
			set(&m.YouTube.Privacy, v.Privacy)
			set(&m.YouTube.CategoryID, v.CategoryID)
			if v.NotifySubscribers != nil {
				m.YouTube.NotifySubscribers = copyPtr(v.NotifySubscribers)
			}
			if v.MadeForKids != nil {
				m.YouTube.MadeForKids = copyPtr(v.MadeForKids)
			}
		}
	case "googlebusiness":
		m.applyGoogle(in.Google)
	}
	if link != nil {
		m.Link = link.URL
	}
	if thread != nil {
		items := make([]ThreadItem, len(*thread))
		for i, t := range *thread {
			media, l, msg := convertAssets(t.Assets)
			if msg == "" && l != nil {
				msg = "The posts of a thread take images and videos, not links."
			}
			if msg != "" {
				return msg
			}
			items[i] = ThreadItem{Text: deref(t.Text), Assets: media}
		}
		m.Thread = items
	}
	return ""
}

func (m *Metadata) applyGoogle(v *googleInput) {
	if v == nil {
		return
	}
	if m.Type != v.Type {
		m.Google = GoogleDetails{} // another kind of post: the old kind's details do not apply
	}
	m.Type = v.Type
	set(&m.Title, v.Title)
	g := &m.Google
	if d := v.DetailsOffer; d != nil && v.Type == "offer" {
		set(&m.Title, d.Title)
		g.Start, g.End = timeOr(d.StartDate, g.Start), timeOr(d.EndDate, g.End)
		set(&g.Code, d.Code)
		set(&g.Link, d.Link)
		set(&g.Terms, d.Terms)
	}
	if d := v.DetailsEvent; d != nil && v.Type == "event" {
		set(&m.Title, d.Title)
		g.Start, g.End = timeOr(d.StartDate, g.Start), timeOr(d.EndDate, g.End)
		g.IsFullDayEvent = d.IsFullDayEvent
		set(&g.Button, d.Button)
		set(&g.Link, d.Link)
	}
	if d := v.DetailsWhatsNew; d != nil && v.Type == "whats_new" {
		set(&g.Button, d.Button)
		set(&g.Link, d.Link)
	}
}

func timeOr(v *dateTime, old *time.Time) *time.Time {
	if v == nil {
		return old
	}
	return timeOf(v)
}

// youtubeCategories are the category ids YouTube accepts for uploads.
var youtubeCategories = map[string]bool{
	"1": true, "2": true, "10": true, "15": true, "17": true, "19": true, "20": true, "22": true,
	"23": true, "24": true, "25": true, "26": true, "27": true, "28": true, "29": true,
}

// linkPreviewServices are the networks whose posts take a link preview (linkAttachment),
// which Buffer refuses beside media.
var linkPreviewServices = map[string]bool{"facebook": true, "linkedin": true, "threads": true, "bluesky": true, "substack": true}

// serviceNames are the networks as Buffer's messages name them.
var serviceNames = map[string]string{
	"instagram": "Instagram", "tiktok": "TikTok", "pinterest": "Pinterest", "youtube": "YouTube",
	"facebook": "Facebook", "googlebusiness": "Google Business",
}

// networkProblems lists what a post lacks for its channel's network, each as a sentence of
// Buffer's refusal ("Invalid post: " and the problems joined with ", ").
func networkProblems(c *channel, p *Post) []string {
	var out []string
	m := p.Metadata
	name := serviceNames[c.service]
	switch c.service {
	case "instagram", "tiktok", "pinterest":
		if !hasImageOrVideo(p.Assets) {
			out = append(out, name+" posts require at least one image or video.")
		}
	case "youtube":
		if !hasVideo(p.Assets) {
			out = append(out, "YouTube posts require a video.")
		}
	}
	switch c.service {
	case "instagram":
		switch m.Type {
		case "":
			out = append(out, "Instagram posts require a type (post, story, or reel).")
		case "post", "reel", "story", "carousel":
		default:
			out = append(out, fmt.Sprintf("Instagram posts cannot be of type %s.", m.Type))
		}
	case "pinterest":
		switch {
		case m.BoardServiceID == "":
			out = append(out, "Pinterest posts require a board.")
		case c.board(m.BoardServiceID) == nil:
			out = append(out, fmt.Sprintf("Pinterest board %s was not found on this channel.", m.BoardServiceID))
		}
	case "youtube":
		if m.Title == "" {
			out = append(out, "YouTube posts require a title.")
		}
		switch id := m.YouTube.CategoryID; {
		case id == "":
			out = append(out, "YouTube posts require a category.")
		case !youtubeCategories[id]:
			out = append(out, fmt.Sprintf("YouTube category %s does not exist.", id))
		}
	case "googlebusiness":
		out = append(out, googleProblems(m)...)
	}
	if m.Type == "reel" && (c.service == "instagram" || c.service == "facebook") && !hasVideo(p.Assets) {
		out = append(out, name+" reels require a video.")
	}
	if m.Link != "" && linkPreviewServices[c.service] && len(p.Assets) > 0 {
		out = append(out, "A link preview cannot be combined with images, videos or documents.")
	}
	if len(m.Thread) > 0 {
		if p.Text != m.Thread[0].Text {
			out = append(out, "The post's text must be the text of the first post of its thread.")
		}
		for _, t := range m.Thread {
			if t.Text == "" && len(t.Assets) == 0 {
				out = append(out, "Each post of a thread needs text or media.")
				break
			}
		}
	}
	return out
}

func googleProblems(m Metadata) []string {
	g := m.Google
	switch m.Type {
	case "":
		return []string{"Google Business posts require a type (event, whats_new, or offer)."}
	case "event", "offer":
		if m.Title == "" || g.Start == nil || g.End == nil {
			return []string{fmt.Sprintf("Google Business %ss require a title, a start date and an end date.", m.Type)}
		}
		if g.End.Before(*g.Start) {
			return []string{fmt.Sprintf("A Google Business %s cannot end before it starts.", m.Type)}
		}
	}
	return nil
}

func hasVideo(assets []Asset) bool {
	for _, a := range assets {
		if a.Type == "video" {
			return true
		}
	}
	return false
}

// board is one of a Pinterest channel's boards.
type board struct {
	id, serviceID, name string
}

func (c *channel) board(serviceID string) *board {
	for i := range c.boards {
		if c.boards[i].serviceID == serviceID {
			return &c.boards[i]
		}
	}
	return nil
}
