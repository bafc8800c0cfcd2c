package tools

import (
	"fmt"
	"net/url"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// assetArg is one piece of media by public URL (Buffer has no upload: it fetches the URL
// when the post is published, so the URL must stay reachable until then). Its fields are
// named in the description of the assets argument that holds them (create_post's and
// edit_post's), which costs a model fewer tokens than a description on each.
type assetArg struct {
	Type         string `json:"type" jsonschema:"required,enum=image,enum=video,enum=document,enum=link"`
	URL          string `json:"url" jsonschema:"required"`
	AltText      string `json:"altText,omitempty"`
	Title        string `json:"title,omitempty"`
	ThumbnailURL string `json:"thumbnailUrl,omitempty"`
}

// validateAssets checks each asset as Buffer would, naming the field of the first problem.
func validateAssets(field string, assets []assetArg) error {
	for i, a := range assets {
		f := fmt.Sprintf("%s[%d]", field, i)
		if err := checkEnum(f+".type", a.Type, "image", "video", "document", "link"); err != nil {
			return err
		}
		if err := checkURL(f+".url", a.URL); err != nil {
			return err
		}
		if a.ThumbnailURL != "" {
			if err := checkURL(f+".thumbnailUrl", a.ThumbnailURL); err != nil {
				return err
			}
		}
		switch {
		case a.AltText != "" && a.Type != "image":
			return invalidArg(f+".altText", "only images take altText")
		case a.Type == "video" && a.ThumbnailURL != "":
			return invalidArg(f+".thumbnailUrl", "Buffer refuses a thumbnailUrl on a video")
		case a.Type == "image" && a.Title != "":
			return invalidArg(f+".title", "images take altText, not a title")
		case a.Type == "document" && (a.Title == "" || a.ThumbnailURL == ""):
			return invalidArg(f+".title", "a document needs both title and thumbnailUrl")
		}
	}
	return nil
}

func checkURL(field, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return invalidArg(field, "must be a public http(s) URL, got %q", v)
	}
	return nil
}

// toAssetInputs turns validated assets into Buffer's AssetInput list: one variant each.
func toAssetInputs(assets []assetArg) []client.AssetInput {
	out := make([]client.AssetInput, 0, len(assets))
	for _, a := range assets {
		var in client.AssetInput
		switch a.Type {
		case "image":
			in.Image = &client.ImageAssetInput{Url: a.URL, ThumbnailUrl: a.ThumbnailURL}
			if a.AltText != "" {
				in.Image.Metadata = &client.ImageMetadataInput{AltText: a.AltText}
			}
		case "video":
			in.Video = &client.VideoAssetInput{Url: a.URL}
			if a.Title != "" {
				in.Video.Metadata = &client.VideoMetadataInput{Title: a.Title}
			}
		case "document":
			in.Document = &client.DocumentAssetInput{Url: a.URL, Title: a.Title, ThumbnailUrl: a.ThumbnailURL}
		case "link":
			in.Link = &client.LinkAssetInput{Url: a.URL, Title: a.Title, ThumbnailUrl: a.ThumbnailURL}
		}
		out = append(out, in)
	}
	return out
}
