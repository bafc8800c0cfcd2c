package sandbox

import (
	"fmt"
	"time"
)

// objectID is the Go side of every *Id scalar. Buffer's ids of all kinds are MongoDB
// ObjectIds (24 lowercase hex characters), so one type serves them all. Any string is
// accepted as input: an id that is not 24-hex is answered like an unknown one (NOT_FOUND),
// as Buffer does, instead of failing the whole request.
type objectID string

// idScalars are the schema's id scalars that objectID stands for.
var idScalars = map[string]bool{
	"AccountId": true, "ChannelId": true, "DraftId": true, "IdeaId": true,
	"OrganizationId": true, "PostId": true, "PostTemplateId": true, "TagId": true,
}

// ImplementsGraphQLType tells graphql-go which scalars objectID decodes.
func (objectID) ImplementsGraphQLType(name string) bool { return idScalars[name] }

// UnmarshalGraphQL accepts any string.
func (id *objectID) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("wrong type for an id: %T", input)
	}
	*id = objectID(s)
	return nil
}

// valid reports whether the id has an ObjectId's shape; others can match nothing.
func (id objectID) valid() bool {
	if len(id) != 24 {
		return false
	}
	for _, c := range []byte(id) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// dateTime is Buffer's DateTime scalar: ISO 8601 with an explicit offset on the way in,
// UTC with milliseconds on the way out ("2026-03-05T14:30:00.000Z"), as Buffer answers.
type dateTime struct {
	time.Time
}

// ImplementsGraphQLType tells graphql-go that dateTime is the DateTime scalar.
func (dateTime) ImplementsGraphQLType(name string) bool { return name == "DateTime" }

// UnmarshalGraphQL parses an RFC 3339 time. A time without an offset is rejected, since
// Buffer's guidance is never to leave the timezone to be guessed.
func (t *dateTime) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("wrong type for DateTime: %T", input)
	}
	parsed, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("DateTime must be ISO 8601 with an offset, such as 2026-03-05T14:30:00Z: %q", s)
	}
	t.Time = parsed.UTC().Truncate(time.Millisecond)
	return nil
}

// MarshalJSON writes the time as Buffer does. The layout has nothing JSON would escape, so
// the quotes are added directly: every post's times go through here, on every listPosts.
func (t dateTime) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(bufferTimeLayout)+2)
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, bufferTimeLayout)
	return append(b, '"'), nil
}

// bufferTimeLayout is Buffer's wire format for times.
const bufferTimeLayout = "2006-01-02T15:04:05.000Z"

// formatTime is a time in Buffer's wire format.
func formatTime(t time.Time) string {
	return t.UTC().Format(bufferTimeLayout)
}

// timePtr turns an optional stored time into an optional DateTime.
func timePtr(t *time.Time) *dateTime {
	if t == nil {
		return nil
	}
	return &dateTime{*t}
}
