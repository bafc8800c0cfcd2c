package sandbox

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/graph-gophers/graphql-go"

	schema "github.com/buffer-mcp/buffer-mcp/graphql"
)

// DefaultKey is the API key the sandbox accepts when Options.Key is empty.
const DefaultKey = "sandbox-key"

// defaultQueueLimit is the number of scheduled posts per channel on Buffer's free plan.
const defaultQueueLimit = 10

// Options configure a sandbox. The zero value is a usable sandbox: the one-org seed, the
// default key, the real clock and the free plan's queue limit.
type Options struct {
	Seed       string           // "one-org" (when empty) or "two-orgs"
	Key        string           // the bearer key accepted; DefaultKey when empty
	Now        func() time.Time // the clock; time.Now when nil
	QueueLimit int              // scheduled posts allowed per channel; 10 when 0
	IdeaLimit  int              // ideas allowed per organization; 100 when 0
	DailyLimit int              // posts per channel per day on networks with a limit; each network's own when 0
	// Schema is the GraphQL schema served instead of graphql/schema.graphql: for tests of a
	// Buffer whose schema has moved (a field this build selects removed, say). Every type
	// and field it keeps must still be one the sandbox resolves.
	Schema string
}

// Server is an in-memory Buffer GraphQL API. It is an http.Handler and safe for
// concurrent use.
type Server struct {
	key      string
	clock    func() time.Time
	schema   *graphql.Schema
	defaults *inputDefaults
	store    *store
	seed     SeedInfo

	mu       sync.Mutex
	requests []recorded
}

// New seeds a sandbox and prepares its GraphQL engine. It fails on an unknown seed or a
// negative limit.
func New(opts Options) (*Server, error) {
	if opts.Seed == "" {
		opts.Seed = "one-org"
	}
	if opts.Key == "" {
		opts.Key = DefaultKey
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	switch {
	case opts.QueueLimit == 0:
		opts.QueueLimit = defaultQueueLimit
	case opts.QueueLimit < 0:
		return nil, errors.New("sandbox queue limit must not be negative")
	}
	if opts.IdeaLimit < 0 {
		return nil, errors.New("sandbox idea limit must not be negative")
	}
	if opts.DailyLimit < 0 {
		return nil, errors.New("sandbox daily limit must not be negative")
	}
	s := &Server{key: opts.Key, clock: opts.Now}
	st, info, err := seed(opts.Seed, opts.QueueLimit, s.now())
	if err != nil {
		return nil, err
	}
	if opts.IdeaLimit > 0 {
		st.ideaLimit = opts.IdeaLimit
	}
	st.dailyLimit = opts.DailyLimit
	s.store, s.seed = st, info
	// graphql-go checks every resolver against the schema here, so a resolver that does
	// not fit the schema fails New rather than a request.
	sdl := schema.Schema
	if opts.Schema != "" {
		sdl = opts.Schema
	}
	s.schema, err = graphql.ParseSchema(sdl, &resolver{store: st, now: s.now},
		// No resolver reads its selections (graphql.SelectedFieldNames): not captured.
		graphql.DisableFieldSelections(),
		// A method still wins over a field of the same name; postResolver's plain fields
		// are struct fields.
		graphql.UseFieldResolvers())
	if err != nil {
		return nil, fmt.Errorf("sandbox schema: %w", err)
	}
	if s.defaults, err = newInputDefaults(sdl); err != nil {
		return nil, fmt.Errorf("sandbox schema: %w", err)
	}
	return s, nil
}

// now is the clock in UTC, to the millisecond: Buffer's times have milliseconds, so a time
// read back from a response matches the stored one exactly.
func (s *Server) now() time.Time {
	return s.clock().UTC().Truncate(time.Millisecond)
}

// Posts returns a copy of every stored post, in creation order.
func (s *Server) Posts() []Post {
	snap := s.store.snapshot()
	out := make([]Post, len(snap))
	for i, p := range snap {
		out[i] = *p
	}
	return out
}

// Ideas returns a copy of every stored idea, in creation order.
func (s *Server) Ideas() []Idea {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	out := make([]Idea, len(s.store.ideas))
	for i, idea := range s.store.ideas {
		out[i] = *idea.clone()
	}
	return out
}

// Seed describes the seeded account, organizations, channels, posts and ideas.
func (s *Server) Seed() SeedInfo {
	info := s.seed
	info.Organizations = append([]SeedOrganization(nil), s.seed.Organizations...)
	for i := range info.Organizations {
		info.Organizations[i].Channels = append([]string(nil), info.Organizations[i].Channels...)
	}
	info.Channels = make(map[string]SeedChannel, len(s.seed.Channels))
	for k, v := range s.seed.Channels {
		info.Channels[k] = v
	}
	info.Posts = make(map[string]SeedPost, len(s.seed.Posts))
	for k, v := range s.seed.Posts {
		info.Posts[k] = v
	}
	info.Ideas = make(map[string]SeedIdea, len(s.seed.Ideas))
	for k, v := range s.seed.Ideas {
		info.Ideas[k] = v
	}
	info.Tags = make(map[string]SeedTag, len(s.seed.Tags))
	for k, v := range s.seed.Tags {
		info.Tags[k] = v
	}
	return info
}
