package sandbox

import "strings"

// The content rules Buffer applies to a post on create and again after an edit.

const (
	msgTextRequired  = "Text is required"
	msgOneAssetKind  = "Each asset must set exactly one of image, video, document or link."
	msgVideoThumb    = "Video assets do not take a thumbnailUrl: Buffer takes the thumbnail from the video (set metadata.thumbnailOffset to choose the frame)."
	msgOneLink       = "A post can have only one link."
	msgLinkAndMedia  = "A link cannot be combined with images, videos or documents in one post."
	msgDisconnected  = "Channel is disconnected. Reconnect it in Buffer to post."
	msgLockedChannel = "You do not have access to this channel: it is locked on your current plan."
)

// convertAssets turns asset inputs into stored media and an optional link, or explains
// what is wrong with them.
func convertAssets(in []assetInput) ([]Asset, *Link, string) {
	var media []Asset
	var link *Link
	for _, a := range in {
		if countSet(a) != 1 {
			return nil, nil, msgOneAssetKind
		}
		switch {
		case a.Image != nil:
			media = append(media, imageAsset(a.Image))
		case a.Video != nil:
			if a.Video.ThumbnailURL != nil {
				return nil, nil, msgVideoThumb
			}
			media = append(media, videoAsset(a.Video))
		case a.Document != nil:
			d := a.Document
			media = append(media, Asset{Type: "document", URL: d.URL, Title: d.Title, ThumbnailURL: d.ThumbnailURL})
		case a.Link != nil:
			if link != nil {
				return nil, nil, msgOneLink
			}
			link = &Link{URL: a.Link.URL, Title: deref(a.Link.Title),
				Description: deref(a.Link.Description), ThumbnailURL: deref(a.Link.ThumbnailURL)}
		}
	}
	if link != nil && len(media) > 0 {
		return nil, nil, msgLinkAndMedia
	}
	return media, link, ""
}

func countSet(a assetInput) int {
	n := 0
	for _, set := range []bool{a.Image != nil, a.Video != nil, a.Document != nil, a.Link != nil} {
		if set {
			n++
		}
	}
	return n
}

func imageAsset(in *imageAssetInput) Asset {
	a := Asset{Type: "image", URL: in.URL, ThumbnailURL: deref(in.ThumbnailURL)}
	if m := in.Metadata; m != nil {
		a.AltText = m.AltText
		if m.Dimensions != nil {
			a.Width, a.Height = int(m.Dimensions.Width), int(m.Dimensions.Height)
		}
	}
	return a
}

func videoAsset(in *videoAssetInput) Asset {
	a := Asset{Type: "video", URL: in.URL}
	if m := in.Metadata; m != nil {
		a.Title = deref(m.Title)
		if m.ThumbnailOffset != nil {
			off := int(*m.ThumbnailOffset)
			a.ThumbnailOffset = &off
		}
	}
	return a
}

// checkContent applies the rules on what a post must contain for its channel's service
// (networkProblems, in metadata.go), answering every problem at once as Buffer does.
func checkContent(c *channel, p *Post) string {
	if strings.TrimSpace(p.Text) == "" && len(p.Assets) == 0 && p.Link == nil {
		return msgTextRequired
	}
	if problems := networkProblems(c, p); len(problems) > 0 {
		return "Invalid post: " + strings.Join(problems, ", ")
	}
	return ""
}

func hasImageOrVideo(assets []Asset) bool {
	for _, a := range assets {
		if a.Type == "image" || a.Type == "video" {
			return true
		}
	}
	return false
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
