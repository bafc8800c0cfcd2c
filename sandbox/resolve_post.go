package sandbox

import (
	"path"
	"strings"

	"github.com/graph-gophers/graphql-go"
)

// Resolvers for Post and what hangs off it. Each holds a copy of the post, taken under the
// store's lock, so fields resolve without locking.

// postResolver serves a Post. Its plain fields are struct fields, which graphql-go reads
// directly (graphql.UseFieldResolvers) rather than calling a method by reflection: a page
// of posts is most of what the sandbox resolves. Fields with logic are methods.
type postResolver struct {
	s *store
	p *Post

	ID                objectID
	Status            string
	IsCustomScheduled bool
	CreatedAt         dateTime
	UpdatedAt         dateTime
	DueAt             *dateTime
	SentAt            *dateTime
	Text              string
	ChannelID         objectID
	ChannelService    string
	SharedNow         bool
	ShareMode         string
	IdeaID            *objectID
	SchedulingType    *string
	ExternalLink      *string
}

func newPostResolver(s *store, p *Post) *postResolver {
	return &postResolver{
		s: s, p: p,
		ID:                objectID(p.ID),
		Status:            p.Status,
		IsCustomScheduled: p.IsCustomScheduled,
		CreatedAt:         dateTime{p.CreatedAt},
		UpdatedAt:         dateTime{p.UpdatedAt},
		DueAt:             timePtr(p.DueAt),
		SentAt:            timePtr(p.SentAt),
		Text:              p.Text,
		ChannelID:         objectID(p.ChannelID),
		ChannelService:    p.ChannelService,
		SharedNow:         p.SharedNow,
		ShareMode:         p.ShareMode,
		IdeaID:            optional(objectID(p.IdeaID)),
		SchedulingType:    optional(p.SchedulingType),
		ExternalLink:      optional(p.ExternalLink),
	}
}

func (r *postResolver) Channel() *channelResolver {
	return &channelResolver{r.s.channelByID[r.p.ChannelID]}
}

// Error is set only for a post that failed to publish.
func (r *postResolver) Error() *publishingErrorResolver {
	if r.p.Status != statusError || r.p.Error == nil {
		return nil
	}
	return &publishingErrorResolver{r.p.Error}
}

// Assets lists the post's media; a link is not media, so it is not listed.
func (r *postResolver) Assets() []*assetResolver {
	out := make([]*assetResolver, len(r.p.Assets))
	for i := range r.p.Assets {
		out[i] = &assetResolver{&r.p.Assets[i]}
	}
	return out
}

// optional turns an empty value into a GraphQL null.
func optional[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

type publishingErrorResolver struct{ e *PublishingError }

func (r *publishingErrorResolver) Message() string     { return r.e.Message }
func (r *publishingErrorResolver) SupportURL() *string { return optional(r.e.SupportURL) }
func (r *publishingErrorResolver) RawError() *string   { return optional(r.e.RawError) }

// assetResolver resolves the Asset interface and each of its types, since they differ only
// in their metadata field.
type assetResolver struct{ a *Asset }

func (r *assetResolver) ToImageAsset() (*assetResolver, bool)    { return r, r.a.Type == "image" }
func (r *assetResolver) ToVideoAsset() (*assetResolver, bool)    { return r, r.a.Type == "video" }
func (r *assetResolver) ToDocumentAsset() (*assetResolver, bool) { return r, r.a.Type == "document" }

func (r *assetResolver) ID() *graphql.ID { return nil }
func (r *assetResolver) Type() string    { return r.a.Type }
func (r *assetResolver) Source() string  { return r.a.URL }

// Thumbnail is the given thumbnail, or the file itself; Buffer makes one from a video.
func (r *assetResolver) Thumbnail() string {
	if r.a.ThumbnailURL != "" {
		return r.a.ThumbnailURL
	}
	return r.a.URL
}

func (r *assetResolver) MimeType() string {
	ext := strings.ToLower(path.Ext(strings.SplitN(r.a.URL, "?", 2)[0]))
	if t, ok := mimeTypes[ext]; ok {
		return t
	}
	return defaultMimeTypes[r.a.Type]
}

// A fixed table rather than package mime, whose answers depend on the host's files.
var mimeTypes = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
	".webp": "image/webp", ".mp4": "video/mp4", ".mov": "video/quicktime", ".pdf": "application/pdf",
}

var defaultMimeTypes = map[string]string{"image": "image/jpeg", "video": "video/mp4", "document": "application/pdf"}

// Sizes and durations stay 0: Buffer learns them by fetching the file, which the sandbox
// never does.

func (r *assetResolver) Image() *assetResolver    { return r }
func (r *assetResolver) Video() *assetResolver    { return r }
func (r *assetResolver) Document() *assetResolver { return r }

func (r *assetResolver) AltText() string            { return r.a.AltText }
func (r *assetResolver) Width() int32               { return int32(r.a.Width) }
func (r *assetResolver) Height() int32              { return int32(r.a.Height) }
func (r *assetResolver) IsAnimated() bool           { return r.MimeType() == "image/gif" }
func (r *assetResolver) AnimatedThumbnail() *string { return nil }
func (r *assetResolver) DurationMs() int32          { return 0 }
func (r *assetResolver) Title() *string             { return optional(r.a.Title) }
func (r *assetResolver) Filesize() *int32           { return nil }
func (r *assetResolver) NumPages() int32            { return 0 }
func (r *assetResolver) Thumbnails() []string       { return []string{r.Thumbnail()} }

func (r *assetResolver) ThumbnailOffset() *int32 {
	if r.a.ThumbnailOffset == nil {
		return nil
	}
	off := int32(*r.a.ThumbnailOffset)
	return &off
}

type postsResultsResolver struct {
	s    *store
	page *page[*Post]
}

// Edges is never null, though the schema allows it: an empty page has no edges.
func (r *postsResultsResolver) Edges() *[]*postsEdgeResolver {
	edges := make([]*postsEdgeResolver, len(r.page.items))
	for i, p := range r.page.items {
		edges[i] = &postsEdgeResolver{r.page.cursors[i], newPostResolver(r.s, p)}
	}
	return &edges
}

func (r *postsResultsResolver) PageInfo() *pageInfoResolver {
	return &pageInfoResolver{r.page.cursors, r.page.hasNext}
}

type postsEdgeResolver struct {
	cursor string
	node   *postResolver
}

func (r *postsEdgeResolver) Cursor() string      { return r.cursor }
func (r *postsEdgeResolver) Node() *postResolver { return r.node }

// pageInfoResolver serves the PaginationPageInfo of posts and of ideas.
type pageInfoResolver struct {
	cursors []string // of the page's items, in order
	hasNext bool
}

func (r *pageInfoResolver) HasNextPage() bool     { return r.hasNext }
func (r *pageInfoResolver) HasPreviousPage() bool { return false } // cursors only go forward

func (r *pageInfoResolver) StartCursor() *string {
	if len(r.cursors) == 0 {
		return nil
	}
	return &r.cursors[0]
}

func (r *pageInfoResolver) EndCursor() *string {
	if len(r.cursors) == 0 {
		return nil
	}
	return &r.cursors[len(r.cursors)-1]
}
