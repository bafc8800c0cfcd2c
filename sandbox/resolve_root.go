package sandbox

import "time"

// resolver is the root resolver: graphql-go calls its methods for the fields of Query and
// Mutation. Each answers from copies taken under the store's lock, because graphql-go
// resolves the fields below the root concurrently.
type resolver struct {
	store *store
	now   func() time.Time
}

func (r *resolver) Account() *accountResolver {
	return &accountResolver{r.store}
}

func (r *resolver) Channels(args struct{ Input channelsInput }) ([]*channelResolver, error) {
	if r.store.org(args.Input.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	f := deref(args.Input.Filter)
	var out []*channelResolver
	for _, c := range r.store.channelsOf(string(args.Input.OrganizationID)) {
		if f.IsLocked != nil && c.isLocked != *f.IsLocked {
			continue
		}
		if f.Product != nil && !c.offers(*f.Product) {
			continue
		}
		out = append(out, &channelResolver{c})
	}
	return out, nil
}

func (r *resolver) Channel(args struct{ Input idInput }) (*channelResolver, error) {
	c := r.store.channel(args.Input.ID)
	if c == nil {
		return nil, errNotFound("Channel")
	}
	return &channelResolver{c}, nil
}

func (r *resolver) Post(args struct{ Input idInput }) (*postResolver, error) {
	p := r.store.getPost(args.Input.ID)
	if p == nil {
		return nil, errNotFound("Post")
	}
	return newPostResolver(r.store, p), nil
}

func (r *resolver) Posts(args struct {
	Input postsInput
	First *int32
	After *string
}) (*postsResultsResolver, error) {
	page, err := r.store.listPosts(args.Input, args.First, args.After)
	if err != nil {
		return nil, err
	}
	return &postsResultsResolver{r.store, page}, nil
}

func (r *resolver) CreatePost(args struct{ Input createPostInput }) *postActionPayload {
	return &postActionPayload{r.store, r.store.createPost(args.Input, r.now())}
}

func (r *resolver) EditPost(args struct{ Input editPostInput }) *postActionPayload {
	return &postActionPayload{r.store, r.store.editPost(args.Input, r.now())}
}

// DeletePost answers an unknown or already deleted post with a top-level NOT_FOUND error,
// not with a union member, as Buffer does.
func (r *resolver) DeletePost(args struct{ Input idInput }) (*deletePostPayload, error) {
	if !r.store.deletePost(args.Input.ID) {
		return nil, errNotFound("Post")
	}
	return &deletePostPayload{args.Input.ID}, nil
}

func (r *resolver) Ideas(args struct {
	Input ideasInput
	First *int32
	After *string
}) (*ideasConnectionResolver, error) {
	page, err := r.store.listIdeas(args.Input, args.First, args.After)
	if err != nil {
		return nil, err
	}
	return &ideasConnectionResolver{page}, nil
}

func (r *resolver) CreateIdea(args struct{ Input createIdeaInput }) *createIdeaPayload {
	return &createIdeaPayload{r.store.createIdea(args.Input, r.now())}
}
