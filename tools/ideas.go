package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// ideaWriteHints are create_idea's annotations: it writes and a repeat makes a second idea,
// but an idea stays private to the Buffer account and nothing reaches a social network, so
// unlike create_post it is not open-world.
var ideaWriteHints = hints{readOnly: false, destructive: false, idempotent: false, openWorld: false}

// ideaOut is an idea as list_ideas and create_idea show it. Buffer gives createdAt as Unix
// seconds; it is shown in RFC 3339 like every other time.
type ideaOut struct {
	ID        string         `json:"id" jsonschema:"required"`
	Title     string         `json:"title,omitempty"`
	Text      string         `json:"text,omitempty"`
	Services  []string       `json:"services,omitempty"`
	Date      string         `json:"date,omitempty"`
	Media     []ideaMediaOut `json:"media,omitempty"`
	GroupID   string         `json:"groupId,omitempty"`
	CreatedAt string         `json:"createdAt" jsonschema:"required"`
}

type ideaMediaOut struct {
	Type    string `json:"type" jsonschema:"required"`
	URL     string `json:"url" jsonschema:"required"`
	AltText string `json:"altText,omitempty"`
}

func toIdeaOut(i client.IdeaFields) ideaOut {
	out := ideaOut{
		ID:        i.Id,
		Title:     i.Content.Title,
		Text:      i.Content.Text,
		Date:      bufferUTC(i.Content.Date),
		GroupID:   i.GroupId,
		CreatedAt: time.Unix(int64(i.CreatedAt), 0).UTC().Format(time.RFC3339),
	}
	for _, s := range i.Content.Services {
		out.Services = append(out.Services, string(s))
	}
	for _, m := range i.Content.Media {
		out.Media = append(out.Media, ideaMediaOut{Type: string(m.Type), URL: m.Url, AltText: m.Alt})
	}
	return out
}

type listIdeasArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
	First          *int   `json:"first,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"Default 20."`
	After          string `json:"after,omitempty" jsonschema_description:"Previous page's endCursor."`

	first int // First, or the default page size; resolved by validate
}

func (a *listIdeasArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	var err error
	if a.first, err = pageSize(a.First); err != nil {
		return err
	}
	return nil
}

type listIdeasResult struct {
	Ideas    []ideaOut `json:"ideas"`
	PageInfo *pageInfo `json:"pageInfo,omitempty"`
}

// listIdeas is list_ideas: one page of an organization's ideas.
func listIdeas(d *shared) Tool {
	return newTool(spec[listIdeasArgs, listIdeasResult]{
		name:        "list_ideas",
		title:       "List ideas",
		description: "List ideas saved for later posts.",
		hints:       readHints,
		handle: func(ctx context.Context, args *listIdeasArgs) (*listIdeasResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			resp, err := client.ListIdeas(ctx, d.gql, orgID, args.first, args.After)
			if err != nil {
				return nil, err
			}
			out := &listIdeasResult{
				Ideas:    make([]ideaOut, 0, len(resp.Ideas.Edges)),
				PageInfo: &pageInfo{HasNextPage: resp.Ideas.PageInfo.HasNextPage, EndCursor: resp.Ideas.PageInfo.EndCursor},
			}
			for _, e := range resp.Ideas.Edges {
				out.Ideas = append(out.Ideas, toIdeaOut(e.Node.IdeaFields))
			}
			return out, nil
		},
	}, d)
}

type createIdeaArgs struct {
	OrganizationID string   `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
	Title          string   `json:"title,omitempty" jsonschema_description:"Headline."`
	Text           string   `json:"text,omitempty" jsonschema_description:"Give title, text or both."`
	Services       []string `json:"services,omitempty" jsonschema_description:"Networks, e.g. instagram."`
	Date           string   `json:"date,omitempty" jsonschema_description:"Planned day, RFC 3339."`
	Group          string   `json:"group,omitempty" jsonschema_description:"Id or name (list_idea_groups)."`
}

func (a *createIdeaArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Text) == "" {
		return invalidArg("text", "is empty and so is title: an idea needs one or the other")
	}
	services := make([]string, len(client.AllService))
	for i, s := range client.AllService {
		services[i] = string(s)
	}
	for i, s := range a.Services {
		if err := checkEnum(fmt.Sprintf("services[%d]", i), s, services...); err != nil {
			return err
		}
	}
	if a.Group != "" {
		if a.Group = strings.TrimSpace(a.Group); a.Group == "" {
			return invalidArg("group", "is blank: give a group's id or name (list_idea_groups gives them), or leave it out")
		}
	}
	if a.Date != "" {
		t, err := parseTime("date", a.Date)
		if err != nil {
			return err
		}
		a.Date = t.UTC().Format(time.RFC3339)
	}
	return nil
}

type createIdeaResult struct {
	Idea *ideaOut `json:"idea,omitempty"`
}

// createIdea is create_idea: save one idea. Like createPost it is never retried.
func createIdea(d *shared) Tool {
	return newTool(spec[createIdeaArgs, createIdeaResult]{
		name:        "create_idea",
		title:       "Create idea",
		description: "Save an idea for later; create_post schedules posts.",
		hints:       ideaWriteHints,
		handle: func(ctx context.Context, args *createIdeaArgs) (*createIdeaResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			content := client.IdeaContentInput{Title: args.Title, Text: args.Text, Date: args.Date}
			for _, s := range args.Services {
				content.Services = append(content.Services, client.Service(s))
			}
			input := client.CreateIdeaInput{OrganizationId: orgID, Content: content}
			if args.Group != "" {
				groupID, err := d.ideaGroupID(ctx, orgID, args.Group)
				if err != nil {
					return nil, err
				}
				input.Group = &client.IdeaGroupInput{GroupId: groupID}
			}
			resp, err := client.CreateIdea(ctx, d.gql, input)
			if err != nil {
				return nil, ideaOutcomeUnknown(err)
			}
			var idea client.IdeaFields
			switch p := resp.CreateIdea.(type) {
			case *client.CreateIdeaCreateIdea:
				idea = p.IdeaFields
			case *client.CreateIdeaCreateIdeaIdeaResponse:
				idea = p.Idea.IdeaFields
			case client.MutationError:
				return nil, client.FromMutationError(p)
			default:
				return nil, fmt.Errorf("createIdea answered %T", p)
			}
			if idea.Id == "" {
				// Buffer said yes but not to what: the idea likely exists, so never retry blindly.
				return nil, &client.Error{Type: client.TypeOutcomeUnknown, Message: "Buffer accepted the idea but its answer " +
					"did not say which idea it created. Do not simply retry: check with list_ideas first."}
			}
			out := toIdeaOut(idea)
			return &createIdeaResult{Idea: &out}, nil
		},
	}, d)
}

// ideaOutcomeUnknown points an OutcomeUnknown from the client, whose advice is about posts,
// at list_ideas instead.
func ideaOutcomeUnknown(err error) error {
	return outcomeUnknownAdvice(err, "first check with list_ideas whether the idea exists.")
}

// outcomeUnknownAdvice replaces the client's advice after an OutcomeUnknown, which is
// about creating posts, with what to check for another change.
func outcomeUnknownAdvice(err error, check string) error {
	var ce *client.Error
	if errors.As(err, &ce) && ce.Type == client.TypeOutcomeUnknown {
		what, _, _ := strings.Cut(ce.Message, " Do not simply retry")
		ce.Message = what + " Do not simply retry: " + check
	}
	return err
}
