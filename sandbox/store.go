package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// store holds the sandbox's data. The account, organizations and channels are fixed at
// seeding; posts and ideas change, under mu.
type store struct {
	account     account
	orgs        []*organization
	channels    []*channel // in seed order, which is the order Buffer lists them in
	channelByID map[string]*channel
	queueLimit  int
	ideaLimit   int    // ideas per organization
	dailyLimit  int    // posts per channel per day; 0: each network's own (limits.go)
	tags        []*tag // every organization's, fixed at seeding (tags.go)

	// Fixed at seeding, so read without mu: sent posts' metrics by post id (metrics.go).
	metrics map[string]*postMetrics

	mu         sync.Mutex
	posts      []*Post // in creation order
	ideas      []*Idea // in creation order
	ideaGroups []*ideaGroup
	templates  []*postTemplate // in creation order
	nextID     int
}

func newStore(queueLimit int) *store {
	return &store{channelByID: map[string]*channel{}, queueLimit: queueLimit, ideaLimit: defaultIdeaLimit,
		metrics: map[string]*postMetrics{}}
}

// newID makes the next id. Ids are derived from a counter, so that a seed always produces
// the same ids, and hashed, so that they look like the ObjectIds Buffer hands out rather
// than like a counter. The caller holds mu (or is seeding).
func (s *store) newID() string {
	s.nextID++
	sum := sha256.Sum256(fmt.Appendf(nil, "buffer-sandbox/%d", s.nextID))
	return hex.EncodeToString(sum[:12])
}

func (s *store) org(id objectID) *organization {
	for _, o := range s.orgs {
		if o.id == string(id) {
			return o
		}
	}
	return nil
}

func (s *store) channel(id objectID) *channel {
	if !id.valid() {
		return nil
	}
	return s.channelByID[string(id)]
}

func (s *store) channelsOf(orgID string) []*channel {
	var out []*channel
	for _, c := range s.channels {
		if c.organizationID == orgID {
			out = append(out, c)
		}
	}
	return out
}

// postIndex finds a post by id; the caller holds mu.
func (s *store) postIndex(id objectID) int {
	if !id.valid() {
		return -1
	}
	for i, p := range s.posts {
		if p.ID == string(id) {
			return i
		}
	}
	return -1
}

// getPost returns a copy of one post, or nil.
func (s *store) getPost(id objectID) *Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.postIndex(id); i >= 0 {
		return s.posts[i].clone()
	}
	return nil
}

// snapshot copies every post, in creation order.
func (s *store) snapshot() []*Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Post, len(s.posts))
	for i, p := range s.posts {
		out[i] = p.clone()
	}
	return out
}

// deletePost removes a post and reports whether it was there.
func (s *store) deletePost(id objectID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.postIndex(id)
	if i < 0 {
		return false
	}
	s.posts = append(s.posts[:i], s.posts[i+1:]...)
	return true
}

// scheduledOn lists the scheduled posts of a channel other than except; the caller holds mu.
func (s *store) scheduledOn(channelID, except string) []*Post {
	var out []*Post
	for _, p := range s.posts {
		if p.ChannelID == channelID && p.ID != except && p.Status == statusScheduled {
			out = append(out, p)
		}
	}
	return out
}

// millis is the key under which a time occupies a queue slot.
func millis(t time.Time) int64 { return t.UnixMilli() }
