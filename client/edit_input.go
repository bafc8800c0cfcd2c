package client

// EditPostInput is Buffer's EditPostInput, bound in genqlient.yaml instead of generated.
// Every field but the id is optional and left out of the request when unset, because
// editPost keeps whatever is left out: a nil Text keeps the text (an empty one would clear
// it), and a nil Assets keeps the media while an empty, non-nil Assets removes it all
// (omitzero tells those apart; genqlient's omitempty would drop both).
type EditPostInput struct {
	Id             string          `json:"id"`
	SchedulingType *SchedulingType `json:"schedulingType,omitempty"`
	DueAt          *string         `json:"dueAt,omitempty"`
	Text           *string         `json:"text,omitempty"`
	Assets         []AssetInput    `json:"assets,omitzero"`
	Mode           *ShareMode      `json:"mode,omitempty"`
	SaveToDraft    *bool           `json:"saveToDraft,omitempty"`
}
