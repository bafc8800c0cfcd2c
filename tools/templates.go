package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// Post templates: texts kept in Buffer to start posts from. Buffer marks them Preview, so
// each description says so: they may change without notice.

// templateWriteHints are create_post_template's annotations: a template is private to the
// organization (not open-world) and a repeat makes a second one.
var templateWriteHints = hints{readOnly: false, destructive: false, idempotent: false, openWorld: false}

// templateUpdateHints are update_post_template's: the same change twice leaves the same
// template.
var templateUpdateHints = hints{readOnly: false, destructive: false, idempotent: true, openWorld: false}

// templateOut is a template as the tools show it.
type templateOut struct {
	ID          string `json:"id" jsonschema:"required"`
	Title       string `json:"title" jsonschema:"required"`
	Body        string `json:"body" jsonschema:"required"`
	Description string `json:"description,omitempty"`
	Emoji       string `json:"emoji,omitempty"`
	Visibility  string `json:"visibility" jsonschema:"required"`
	UpdatedAt   string `json:"updatedAt,omitempty"`
}

func toTemplateOut(t client.PostTemplateFields) *templateOut {
	return &templateOut{ID: t.Id, Title: t.Title, Body: t.Body, Description: t.Description, Emoji: t.Emoji,
		Visibility: string(t.Visibility), UpdatedAt: bufferUTC(t.UpdatedAt)}
}

// templateResult is the answer of the tools that give one template.
type templateResult struct {
	Template *templateOut `json:"template,omitempty"`
}

// templateVisibilities are the visibilities the API lets a template have: Buffer refuses
// public.
var templateVisibilities = []string{"private", "internal"}

type listTemplatesArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
	First          *int   `json:"first,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"Default 20."`
	After          string `json:"after,omitempty" jsonschema_description:"Previous page's endCursor."`

	first int // First, or the default page size; resolved by validate
}

func (a *listTemplatesArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	var err error
	a.first, err = pageSize(a.First)
	return err
}

type listTemplatesResult struct {
	Templates  []templateOut `json:"templates"`
	TotalCount int           `json:"totalCount,omitempty"`
	PageInfo   *pageInfo     `json:"pageInfo,omitempty"`
}

// listPostTemplates is list_post_templates.
func listPostTemplates(d *shared) Tool {
	return newTool(spec[listTemplatesArgs, listTemplatesResult]{
		name:        "list_post_templates",
		title:       "List post templates",
		description: "List the organization's post templates, to start posts from. Preview in Buffer's API.",
		hints:       readHints,
		handle: func(ctx context.Context, args *listTemplatesArgs) (*listTemplatesResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			resp, err := client.ListPostTemplates(ctx, d.gql, client.PostTemplatesInput{OrganizationId: orgID}, args.first, args.After)
			if err != nil {
				return nil, err
			}
			conn := resp.PostTemplates
			out := &listTemplatesResult{
				Templates:  make([]templateOut, 0, len(conn.Edges)),
				TotalCount: conn.TotalCount,
				PageInfo:   &pageInfo{HasNextPage: conn.PageInfo.HasNextPage, EndCursor: conn.PageInfo.EndCursor},
			}
			for _, e := range conn.Edges {
				out.Templates = append(out.Templates, *toTemplateOut(e.Node))
			}
			return out, nil
		},
	}, d)
}

type templateIDArgs struct {
	TemplateID string `json:"templateId" jsonschema:"required" jsonschema_description:"From list_post_templates."`
}

func (a *templateIDArgs) validate() error { return checkID("templateId", a.TemplateID) }

// getPostTemplate is get_post_template.
func getPostTemplate(d *shared) Tool {
	return newTool(spec[templateIDArgs, templateResult]{
		name:        "get_post_template",
		title:       "Get post template",
		description: "One post template. Preview in Buffer's API.",
		hints:       readHints,
		handle: func(ctx context.Context, args *templateIDArgs) (*templateResult, error) {
			resp, err := client.GetPostTemplate(ctx, d.gql, args.TemplateID)
			if err != nil {
				return nil, templateNotFound(err, args.TemplateID)
			}
			if resp.PostTemplate == nil {
				return nil, templateNotFound(&client.Error{Type: client.TypeNotFound, Message: "Buffer has no such template"}, args.TemplateID)
			}
			return &templateResult{Template: toTemplateOut(resp.PostTemplate.PostTemplateFields)}, nil
		},
	}, d)
}

type createTemplateArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
	Title          string `json:"title" jsonschema:"required" jsonschema_description:"Its name."`
	Body           string `json:"body" jsonschema:"required" jsonschema_description:"The text posts start from."`
	Description    string `json:"description,omitempty" jsonschema_description:"When to use it."`
	Emoji          string `json:"emoji,omitempty" jsonschema_description:"One emoji shown with it."`
	Visibility     string `json:"visibility,omitempty" jsonschema:"enum=private,enum=internal" jsonschema_description:"private (you) or internal (organization)."`
}

func (a *createTemplateArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	if err := checkNotBlank("title", a.Title); err != nil {
		return err
	}
	if err := checkNotBlank("body", a.Body); err != nil {
		return err
	}
	return checkVisibility(a.Visibility)
}

// createPostTemplate is create_post_template. Like every change it is never retried.
func createPostTemplate(d *shared) Tool {
	return newTool(spec[createTemplateArgs, templateResult]{
		name:        "create_post_template",
		title:       "Create post template",
		description: "Save a post template. Preview in Buffer's API.",
		hints:       templateWriteHints,
		handle: func(ctx context.Context, args *createTemplateArgs) (*templateResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			resp, err := client.CreatePostTemplate(ctx, d.gql, client.CreatePostTemplateInput{
				OrganizationId: orgID, Title: args.Title, Body: args.Body, Description: args.Description,
				Emoji: args.Emoji, Visibility: client.PostTemplateVisibility(args.Visibility),
			})
			if err != nil {
				return nil, outcomeUnknownAdvice(err, "first check with list_post_templates whether the template exists.")
			}
			switch p := resp.CreatePostTemplate.(type) {
			case *client.CreatePostTemplateCreatePostTemplateCreatePostTemplateSuccess:
				if p.PostTemplate.Id == "" {
					return nil, incomplete("accepted the template but did not send it back; list_post_templates shows it")
				}
				return &templateResult{Template: toTemplateOut(p.PostTemplate.PostTemplateFields)}, nil
			case client.MutationError:
				return nil, client.FromMutationError(p)
			default:
				return nil, fmt.Errorf("createPostTemplate answered %T", p)
			}
		},
	}, d)
}

type updateTemplateArgs struct {
	TemplateID  string  `json:"templateId" jsonschema:"required" jsonschema_description:"From list_post_templates."`
	Title       *string `json:"title,omitempty" jsonschema_description:"New name."`
	Body        *string `json:"body,omitempty" jsonschema_description:"New text."`
	Description *string `json:"description,omitempty" jsonschema_description:"New description; \"\" removes it."`
	Emoji       *string `json:"emoji,omitempty" jsonschema_description:"New emoji; \"\" removes it."`
	Visibility  string  `json:"visibility,omitempty" jsonschema:"enum=private,enum=internal" jsonschema_description:"private (you) or internal (organization)."`
}

func (a *updateTemplateArgs) validate() error {
	if err := checkID("templateId", a.TemplateID); err != nil {
		return err
	}
	if a.Title == nil && a.Body == nil && a.Description == nil && a.Emoji == nil && a.Visibility == "" {
		return invalidArg("templateId", "nothing to change: give title, body, description, emoji or visibility")
	}
	if a.Title != nil {
		if err := checkNotBlank("title", *a.Title); err != nil {
			return err
		}
	}
	if a.Body != nil {
		if err := checkNotBlank("body", *a.Body); err != nil {
			return err
		}
	}
	return checkVisibility(a.Visibility)
}

// updatePostTemplate is update_post_template: what is left out stays as it is.
func updatePostTemplate(d *shared) Tool {
	return newTool(spec[updateTemplateArgs, templateResult]{
		name:        "update_post_template",
		title:       "Update post template",
		description: "Change a post template; what is left out stays. Preview in Buffer's API.",
		hints:       templateUpdateHints,
		handle: func(ctx context.Context, args *updateTemplateArgs) (*templateResult, error) {
			resp, err := client.UpdatePostTemplate(ctx, d.gql, client.UpdatePostTemplateInput{
				Id: args.TemplateID, Title: args.Title, Body: args.Body, Description: args.Description,
				Emoji: args.Emoji, Visibility: client.PostTemplateVisibility(args.Visibility),
			})
			if err != nil {
				return nil, outcomeUnknownAdvice(templateNotFound(err, args.TemplateID),
					"first check with get_post_template whether the change was made.")
			}
			switch p := resp.UpdatePostTemplate.(type) {
			case *client.UpdatePostTemplateUpdatePostTemplateUpdatePostTemplateSuccess:
				if p.PostTemplate.Id == "" {
					return nil, incomplete("accepted the change but did not send the template back; get_post_template shows it")
				}
				return &templateResult{Template: toTemplateOut(p.PostTemplate.PostTemplateFields)}, nil
			case client.MutationError:
				return nil, client.FromMutationError(p)
			default:
				return nil, fmt.Errorf("updatePostTemplate answered %T", p)
			}
		},
	}, d)
}

type deleteTemplateResult struct {
	Deleted *deletedTemplate `json:"deleted,omitempty"`
}

type deletedTemplate struct {
	TemplateID string `json:"templateId" jsonschema:"required"`
}

// deletePostTemplate is delete_post_template.
func deletePostTemplate(d *shared) Tool {
	return newTool(spec[templateIDArgs, deleteTemplateResult]{
		name:        "delete_post_template",
		title:       "Delete post template",
		description: "Delete a post template for good. Preview in Buffer's API.",
		hints:       deleteHints,
		handle: func(ctx context.Context, args *templateIDArgs) (*deleteTemplateResult, error) {
			resp, err := client.DeletePostTemplate(ctx, d.gql, args.TemplateID)
			if err != nil {
				return nil, outcomeUnknownAdvice(templateNotFound(err, args.TemplateID),
					"first check with get_post_template whether the template is gone.")
			}
			switch p := resp.DeletePostTemplate.(type) {
			case *client.DeletePostTemplateDeletePostTemplateEmptySuccess:
				return &deleteTemplateResult{Deleted: &deletedTemplate{TemplateID: args.TemplateID}}, nil
			case client.MutationError:
				return nil, templateNotFound(client.FromMutationError(p), args.TemplateID)
			default:
				return nil, fmt.Errorf("deletePostTemplate answered %T", p)
			}
		},
	}, d)
}

// templateNotFound makes Buffer's "not found" for a template id say what to do.
func templateNotFound(err error, id string) error {
	var ce *client.Error
	if errors.As(err, &ce) && (ce.Type == client.TypeNotFound || ce.Type == "NotFoundError") {
		ce.Message = fmt.Sprintf("no template %s: it may have been deleted, or the id is wrong (list_post_templates gives ids). Buffer said: %s", id, ce.Message)
	}
	return err
}

// checkVisibility refuses a visibility the API does not let a template have.
func checkVisibility(v string) error {
	if v == "" {
		return nil
	}
	if v == "public" {
		return invalidArg("visibility", "public templates cannot be made through Buffer's API: use private or internal")
	}
	return checkEnum("visibility", v, templateVisibilities...)
}

// checkNotBlank refuses a blank required text.
func checkNotBlank(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalidArg(field, "is empty")
	}
	return nil
}
