package sandbox

// Resolvers for Post.metadata and Channel.metadata: unions with a member per network, each
// served by one resolver, since the members differ only in which fields they have.

// postMetadataMember is the PostMetadata member of each network that has one.
var postMetadataMember = map[string]string{
	"instagram": "InstagramPostMetadata", "facebook": "FacebookPostMetadata",
	"linkedin": "LinkedInPostMetadata", "twitter": "TwitterPostMetadata",
	"pinterest": "PinterestPostMetadata", "googlebusiness": "GoogleBusinessPostMetadata",
	"youtube": "YoutubePostMetadata", "mastodon": "MastodonPostMetadata",
	"tiktok": "TiktokPostMetadata", "threads": "ThreadsPostMetadata",
	"bluesky": "BlueskyPostMetadata", "substack": "SubstackPostMetadata",
}

// Metadata is null for a network without a PostMetadata member (Start Page, WhatsApp).
func (r *postResolver) Metadata() *postMetadataResolver {
	member, ok := postMetadataMember[r.p.ChannelService]
	if !ok {
		return nil
	}
	return &postMetadataResolver{r: r, member: member}
}

type postMetadataResolver struct {
	r      *postResolver
	member string
}

func (m *postMetadataResolver) is(member string) (*postMetadataResolver, bool) {
	return m, m.member == member
}

func (m *postMetadataResolver) ToInstagramPostMetadata() (*postMetadataResolver, bool) {
	return m.is("InstagramPostMetadata")
}
func (m *postMetadataResolver) ToFacebookPostMetadata() (*postMetadataResolver, bool) {
	return m.is("FacebookPostMetadata")
}
func (m *postMetadataResolver) ToLinkedInPostMetadata() (*postMetadataResolver, bool) {
	return m.is("LinkedInPostMetadata")
}
func (m *postMetadataResolver) ToTwitterPostMetadata() (*postMetadataResolver, bool) {
	return m.is("TwitterPostMetadata")
}
func (m *postMetadataResolver) ToPinterestPostMetadata() (*postMetadataResolver, bool) {
	return m.is("PinterestPostMetadata")
}
func (m *postMetadataResolver) ToGoogleBusinessPostMetadata() (*postMetadataResolver, bool) {
	return m.is("GoogleBusinessPostMetadata")
}
func (m *postMetadataResolver) ToYoutubePostMetadata() (*postMetadataResolver, bool) {
	return m.is("YoutubePostMetadata")
}
func (m *postMetadataResolver) ToMastodonPostMetadata() (*postMetadataResolver, bool) {
	return m.is("MastodonPostMetadata")
}
func (m *postMetadataResolver) ToTiktokPostMetadata() (*postMetadataResolver, bool) {
	return m.is("TiktokPostMetadata")
}
func (m *postMetadataResolver) ToThreadsPostMetadata() (*postMetadataResolver, bool) {
	return m.is("ThreadsPostMetadata")
}
func (m *postMetadataResolver) ToBlueskyPostMetadata() (*postMetadataResolver, bool) {
	return m.is("BlueskyPostMetadata")
}
func (m *postMetadataResolver) ToSubstackPostMetadata() (*postMetadataResolver, bool) {
	return m.is("SubstackPostMetadata")
}

func (m *postMetadataResolver) meta() *Metadata { return &m.r.p.Metadata }

// Type is the type the post was given; post when it was given none.
func (m *postMetadataResolver) Type() string {
	if t := m.meta().Type; t != "" {
		return t
	}
	return "post"
}

func (m *postMetadataResolver) FirstComment() *string { return optional(m.meta().FirstComment) }
func (m *postMetadataResolver) Title() *string        { return optional(m.meta().Title) }
func (m *postMetadataResolver) URL() *string          { return optional(m.meta().Link) } // a pin's destination
func (m *postMetadataResolver) ThreadCount() int32    { return int32(len(m.meta().Thread)) }

// ShouldShareToFeed is true unless the post said otherwise.
func (m *postMetadataResolver) ShouldShareToFeed() bool {
	if v := m.meta().ShouldShareToFeed; v != nil {
		return *v
	}
	return true
}

func (m *postMetadataResolver) LinkAttachment() *linkAttachmentResolver {
	if m.meta().Link == "" {
		return nil
	}
	return &linkAttachmentResolver{m.meta().Link}
}

func (m *postMetadataResolver) Board() *boardResolver {
	c := m.r.s.channelByID[m.r.p.ChannelID]
	if b := c.board(m.meta().BoardServiceID); b != nil {
		return &boardResolver{b}
	}
	return nil
}

// Details are a Google Business event's; the union lists no other member here.
func (m *postMetadataResolver) Details() *googleDetailsResolver {
	if m.meta().Type != "event" {
		return nil
	}
	return &googleDetailsResolver{m.meta().Google}
}

type linkAttachmentResolver struct{ url string }

func (r *linkAttachmentResolver) URL() string { return r.url }

type googleDetailsResolver struct{ g GoogleDetails }

func (r *googleDetailsResolver) ToGoogleBusinessEventMetaData() (*googleDetailsResolver, bool) {
	return r, true
}
func (r *googleDetailsResolver) IsFullDayEvent() bool { return r.g.IsFullDayEvent }

type boardResolver struct{ b *board }

func (r *boardResolver) ID() string        { return r.b.id }
func (r *boardResolver) ServiceID() string { return r.b.serviceID }
func (r *boardResolver) Name() string      { return r.b.name }

// Metadata is a Pinterest channel's boards; null for the other networks, whose members the
// schema leaves out.
func (r *channelResolver) Metadata() *channelMetadataResolver {
	if r.c.service != "pinterest" {
		return nil
	}
	return &channelMetadataResolver{r.c}
}

type channelMetadataResolver struct{ c *channel }

func (r *channelMetadataResolver) ToPinterestMetadata() (*channelMetadataResolver, bool) {
	return r, true
}

func (r *channelMetadataResolver) Boards() []*boardResolver {
	out := make([]*boardResolver, len(r.c.boards))
	for i := range r.c.boards {
		out[i] = &boardResolver{&r.c.boards[i]}
	}
	return out
}
