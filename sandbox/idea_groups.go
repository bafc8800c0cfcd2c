package sandbox

import (
	"slices"

	"github.com/graph-gophers/graphql-go"
)

// Idea groups: the columns of an organization's ideas board. Seeded ideas sit in some of
// them (seed_data.go); others are empty (seed_more.go). They are listed in the order they
// were made, and createIdea refuses a group of another organization, or none at all, with
// an InvalidInputError.

type ideaGroup struct {
	id, organizationID, name string
	isLocked                 bool
}

type ideaGroupsInput struct {
	OrganizationID graphql.ID // an ID!, not an OrganizationId, in Buffer's schema
}

type ideaGroupInput struct {
	GroupID      *graphql.ID
	PlaceAfterID *graphql.ID // accepted and ignored: the sandbox keeps no order within a group
}

const msgNoIdeaGroup = "Idea group not found in this organization."

// IdeaGroups lists an organization's groups; an unknown organization is NOT_FOUND.
func (r *resolver) IdeaGroups(args struct{ Input ideaGroupsInput }) ([]*ideaGroupResolver, error) {
	orgID := string(args.Input.OrganizationID)
	if r.store.org(objectID(orgID)) == nil {
		return nil, errNotFound("Organization")
	}
	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	out := []*ideaGroupResolver{}
	for _, g := range r.store.ideaGroups {
		if g.organizationID == orgID {
			c := *g
			out = append(out, &ideaGroupResolver{&c})
		}
	}
	return out, nil
}

// hasIdeaGroup reports whether the organization has the group; the caller holds mu.
func (s *store) hasIdeaGroup(orgID, groupID string) bool {
	return slices.ContainsFunc(s.ideaGroups, func(g *ideaGroup) bool {
		return g.id == groupID && g.organizationID == orgID
	})
}

type ideaGroupResolver struct{ g *ideaGroup }

func (r *ideaGroupResolver) ID() graphql.ID { return graphql.ID(r.g.id) }
func (r *ideaGroupResolver) Name() string   { return r.g.name }
func (r *ideaGroupResolver) IsLocked() bool { return r.g.isLocked }
