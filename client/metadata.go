package client

// PostMetadata is Post.metadata, Buffer's union of one type per network, read into one
// struct: each network's member fills the fields it has and leaves the others zero. It is
// bound in the operations (@genqlient(bind: …)) instead of generated, because genqlient's
// generated unions refuse a member they do not know, and Buffer adds networks: a post on a
// new network must still be listed. A null metadata leaves it zero.
type PostMetadata struct {
	Type              string          `json:"type"`
	FirstComment      string          `json:"firstComment"`
	ShouldShareToFeed *bool           `json:"shouldShareToFeed"`
	Title             string          `json:"title"`
	URL               string          `json:"url"` // a pin's destination
	LinkAttachment    *LinkAttachment `json:"linkAttachment"`
	Board             *PinterestBoard `json:"board"`
	ThreadCount       int             `json:"threadCount"`
	Details           *EventDetails   `json:"details"` // a Google Business event's; nil for other posts
}

// EventDetails are what buffer-mcp reads of a Google Business event's details.
type EventDetails struct {
	IsFullDayEvent *bool `json:"isFullDayEvent"`
}

// LinkAttachment is a link preview.
type LinkAttachment struct {
	URL string `json:"url"`
}

// Link is the post's link: its link preview, or a pin's destination.
func (m PostMetadata) Link() string {
	if m.LinkAttachment != nil {
		return m.LinkAttachment.URL
	}
	return m.URL
}

// ChannelMetadata is Channel.metadata, read into one struct for the same reason as
// PostMetadata: only Pinterest's member is selected (its boards), and a member genqlient
// does not know must not make a channel unreadable.
type ChannelMetadata struct {
	Boards []PinterestBoard `json:"boards"`
}

// PinterestBoard is one of a Pinterest channel's boards. Pins name it by ServiceID.
type PinterestBoard struct {
	ID        string `json:"id"`
	ServiceID string `json:"serviceId"`
	Name      string `json:"name"`
}
