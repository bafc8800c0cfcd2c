package sandbox

// Resolvers for the mutation payload unions. graphql-go picks a union member by calling
// To<Member>; exactly one of them answers true.

type postActionPayload struct {
	s   *store
	out postOutcome
}

func (r *postActionPayload) ToPostActionSuccess() (*postActionSuccess, bool) {
	if r.out.post == nil {
		return nil, false
	}
	return &postActionSuccess{newPostResolver(r.s, r.out.post)}, true
}

func (r *postActionPayload) member(typename string) (*mutationErrorResolver, bool) {
	if r.out.err == nil || r.out.err.typename != typename {
		return nil, false
	}
	return &mutationErrorResolver{r.out.err.message}, true
}

func (r *postActionPayload) ToNotFoundError() (*mutationErrorResolver, bool) {
	return r.member("NotFoundError")
}

func (r *postActionPayload) ToUnauthorizedError() (*mutationErrorResolver, bool) {
	return r.member("UnauthorizedError")
}

func (r *postActionPayload) ToUnexpectedError() (*mutationErrorResolver, bool) {
	return r.member("UnexpectedError")
}

func (r *postActionPayload) ToRestProxyError() (*mutationErrorResolver, bool) {
	return r.member("RestProxyError")
}

func (r *postActionPayload) ToLimitReachedError() (*mutationErrorResolver, bool) {
	return r.member("LimitReachedError")
}

func (r *postActionPayload) ToInvalidInputError() (*mutationErrorResolver, bool) {
	return r.member("InvalidInputError")
}

type postActionSuccess struct{ post *postResolver }

func (r *postActionSuccess) Post() *postResolver { return r.post }

// mutationErrorResolver serves every MutationError type; Link and Code exist only on the
// deprecated RestProxyError, which the sandbox never returns.
type mutationErrorResolver struct{ message string }

func (r *mutationErrorResolver) Message() string { return r.message }
func (r *mutationErrorResolver) Link() *string   { return nil }
func (r *mutationErrorResolver) Code() *int32    { return nil }

// deletePostPayload is always a success: a failed delete is a top-level error.
type deletePostPayload struct{ id objectID }

func (r *deletePostPayload) ToDeletePostSuccess() (*deletePostPayload, bool) { return r, true }

// ToVoidMutationError never answers true: Buffer declares VoidMutationError but never
// returns it.
func (r *deletePostPayload) ToVoidMutationError() (*mutationErrorResolver, bool) { return nil, false }

func (r *deletePostPayload) ID() objectID { return r.id }
