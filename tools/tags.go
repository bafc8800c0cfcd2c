package tools

import (
	"context"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// Tags by name or id, for create_post and edit_post. Tags belong to an organization and are
// read from Buffer's experimental tagsV2 when a tag is given by name, or for a dry run to
// show names: otherwise ids (24 hex characters) travel as they are, so that a change to
// tagsV2 cannot stop posting with ids.

// tagOut is a tag as results show it.
type tagOut struct {
	ID   string `json:"id" jsonschema:"required"`
	Name string `json:"name" jsonschema:"required"`
}

// maxTagPages bounds the pages of 100 tags read for one organization.
const maxTagPages = 10

// orgTags reads every tag of an organization, 100 a page (the most tagsV2 serves).
func (d *deps) orgTags(ctx context.Context, orgID string) ([]tagOut, error) {
	var out []tagOut
	after := ""
	for range maxTagPages {
		resp, err := client.ListTags(ctx, d.gql, orgID, 100, after)
		if err != nil {
			return nil, err
		}
		for _, e := range resp.TagsV2.Edges {
			out = append(out, tagOut{ID: e.Node.Id, Name: e.Node.Name})
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
func (d *deps) resolveTags(ctx context.Context, orgID string, given []string, show bool) ([]string, []tagOut, error) {
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

func findTag(known []tagOut, given string) (tagOut, bool) {
	for _, k := range known {
		if k.ID == given || k.Name == given {
			return k, true
		}
	}
	var match []tagOut
	for _, k := range known {
		if strings.EqualFold(k.Name, strings.TrimSpace(given)) {
			match = append(match, k)
		}
	}
	if len(match) == 1 {
		return match[0], true
	}
	return tagOut{}, false
}
