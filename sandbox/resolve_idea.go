package sandbox

import "github.com/graph-gophers/graphql-go"

// Resolvers for Idea, the ideas connection and CreateIdeaPayload. Each holds a copy of the
// idea, taken under the store's lock.

type ideaResolver struct{ i *Idea }

func (r *ideaResolver) ID() graphql.ID                { return graphql.ID(r.i.ID) }
func (r *ideaResolver) Content() *ideaContentResolver { return &ideaContentResolver{r.i} }
func (r *ideaResolver) GroupID() *graphql.ID          { return optional(graphql.ID(r.i.GroupID)) }

// CreatedAt is Unix seconds, as Buffer gives it (an Int, not a DateTime).
func (r *ideaResolver) CreatedAt() int32 { return int32(r.i.CreatedAt.Unix()) }

type ideaContentResolver struct{ i *Idea }

func (r *ideaContentResolver) Title() *string  { return optional(r.i.Title) }
func (r *ideaContentResolver) Text() *string   { return optional(r.i.Text) }
func (r *ideaContentResolver) Date() *dateTime { return timePtr(r.i.Date) }
func (r *ideaContentResolver) Services() []string {
	out := make([]string, len(r.i.Services))
	copy(out, r.i.Services)
	return out
}

// Media is null for an idea without media, as Buffer's nullable list allows.
func (r *ideaContentResolver) Media() *[]*ideaMediaResolver {
	if len(r.i.Media) == 0 {
		return nil
	}
	out := make([]*ideaMediaResolver, len(r.i.Media))
	for i := range r.i.Media {
		out[i] = &ideaMediaResolver{&r.i.Media[i]}
	}
	return &out
}

type ideaMediaResolver struct{ m *IdeaMedia }

func (r *ideaMediaResolver) URL() string  { return r.m.URL }
func (r *ideaMediaResolver) Alt() *string { return optional(r.m.Alt) }
func (r *ideaMediaResolver) Type() string { return r.m.Type }

type ideasConnectionResolver struct{ page *page[*Idea] }

func (r *ideasConnectionResolver) Edges() []*ideaEdgeResolver {
	edges := make([]*ideaEdgeResolver, len(r.page.items))
	for i, idea := range r.page.items {
		edges[i] = &ideaEdgeResolver{r.page.cursors[i], &ideaResolver{idea}}
	}
	return edges
}

func (r *ideasConnectionResolver) PageInfo() *pageInfoResolver {
	return &pageInfoResolver{r.page.cursors, r.page.hasNext}
}

type ideaEdgeResolver struct {
	cursor string
	node   *ideaResolver
}

func (r *ideaEdgeResolver) Cursor() string      { return r.cursor }
func (r *ideaEdgeResolver) Node() *ideaResolver { return r.node }

// createIdeaPayload answers with the Idea itself, as Buffer does now; IdeaResponse, which
// wrapped it in older answers, is declared but never returned.
type createIdeaPayload struct{ out ideaOutcome }

func (r *createIdeaPayload) ToIdea() (*ideaResolver, bool) {
	if r.out.idea == nil {
		return nil, false
	}
	return &ideaResolver{r.out.idea}, true
}

func (r *createIdeaPayload) ToIdeaResponse() (*ideaResponseResolver, bool) { return nil, false }

func (r *createIdeaPayload) member(typename string) (*mutationErrorResolver, bool) {
	if r.out.err == nil || r.out.err.typename != typename {
		return nil, false
	}
	return &mutationErrorResolver{r.out.err.message}, true
}

func (r *createIdeaPayload) ToInvalidInputError() (*mutationErrorResolver, bool) {
	return r.member("InvalidInputError")
}

func (r *createIdeaPayload) ToUnauthorizedError() (*mutationErrorResolver, bool) {
	return r.member("UnauthorizedError")
}

func (r *createIdeaPayload) ToUnexpectedError() (*mutationErrorResolver, bool) {
	return r.member("UnexpectedError")
}

func (r *createIdeaPayload) ToLimitReachedError() (*mutationErrorResolver, bool) {
	return r.member("LimitReachedError")
}

type ideaResponseResolver struct{ idea *ideaResolver }

func (r *ideaResponseResolver) Idea() *ideaResolver { return r.idea }
func (r *ideaResponseResolver) RefreshIdeas() bool  { return false }
