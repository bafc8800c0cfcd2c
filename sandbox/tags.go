package sandbox

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Tags are an organization's labels for posts (Buffer's experimental tagsV2). They are fixed
// at seeding: the sandbox has no mutation that makes or changes one.
type tag struct {
	id, organizationID, name, color string
}

// maxTagsFirst is the largest page of tags Buffer serves.
const maxTagsFirst = 100

// tagsOf lists an organization's tags, sorted by name as Buffer sorts them.
func (s *store) tagsOf(orgID string) []*tag {
	var out []*tag
	for _, t := range s.tags {
		if t.organizationID == orgID {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b *tag) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.name), strings.ToLower(b.name)), cmp.Compare(a.id, b.id))
	})
	return out
}

func (s *store) tag(id string) *tag {
	for _, t := range s.tags {
		if t.id == id {
			return t
		}
	}
	return nil
}

// checkTags refuses a tag that is not the organization's, as Buffer does.
func (s *store) checkTags(orgID string, ids []objectID) *mutationError {
	for _, id := range ids {
		if t := s.tag(string(id)); t == nil || t.organizationID != orgID {
			return invalidInput(fmt.Sprintf("Tag %s not found.", id))
		}
	}
	return nil
}

func tagIDs(ids []objectID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

type tagsInput struct {
	OrganizationID objectID
}

// TagsV2 is the tagsV2 root field: an organization's tags, a page at a time.
func (r *resolver) TagsV2(args struct {
	Input tagsInput
	First *int32
	After *string
}) (*tagsConnectionResolver, error) {
	if r.store.org(args.Input.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	if args.First != nil && (*args.First < 1 || *args.First > maxTagsFirst) {
		return nil, errBadInput(fmt.Sprintf("first must be between 1 and %d.", maxTagsFirst))
	}
	size := maxTagsFirst
	if args.First != nil {
		size = int(*args.First)
	}
	page, err := pageOf(r.store.tagsOf(string(args.Input.OrganizationID)), args.Input, size, args.After)
	if err != nil {
		return nil, err
	}
	return &tagsConnectionResolver{page}, nil
}

type tagsConnectionResolver struct{ page *page[*tag] }

func (r *tagsConnectionResolver) Edges() []*tagEdgeResolver {
	out := make([]*tagEdgeResolver, len(r.page.items))
	for i, t := range r.page.items {
		out[i] = &tagEdgeResolver{r.page.cursors[i], &tagResolver{t}}
	}
	return out
}

func (r *tagsConnectionResolver) PageInfo() *pageInfoResolver {
	return &pageInfoResolver{r.page.cursors, r.page.hasNext}
}

type tagEdgeResolver struct {
	cursor string
	node   *tagResolver
}

func (r *tagEdgeResolver) Cursor() string     { return r.cursor }
func (r *tagEdgeResolver) Node() *tagResolver { return r.node }

type tagResolver struct{ t *tag }

func (r *tagResolver) ID() objectID  { return objectID(r.t.id) }
func (r *tagResolver) Name() string  { return r.t.name }
func (r *tagResolver) Color() string { return r.t.color }

// Tags are the post's tags, in the order they were given.
func (r *postResolver) Tags() []*tagResolver {
	out := make([]*tagResolver, 0, len(r.p.TagIDs))
	for _, id := range r.p.TagIDs {
		if t := r.s.tag(id); t != nil {
			out = append(out, &tagResolver{t})
		}
	}
	return out
}
