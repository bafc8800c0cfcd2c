package sandbox

import (
	"fmt"
	"slices"
	"time"
)

// movePostInQueue (Buffer: experimental) puts a queued post first or last among its
// channel's queued posts. The queue keeps its slots: the posts take them again in the new
// order, and custom-scheduled posts keep their times. Buffer does not check the post's
// content again. Where Buffer's answer is unknown the sandbox chooses: an unknown post is
// NOT_FOUND and a post that is not in the queue (a draft, a sent or custom-scheduled post)
// BAD_USER_INPUT, both top-level errors, since the payload's only error member,
// VoidMutationError, is never returned.

type movePostInQueueInput struct {
	ID       objectID
	Position string
}

func (r *resolver) MovePostInQueue(args struct{ Input movePostInQueueInput }) (*movePostPayload, error) {
	p, err := r.store.movePost(args.Input.ID, args.Input.Position, r.now())
	if err != nil {
		return nil, err
	}
	return &movePostPayload{newPostResolver(r.store, p)}, nil
}

// movePost reorders the queue of p's channel and returns a copy of p as moved.
func (s *store) movePost(id objectID, position string, now time.Time) (*Post, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.postIndex(id)
	if i < 0 {
		return nil, errNotFound("Post")
	}
	p := s.posts[i]
	switch {
	case p.Status != statusScheduled:
		return nil, errBadInput(fmt.Sprintf("Only a post in the queue can be moved; this post is %s.", p.Status))
	case p.IsCustomScheduled || p.DueAt == nil:
		return nil, errBadInput("Only a post in the queue can be moved; this post is scheduled for a custom time.")
	}
	var queue []*Post
	for _, q := range s.scheduledOn(p.ChannelID, "") {
		if !q.IsCustomScheduled && q.DueAt != nil && (q == p || q.DueAt.After(now)) {
			queue = append(queue, q)
		}
	}
	slices.SortFunc(queue, func(a, b *Post) int { return a.DueAt.Compare(*b.DueAt) })
	slots := make([]time.Time, len(queue))
	for j, q := range queue {
		slots[j] = *q.DueAt
	}
	queue = slices.DeleteFunc(queue, func(q *Post) bool { return q == p })
	if position == "top" {
		queue = slices.Insert(queue, 0, p)
	} else {
		queue = append(queue, p)
	}
	for j, q := range queue {
		if !q.DueAt.Equal(slots[j]) {
			due := slots[j]
			q.DueAt, q.UpdatedAt = &due, now
		}
	}
	return p.clone(), nil
}

// movePostPayload is always a success: a refusal is a top-level error.
type movePostPayload struct{ post *postResolver }

func (r *movePostPayload) ToPostActionSuccess() (*postActionSuccess, bool) {
	return &postActionSuccess{r.post}, true
}

func (r *movePostPayload) ToVoidMutationError() (*mutationErrorResolver, bool) { return nil, false }
