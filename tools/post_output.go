package tools

import "github.com/buffer-mcp/buffer-mcp/client"

// postOut is a post as list_posts shows it: SPEC §3's fields, nothing absent, no channel
// object (list_channels gives each channel's details once).
type postOut struct {
	ID             string        `json:"id" jsonschema:"required"`
	ChannelID      string        `json:"channelId" jsonschema:"required"`
	ChannelService string        `json:"channelService" jsonschema:"required"`
	Status         string        `json:"status" jsonschema:"required"`
	Text           string        `json:"text" jsonschema:"required"`
	DueAt          string        `json:"dueAt,omitempty"`
	SentAt         string        `json:"sentAt,omitempty"`
	CreatedAt      string        `json:"createdAt" jsonschema:"required"`
	ExternalLink   string        `json:"externalLink,omitempty"`
	Error          *postErrorOut `json:"error,omitempty"`
	PostType       string        `json:"postType,omitempty"` // when not a plain post
	TagNames       []string      `json:"tags,omitempty"`     // a single post shows {id, name}
}

// postErrorOut is why Buffer could not publish a post (status error).
type postErrorOut struct {
	Message    string `json:"message" jsonschema:"required"`
	SupportURL string `json:"supportUrl,omitempty"`
}

// postDetail is a single post as get_post and edit_post show it. Its tags, with their ids,
// take the place of postOut's names.
type postDetail struct {
	postOut
	DueAtLocal     string     `json:"dueAtLocal,omitempty"`
	Timezone       string     `json:"timezone" jsonschema:"required"`
	SchedulingType string     `json:"schedulingType,omitempty"`
	ShareMode      string     `json:"shareMode,omitempty"`
	Assets         []assetOut `json:"assets,omitempty"`
	optionsOut
	Tags []tagOut `json:"tags,omitempty"`
}

// optionsOut are the network options a single post was given (SPEC §7.1), when set.
type optionsOut struct {
	FirstComment string `json:"firstComment,omitempty"`
	Title        string `json:"title,omitempty"`
	Link         string `json:"link,omitempty"`
	Board        string `json:"board,omitempty"` // its name
	ThreadCount  int    `json:"threadCount,omitempty"`
}

func toOptionsOut(m client.PostMetadata) optionsOut {
	o := optionsOut{FirstComment: m.FirstComment, Title: m.Title, Link: m.Link(), ThreadCount: m.ThreadCount}
	if m.Board != nil {
		o.Board = m.Board.Name
	}
	return o
}

// postTypeOut is a post's type as results show it: nothing for a plain post, the type
// almost every post on every network has.
func postTypeOut(m client.PostMetadata) string {
	if m.Type == "post" {
		return ""
	}
	return m.Type
}

func toTagsOut(tags []client.PostFieldsTagsTag) []tagOut {
	var out []tagOut
	for _, t := range tags {
		out = append(out, tagOut{ID: t.Id, Name: t.Name})
	}
	return out
}

type assetOut struct {
	Type         string `json:"type" jsonschema:"required"`
	URL          string `json:"url" jsonschema:"required"`
	ThumbnailURL string `json:"thumbnailUrl,omitempty"`
}

func toPostOut(p client.PostFields) postOut {
	out := postOut{
		ID:             p.Id,
		ChannelID:      p.ChannelId,
		ChannelService: string(p.ChannelService),
		Status:         string(p.Status),
		Text:           p.Text,
		DueAt:          bufferUTC(p.DueAt),
		SentAt:         bufferUTC(p.SentAt),
		CreatedAt:      bufferUTC(p.CreatedAt),
		ExternalLink:   p.ExternalLink,
		PostType:       postTypeOut(p.Metadata),
	}
	for _, t := range p.Tags {
		out.TagNames = append(out.TagNames, t.Name)
	}
	if p.Error.Message != "" {
		out.Error = &postErrorOut{Message: client.ClipMessage(p.Error.Message), SupportURL: p.Error.SupportUrl}
	}
	return out
}

func toPostDetail(p client.PostDetail) *postDetail {
	out := &postDetail{
		postOut:        toPostOut(p.PostFields),
		DueAtLocal:     bufferLocal(p.DueAt, p.Channel.Timezone),
		Timezone:       p.Channel.Timezone,
		SchedulingType: string(p.SchedulingType),
		ShareMode:      string(p.ShareMode),
		optionsOut:     toOptionsOut(p.Options),
		Tags:           toTagsOut(p.Tags),
	}
	out.TagNames = nil // shown with their ids, as Tags
	for _, a := range p.Assets {
		asset := assetOut{Type: string(a.Type), URL: a.Source}
		if a.Thumbnail != a.Source {
			asset.ThumbnailURL = a.Thumbnail
		}
		out.Assets = append(out.Assets, asset)
	}
	return out
}
