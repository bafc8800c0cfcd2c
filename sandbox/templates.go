package sandbox

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Post templates (Buffer: Preview). Where Buffer's behaviour is unknown the sandbox
// chooses: templates are listed most recently updated first; a template without a
// visibility is private; the API refuses public ones; and every refusal is a top-level
// error (NOT_FOUND for an unknown organization or template, BAD_USER_INPUT otherwise),
// since the payloads' only error member, VoidMutationError, is never returned.

// postTemplate is a stored template.
type postTemplate struct {
	id, organizationID                          string
	title, body, description, emoji, visibility string
	createdAt, updatedAt                        time.Time
}

const (
	msgTemplateTitle  = "A template needs a title."
	msgTemplateBody   = "A template needs a body."
	msgPublicTemplate = "Public templates cannot be created or shared through the API: use private or internal."
)

type postTemplatesInput struct {
	OrganizationID objectID
	Filter         *struct{ Visibility *string }
}

type createPostTemplateInput struct {
	OrganizationID                 objectID
	Title, Body                    string
	Emoji, Description, Visibility *string
}

type updatePostTemplateInput struct {
	ID                                          objectID
	Title, Body, Emoji, Description, Visibility *string
}

func (r *resolver) PostTemplates(args struct {
	Input postTemplatesInput
	First *int32
	After *string
}) (*postTemplatesResolver, error) {
	if r.store.org(args.Input.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	size, err := pageSize(args.First)
	if err != nil {
		return nil, err
	}
	var want string
	if args.Input.Filter != nil {
		want = deref(args.Input.Filter.Visibility)
	}
	all := r.store.templatesOf(string(args.Input.OrganizationID), want)
	page, err := pageOf(all, args.Input, size, args.After)
	if err != nil {
		return nil, err
	}
	return &postTemplatesResolver{page, len(all)}, nil
}

// PostTemplate is null for an id it does not know, as Buffer's nullable field allows.
func (r *resolver) PostTemplate(args struct{ Input idInput }) *templateResolver {
	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	if t := r.store.template(args.Input.ID); t != nil {
		c := *t
		return &templateResolver{&c}
	}
	return nil
}

func (r *resolver) CreatePostTemplate(args struct{ Input createPostTemplateInput }) (*templatePayload, error) {
	in := args.Input
	if r.store.org(in.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	t := &postTemplate{organizationID: string(in.OrganizationID), title: in.Title, body: in.Body,
		emoji: deref(in.Emoji), description: deref(in.Description), visibility: "private"}
	if in.Visibility != nil {
		t.visibility = *in.Visibility
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	now := r.now()
	t.createdAt, t.updatedAt = now, now

	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	t.id = r.store.newID()
	r.store.templates = append(r.store.templates, t)
	c := *t
	return &templatePayload{&c}, nil
}

// UpdatePostTemplate changes the fields given and keeps the others.
func (r *resolver) UpdatePostTemplate(args struct{ Input updatePostTemplateInput }) (*templatePayload, error) {
	in := args.Input
	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	old := r.store.template(in.ID)
	if old == nil {
		return nil, errNotFound("Post template")
	}
	t := *old
	for _, f := range []struct {
		to   *string
		from *string
	}{{&t.title, in.Title}, {&t.body, in.Body}, {&t.emoji, in.Emoji}, {&t.description, in.Description}, {&t.visibility, in.Visibility}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	t.updatedAt = r.now()
	*old = t
	return &templatePayload{&t}, nil
}

func (r *resolver) DeletePostTemplate(args struct{ Input idInput }) (*deleteTemplatePayload, error) {
	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	i := slices.IndexFunc(r.store.templates, func(t *postTemplate) bool { return args.Input.ID.valid() && t.id == string(args.Input.ID) })
	if i < 0 {
		return nil, errNotFound("Post template")
	}
	r.store.templates = slices.Delete(r.store.templates, i, i+1)
	return &deleteTemplatePayload{}, nil
}

// check applies Buffer's rules to a template about to be stored.
func (t *postTemplate) check() error {
	switch {
	case strings.TrimSpace(t.title) == "":
		return errBadInput(msgTemplateTitle)
	case strings.TrimSpace(t.body) == "":
		return errBadInput(msgTemplateBody)
	case t.visibility == "public":
		return errBadInput(msgPublicTemplate)
	}
	return nil
}

// template finds a template by id; the caller holds mu.
func (s *store) template(id objectID) *postTemplate {
	if !id.valid() {
		return nil
	}
	for _, t := range s.templates {
		if t.id == string(id) {
			return t
		}
	}
	return nil
}

// templatesOf copies an organization's templates of one visibility (any when empty), most
// recently updated first, then by id.
func (s *store) templatesOf(orgID, visibility string) []*postTemplate {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*postTemplate
	for _, t := range s.templates {
		if t.organizationID == orgID && (visibility == "" || t.visibility == visibility) {
			c := *t
			out = append(out, &c)
		}
	}
	slices.SortStableFunc(out, func(a, b *postTemplate) int {
		if c := b.updatedAt.Compare(a.updatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}

type templateResolver struct{ t *postTemplate }

func (r *templateResolver) ID() objectID             { return objectID(r.t.id) }
func (r *templateResolver) Title() string            { return r.t.title }
func (r *templateResolver) Body() string             { return r.t.body }
func (r *templateResolver) Description() string      { return r.t.description }
func (r *templateResolver) Emoji() string            { return r.t.emoji }
func (r *templateResolver) Visibility() string       { return r.t.visibility }
func (r *templateResolver) OrganizationID() objectID { return objectID(r.t.organizationID) }
func (r *templateResolver) CreatedAt() dateTime      { return dateTime{r.t.createdAt} }
func (r *templateResolver) UpdatedAt() dateTime      { return dateTime{r.t.updatedAt} }

type postTemplatesResolver struct {
	page  *page[*postTemplate]
	total int
}

func (r *postTemplatesResolver) Edges() []*templateEdgeResolver {
	out := make([]*templateEdgeResolver, len(r.page.items))
	for i, t := range r.page.items {
		out[i] = &templateEdgeResolver{r.page.cursors[i], &templateResolver{t}}
	}
	return out
}

func (r *postTemplatesResolver) PageInfo() *pageInfoResolver {
	return &pageInfoResolver{r.page.cursors, r.page.hasNext}
}

func (r *postTemplatesResolver) TotalCount() int32 { return int32(r.total) }

type templateEdgeResolver struct {
	cursor string
	node   *templateResolver
}

func (r *templateEdgeResolver) Cursor() string          { return r.cursor }
func (r *templateEdgeResolver) Node() *templateResolver { return r.node }

// templatePayload serves CreatePostTemplatePayload and UpdatePostTemplatePayload: always a
// success, since a refusal is a top-level error.
type templatePayload struct{ t *postTemplate }

func (r *templatePayload) ToCreatePostTemplateSuccess() (*templatePayload, bool) { return r, true }
func (r *templatePayload) ToUpdatePostTemplateSuccess() (*templatePayload, bool) { return r, true }
func (r *templatePayload) ToVoidMutationError() (*mutationErrorResolver, bool)   { return nil, false }
func (r *templatePayload) PostTemplate() *templateResolver                       { return &templateResolver{r.t} }

type deleteTemplatePayload struct{}

func (r *deleteTemplatePayload) ToEmptySuccess() (*deleteTemplatePayload, bool) { return r, true }
func (r *deleteTemplatePayload) ToVoidMutationError() (*mutationErrorResolver, bool) {
	return nil, false
}

// Empty is EmptySuccess._empty, which carries nothing.
func (r *deleteTemplatePayload) Empty() string { return "" }
