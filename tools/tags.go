package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// Tags: list_tags, and tags by name or id for create_post and edit_post. Tags belong to an
// organization and are read from Buffer's experimental tagsV2 when a tag is given by name,
// or for a dry run to show names: otherwise ids (24 hex characters) travel as they are, so
// that a change to tagsV2 cannot stop posting with ids.

// tagOut is a tag as post results show it.
type tagOut struct {
	ID   string `json:"id" jsonschema:"required"`
	Name string `json:"name" jsonschema:"required"`
}

type listTagsArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
}

func (a *listTagsArgs) validate() error {
	if a.OrganizationID != "" {
		return checkID("organizationId", a.OrganizationID)
	}
	return nil
}

type listTagsResult struct {
	Tags []tagItem `json:"tags"`
}

// tagItem is a tag as list_tags shows it.
type tagItem struct {
	ID    string `json:"id" jsonschema:"required"`
	Name  string `json:"name" jsonschema:"required"`
	Color string `json:"color,omitempty"`
}

// listTags is list_tags.
func listTags(d *shared) Tool {
	return newTool(spec[listTagsArgs, listTagsResult]{
		name:        "list_tags",
		title:       "List tags",
		description: "The organization's tags, for create_post. Experimental in Buffer.",
		hints:       readHints,
		handle: func(ctx context.Context, args *listTagsArgs) (*listTagsResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			tags, err := d.orgTags(ctx, orgID)
			if err != nil {
				return nil, err
			}
			return &listTagsResult{Tags: tags}, nil
		},
	}, d)
}

// maxTagPages bounds the pages of 100 tags read for one organization.
const maxTagPages = 10

// orgTags reads every tag of an organization, 100 a page (the most tagsV2 serves). tagsV2
// is experimental: when Buffer no longer takes the query, the error says so.
func (d *shared) orgTags(ctx context.Context, orgID string) ([]tagItem, error) {
	out := []tagItem{}
	after := ""
	for range maxTagPages {
		resp, err := client.ListTags(ctx, d.gql, orgID, 100, after)
		var ce *client.Error
		if errors.As(err, &ce) && ce.SchemaChanged {
			ce.Message = "Buffer's tags (tagsV2, experimental) have changed or are gone, so tags cannot be read by " +
				"this buffer-mcp; tag posts by id meanwhile. " + ce.Message
		}
		if err != nil {
			return nil, err
		}
		for _, e := range resp.TagsV2.Edges {
			out = append(out, tagItem{ID: e.Node.Id, Name: e.Node.Name, Color: e.Node.Color})
		}
		if !resp.TagsV2.PageInfo.HasNextPage || resp.TagsV2.PageInfo.EndCursor == "" {
			break
		}
		after = resp.TagsV2.PageInfo.EndCursor
	}
	return out, nil
}

// resolveTags turns the tags given (names or ids) into the organization's tag ids, and the
// tags as a dry run shows them. It reads the organization's tags when a name is given or
// show is set; a name matches exactly, or else regardless of case, and an unknown name (or
// id, once the tags are read) is InvalidArguments listing the known ones.
func (d *shared) resolveTags(ctx context.Context, orgID string, given []string, show bool) ([]string, []tagOut, error) {
	needLookup := show
	for _, t := range given {
		needLookup = needLookup || checkID("", t) != nil
	}
	ids := make([]string, len(given))
	shown := make([]tagOut, len(given))
	if !needLookup {
		for i, t := range given {
			ids[i], shown[i] = t, tagOut{ID: t}
		}
		return ids, shown, nil
	}
	known, err := d.orgTags(ctx, orgID)
	if err != nil {
		return nil, nil, err
	}
	for i, t := range given {
		tag, ok := findTag(known, t)
		if !ok {
			names := make([]string, len(known))
			for j, k := range known {
				names[j] = k.Name
			}
			if len(names) == 0 {
				return nil, nil, invalidArg(fmt.Sprintf("tags[%d]", i), "%q: the organization has no tags; make them in Buffer first", t)
			}
			return nil, nil, invalidArg(fmt.Sprintf("tags[%d]", i), "%q is not a tag of the organization; its tags: %s", t, strings.Join(names, ", "))
		}
		ids[i], shown[i] = tag.ID, tag
	}
	return ids, shown, nil
}

func findTag(known []tagItem, given string) (tagOut, bool) {
	for _, k := range known {
		if k.ID == given || k.Name == given {
			return tagOut{ID: k.ID, Name: k.Name}, true
		}
	}
	var match []tagItem
	for _, k := range known {
		if strings.EqualFold(k.Name, strings.TrimSpace(given)) {
			match = append(match, k)
		}
	}
	if len(match) == 1 {
		return tagOut{ID: match[0].ID, Name: match[0].Name}, true
	}
	return tagOut{}, false
}
