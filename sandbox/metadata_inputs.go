package sandbox

// Go mirrors of PostInputMetaData and the per-network inputs under it (see inputs.go for the
// rules graphql-go fills them by). Non-null input fields are values; the rest are pointers,
// so that an edit can tell a field left out (kept) from one given.

type postInputMetaData struct {
	Instagram *instagramInput
	Facebook  *facebookInput
	LinkedIn  *linkedInInput
	Twitter   *threadInput
	Pinterest *pinterestInput
	Google    *googleInput
	YouTube   *youtubeInput
	Mastodon  *mastodonInput
	Threads   *threadsInput
	Bluesky   *blueskyInput
	TikTok    *tiktokInput
	Substack  *substackInput
}

type instagramInput struct {
	Type              string
	FirstComment      *string
	ShouldShareToFeed bool
}

type facebookInput struct {
	Type           string
	LinkAttachment *linkAttachmentInput
	FirstComment   *string
}

type linkedInInput struct {
	FirstComment   *string
	LinkAttachment *linkAttachmentInput
}

// threadInput is TwitterPostMetadataInput: a thread and nothing else.
type threadInput struct {
	Thread *[]threadedPostInput
}

type mastodonInput struct {
	Thread      *[]threadedPostInput
	SpoilerText *string
}

type threadsInput struct {
	Type           *string
	Thread         *[]threadedPostInput
	LinkAttachment *linkAttachmentInput
}

type blueskyInput struct {
	Thread         *[]threadedPostInput
	LinkAttachment *linkAttachmentInput
}

type threadedPostInput struct {
	Text   *string
	Assets []assetInput
}

type linkAttachmentInput struct {
	URL string
}

type pinterestInput struct {
	Title          *string
	URL            *string
	BoardServiceID *string
}

type googleInput struct {
	Type            string
	Title           *string
	DetailsOffer    *googleOfferInput
	DetailsEvent    *googleEventInput
	DetailsWhatsNew *googleWhatsNewInput
}

type googleOfferInput struct {
	Title     *string
	StartDate *dateTime
	EndDate   *dateTime
	Code      *string
	Link      *string
	Terms     *string
}

type googleEventInput struct {
	Title          *string
	StartDate      *dateTime
	EndDate        *dateTime
	IsFullDayEvent bool
	Button         *string
	Link           *string
}

type googleWhatsNewInput struct {
	Button *string
	Link   *string
}

type youtubeInput struct {
	Title             *string
	Privacy           *string
	CategoryID        *string
	NotifySubscribers *bool
	MadeForKids       *bool
}

type tiktokInput struct {
	Title *string
}

type substackInput struct {
	LinkAttachment *linkAttachmentInput
}
