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
}

// postErrorOut is why Buffer could not publish a post (status error).
type postErrorOut struct {
	Message    string `json:"message" jsonschema:"required"`
	SupportURL string `json:"supportUrl,omitempty"`
}

// postDetail is a single post as get_post and edit_post show it.
type postDetail struct {
	postOut
	DueAtLocal     string     `json:"dueAtLocal,omitempty"`
	Timezone       string     `json:"timezone" jsonschema:"required"`
	SchedulingType string     `json:"schedulingType,omitempty"`
	ShareMode      string     `json:"shareMode,omitempty"`
	Assets         []assetOut `json:"assets,omitempty"`
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
	}
	for _, a := range p.Assets {
		asset := assetOut{Type: string(a.Type), URL: a.Source}
		if a.Thumbnail != a.Source {
			asset.ThumbnailURL = a.Thumbnail
		}
		out.Assets = append(out.Assets, asset)
	}
	return out
}
