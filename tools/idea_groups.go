package tools

import (
	"context"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// Idea groups: the columns of an organization's ideas board.

type listIdeaGroupsArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
}

func (a *listIdeaGroupsArgs) validate() error {
	if a.OrganizationID != "" {
		return checkID("organizationId", a.OrganizationID)
	}
	return nil
}

type listIdeaGroupsResult struct {
	Groups []ideaGroupOut `json:"groups"`
}

type ideaGroupOut struct {
	ID   string `json:"id" jsonschema:"required"`
	Name string `json:"name" jsonschema:"required"`
}

// listIdeaGroups is list_idea_groups.
func listIdeaGroups(d *shared) Tool {
	return newTool(spec[listIdeaGroupsArgs, listIdeaGroupsResult]{
		name:        "list_idea_groups",
		title:       "List idea groups",
		description: "Idea groups (board columns), for create_idea.",
		hints:       readHints,
		handle: func(ctx context.Context, args *listIdeaGroupsArgs) (*listIdeaGroupsResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			groups, err := d.ideaGroups(ctx, orgID)
			if err != nil {
				return nil, err
			}
			out := &listIdeaGroupsResult{Groups: make([]ideaGroupOut, 0, len(groups))}
			for _, g := range groups {
				out.Groups = append(out.Groups, ideaGroupOut{ID: g.Id, Name: g.Name})
			}
			return out, nil
		},
	}, d)
}

// ideaGroups reads an organization's idea groups (they are not cached: a person may add
// one in Buffer between two calls).
func (d *shared) ideaGroups(ctx context.Context, orgID string) ([]client.ListIdeaGroupsIdeaGroupsIdeaGroup, error) {
	resp, err := client.ListIdeaGroups(ctx, d.gql, orgID)
	if err != nil {
		return nil, err
	}
	return resp.IdeaGroups, nil
}

// ideaGroupID resolves create_idea's group: an id is taken as it is (Buffer refuses one it
// does not know), a name is looked up among the organization's groups without regard to
// case. A name that matches no group, or several, is InvalidArguments listing the groups.
func (d *shared) ideaGroupID(ctx context.Context, orgID, group string) (string, error) {
	if checkID("group", group) == nil {
		return group, nil
	}
	groups, err := d.ideaGroups(ctx, orgID)
	if err != nil {
		return "", err
	}
	var matches []string
	for _, g := range groups {
		if strings.EqualFold(strings.TrimSpace(g.Name), strings.TrimSpace(group)) {
			matches = append(matches, g.Id)
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	all := make([]string, 0, len(groups))
	for _, g := range groups {
		all = append(all, fmt.Sprintf("%q (%s)", g.Name, g.Id))
	}
	if len(matches) > 1 {
		return "", invalidArg("group", "%d groups are named %q: pass one's id instead: %s", len(matches), group, strings.Join(all, ", "))
	}
	if len(all) == 0 {
		return "", invalidArg("group", "no group is named %q: this organization has no idea groups", group)
	}
	return "", invalidArg("group", "no group is named %q; the groups are %s", group, strings.Join(all, ", "))
}
