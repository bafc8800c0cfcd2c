package sandbox

import "fmt"

// mutationError is an error member of a mutation's payload union: Buffer answers a
// recoverable failure of createPost or editPost inside data, with HTTP 200.
type mutationError struct {
	typename string // the union member: NotFoundError, InvalidInputError, …
	message  string
}

func notFound(msg string) *mutationError { return &mutationError{"NotFoundError", msg} }

func invalidInput(msg string) *mutationError { return &mutationError{"InvalidInputError", msg} }

func unauthorized(msg string) *mutationError { return &mutationError{"UnauthorizedError", msg} }

func limitReached(scheduled int) *mutationError {
	return &mutationError{"LimitReachedError", fmt.Sprintf(
		"Queue limit reached: this channel already has %d scheduled posts. Delete or publish some, or upgrade your plan.",
		scheduled)}
}

// postOutcome is what createPost and editPost come to: a post or an error member.
type postOutcome struct {
	post *Post
	err  *mutationError
}

func failed(e *mutationError) postOutcome { return postOutcome{err: e} }
