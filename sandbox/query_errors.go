package sandbox

// queryError is a top-level GraphQL error with Buffer's extensions.code. graphql-go copies
// Extensions() into the error it reports, and a failed non-null root field makes data null,
// which is how Buffer answers an unknown id.
type queryError struct {
	code, message string
}

func (e *queryError) Error() string { return e.message }

// Extensions gives the error its code, as graphql-go expects.
func (e *queryError) Extensions() map[string]any { return map[string]any{"code": e.code} }

func errNotFound(what string) error { return &queryError{"NOT_FOUND", what + " not found"} }

func errBadInput(msg string) error { return &queryError{"BAD_USER_INPUT", msg} }
