package sandbox

import "time"

// Post statuses, share modes and services as the schema spells them.
const (
	statusDraft         = "draft"
	statusNeedsApproval = "needs_approval"
	statusScheduled     = "scheduled"
	statusSending       = "sending"
	statusSent          = "sent"
	statusError         = "error"

	modeAddToQueue      = "addToQueue"
	modeShareNow        = "shareNow"
	modeShareNext       = "shareNext"
	modeCustomScheduled = "customScheduled"
)

// Post is a stored post, as Posts returns it. Times are UTC, to the millisecond.
type Post struct {
	ID                string
	IdeaID            string // the idea the post was made from, if any
	OrganizationID    string
	ChannelID         string
	ChannelService    string
	Status            string // draft, needs_approval, scheduled, sending, sent or error
	Text              string
	Assets            []Asset
	Link              *Link    // a link asset: shown by Buffer as a link preview, not as media
	Metadata          Metadata // what it was given for its network (metadata.go)
	TagIDs            []string // its organization's tags, in the order given
	SchedulingType    string   // automatic or notification
	ShareMode         string   // the mode the post was last placed with
	IsCustomScheduled bool
	SharedNow         bool
	DueAt             *time.Time
	SentAt            *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
	ExternalLink      string           // set once sent
	Error             *PublishingError // set only when Status is error
	Via               string           // "api" for posts made through the API, "buffer" for seeded ones
}

// Asset is an image, video or document attached to a post.
type Asset struct {
	Type            string // image, video or document
	URL             string
	ThumbnailURL    string // given for images and documents; videos may not set one
	AltText         string
	Title           string
	Width, Height   int
	ThumbnailOffset *int // milliseconds into a video
}

// Link is a link attached to a post (a link asset).
type Link struct {
	URL, Title, Description, ThumbnailURL string
}

// PublishingError says why a post failed to publish.
type PublishingError struct {
	Message, SupportURL, RawError string
}

// clone copies p deeply, so that a snapshot handed out never shares memory with the store.
func (p *Post) clone() *Post {
	c := *p
	c.Assets = append([]Asset(nil), p.Assets...)
	for i, a := range c.Assets {
		if a.ThumbnailOffset != nil {
			off := *a.ThumbnailOffset
			c.Assets[i].ThumbnailOffset = &off
		}
	}
	if p.Link != nil {
		l := *p.Link
		c.Link = &l
	}
	if p.Error != nil {
		e := *p.Error
		c.Error = &e
	}
	c.Metadata = p.Metadata.clone()
	c.TagIDs = append([]string(nil), p.TagIDs...)
	c.DueAt = copyTime(p.DueAt)
	c.SentAt = copyTime(p.SentAt)
	return &c
}

func copyTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

// account, organization and channel never change after seeding, so they are read without
// the store's lock.
type account struct {
	id, name, email, timezone, avatar string
	createdAt                         time.Time
}

type organization struct {
	id, name string
}

type channel struct {
	id, organizationID            string
	name, displayName, descriptor string
	service, serviceID, avatar    string
	timezone                      string
	loc                           *time.Location
	isQueuePaused, isDisconnected bool
	isLocked                      bool
	schedule                      []scheduleDay
	createdAt                     time.Time
	externalLink                  string
	boards                        []board // Pinterest's
	requiresApproval              bool    // posts go through approval (needsApproval)
}

// scheduleDay is one day of a channel's posting schedule: "HH:MM" wall-clock times in the
// channel's timezone, kept sorted, with their minutes after midnight alongside.
type scheduleDay struct {
	day     string // mon … sun
	times   []string
	minutes []int
	paused  bool
}
