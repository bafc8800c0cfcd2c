package client

// EditPostInput is Buffer's EditPostInput, bound in genqlient.yaml instead of generated.
// Every field but the id is optional and left out of the request when unset, because
// editPost keeps whatever is left out: a nil Text keeps the text (an empty one would clear
// it), and a nil Assets keeps the media while an empty, non-nil Assets removes it all
// (omitzero tells those apart; genqlient's omitempty would drop both). TagIds follows the
// same rule as Assets. Metadata carries only the post's own network, shaped as CreatePost
// sends it.
type EditPostInput struct {
	Id             string             `json:"id"`
	SchedulingType *SchedulingType    `json:"schedulingType,omitempty"`
	DueAt          *string            `json:"dueAt,omitempty"`
	Text           *string            `json:"text,omitempty"`
	Metadata       *PostInputMetaData `json:"metadata,omitempty"`
	TagIds         []string           `json:"tagIds,omitzero"`
	Assets         []AssetInput       `json:"assets,omitzero"`
	Mode           *ShareMode         `json:"mode,omitempty"`
	SaveToDraft    *bool              `json:"saveToDraft,omitempty"`
	ApprovalChange *string            `json:"approvalChange,omitempty"` // request or revert
}
