package sandbox

import "github.com/graph-gophers/graphql-go"

// Go mirrors of the schema's input types. graphql-go fills them by field name (case and
// underscores ignored) and insists that every input field has a Go field, used or not.
// Nullable inputs are pointers; EditPostInput.text is a NullString, because for editPost
// an explicit null clears the text while a missing text keeps it.

type createPostInput struct {
	IdeaID         *objectID
	DraftID        *objectID
	SchedulingType string
	DueAt          *dateTime
	Text           *string
	Metadata       *postInputMetaData
	ChannelID      objectID
	TagIDs         *[]objectID
	Assets         []assetInput
	Mode           string
	Source         *string
	AiAssisted     *bool
	SaveToDraft    *bool
	NeedsApproval  bool
}

type editPostInput struct {
	ID             objectID
	IdeaID         *objectID
	DraftID        *objectID
	SchedulingType *string
	DueAt          *dateTime
	Text           graphql.NullString
	Metadata       *postInputMetaData
	TagIDs         *[]objectID
	Assets         *[]assetInput
	Mode           *string
	Source         *string
	AiAssisted     *bool
	SaveToDraft    *bool
	ApprovalChange *string // request or revert
}

type assetInput struct {
	Image    *imageAssetInput
	Video    *videoAssetInput
	Document *documentAssetInput
	Link     *linkAssetInput
}

type imageAssetInput struct {
	URL          string
	ThumbnailURL *string
	Metadata     *imageMetadataInput
}

type imageMetadataInput struct {
	AltText           string
	AnimatedThumbnail *string
	UserTags          *[]userTagInput
	Dimensions        *imageDimensionsInput
}

type userTagInput struct {
	Handle string
	X, Y   float64
}

type imageDimensionsInput struct {
	Width, Height int32
}

type videoAssetInput struct {
	URL          string
	ThumbnailURL *string
	Metadata     *videoMetadataInput
}

type videoMetadataInput struct {
	ThumbnailOffset *int32
	Title           *string
}

type documentAssetInput struct {
	URL, Title, ThumbnailURL string
}

type linkAssetInput struct {
	URL                              string
	Title, Description, ThumbnailURL *string
}

type postsInput struct {
	OrganizationID objectID
	Filter         *postsFiltersInput
	Sort           *[]postSortInput
}

type postsFiltersInput struct {
	ChannelIDs    *[]objectID
	Status        *[]string
	DueAt         *dateTimeComparator
	DueAtPresence *string
	CreatedAt     *dateTimeComparator
}

type dateTimeComparator struct {
	Start *dateTime
	End   *dateTime
}

type postSortInput struct {
	Field     string
	Direction string
}

type channelsInput struct {
	OrganizationID objectID
	Filter         *channelsFiltersInput
}

type channelsFiltersInput struct {
	IsLocked *bool
	Product  *string
}

type idInput struct {
	ID objectID
}

type organizationFilterInput struct {
	OrganizationID string
}

type ideasInput struct {
	OrganizationID objectID
}

type createIdeaInput struct {
	OrganizationID graphql.ID // an ID!, not an OrganizationId, in Buffer's schema
	Content        ideaContentInput
	Group          *ideaGroupInput
}

type ideaContentInput struct {
	Title    *string
	Text     *string
	Services *[]string
	Date     *dateTime
}
