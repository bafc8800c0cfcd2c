package sandbox

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// defaultIdeaLimit is the number of ideas an organization may keep on Buffer's free plan
// (OrganizationLimits.ideas).
const defaultIdeaLimit = 100

// Idea is a stored idea, as Ideas returns it: a draft for a later post, private to its
// organization. Buffer gives an idea's createdAt as Unix seconds, so it is stored to the
// second.
type Idea struct {
	ID             string
	OrganizationID string
	GroupID        string // the board column it sits in, if any
	Title, Text    string
	Services       []string // the networks it is meant for
	Date           *time.Time
	Media          []IdeaMedia
	CreatedAt      time.Time
}

// IdeaMedia is an image, gif, link or document attached to an idea.
type IdeaMedia struct {
	Type, URL, Alt string
}

func (i *Idea) clone() *Idea {
	c := *i
	c.Services = slices.Clone(i.Services)
	c.Media = slices.Clone(i.Media)
	c.Date = copyTime(i.Date)
	return &c
}

// ideasOf copies an organization's ideas, newest first (then by id, so pages are stable).
func (s *store) ideasOf(orgID string) []*Idea {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Idea
	for _, i := range s.ideas {
		if i.OrganizationID == orgID {
			out = append(out, i.clone())
		}
	}
	slices.SortStableFunc(out, func(a, b *Idea) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// listIdeas pages an organization's ideas, with the same rules as listPosts: an unknown
// organization is NOT_FOUND, first is 1 to 100, and a cursor only fits the input it came from.
func (s *store) listIdeas(in ideasInput, first *int32, after *string) (*page[*Idea], error) {
	if s.org(in.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	size, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	return pageOf(s.ideasOf(string(in.OrganizationID)), in, size, after)
}

// ideaOutcome is what createIdea comes to: an idea or an error member.
type ideaOutcome struct {
	idea *Idea
	err  *mutationError
}

// createIdea saves one idea, checking the organization, the content and the plan's limit,
// in that order.
func (s *store) createIdea(in createIdeaInput, now time.Time) ideaOutcome {
	o := s.org(objectID(in.OrganizationID))
	if o == nil {
		// CreateIdeaPayload has no NotFoundError: an organization the key cannot see is
		// refused as unauthorized, as Buffer does for mutations on foreign objects.
		return ideaOutcome{err: unauthorized("You do not have access to this organization.")}
	}
	c := in.Content
	if strings.TrimSpace(deref(c.Title)) == "" && strings.TrimSpace(deref(c.Text)) == "" {
		return ideaOutcome{err: invalidInput("An idea needs a title or text.")}
	}
	idea := &Idea{
		OrganizationID: o.id,
		Title:          deref(c.Title),
		Text:           deref(c.Text),
		Services:       deref(c.Services),
		CreatedAt:      now.UTC().Truncate(time.Second),
	}
	if c.Date != nil {
		d := c.Date.Time
		idea.Date = &d
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if g := in.Group; g != nil && g.GroupID != nil {
		if !s.hasIdeaGroup(o.id, string(*g.GroupID)) {
			return ideaOutcome{err: invalidInput(msgNoIdeaGroup)}
		}
		idea.GroupID = string(*g.GroupID)
	}
	n := 0
	for _, i := range s.ideas {
		if i.OrganizationID == o.id {
			n++
		}
	}
	if n >= s.ideaLimit {
		return ideaOutcome{err: &mutationError{"LimitReachedError", fmt.Sprintf(
			"Ideas limit reached: this organization already has %d ideas. Delete some, or upgrade your plan.", n)}}
	}
	idea.ID = s.newID()
	s.ideas = append(s.ideas, idea)
	return ideaOutcome{idea: idea.clone()}
}
