package tools

import (
	"context"
	"fmt"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// editPostArgs uses pointers so that an argument left out is told apart from an empty one:
// only what is given is sent, and Buffer keeps the rest.
type editPostArgs struct {
	PostID         string      `json:"postId" jsonschema:"required" jsonschema_description:"From list_posts."`
	Text           *string     `json:"text,omitempty" jsonschema_description:"New text."`
	DueAt          *string     `json:"dueAt,omitempty" jsonschema_description:"See create_post."`
	Mode           *string     `json:"mode,omitempty" jsonschema:"enum=addToQueue,enum=shareNext,enum=shareNow,enum=customScheduled" jsonschema_description:"See create_post."`
	SchedulingType *string     `json:"schedulingType,omitempty" jsonschema:"enum=automatic,enum=notification" jsonschema_description:"See create_post."`
	Assets         *[]assetArg `json:"assets,omitempty" jsonschema_description:"Replaces all media ([] removes it); type, url, altText, title, thumbnailUrl as in create_post."`
	SaveToDraft    *bool       `json:"saveToDraft,omitempty" jsonschema_description:"true: move to drafts."`
	postOptions
	Approval          string `json:"approval,omitempty" jsonschema:"enum=request,enum=revert" jsonschema_description:"request approval of a draft, or revert to draft."`
	ConfirmPublishNow bool   `json:"confirmPublishNow,omitempty" jsonschema_description:"Only after the person confirmed shareNow."`

	sched schedule
}

// schemaDescriptions are edit_post's own words for the options it shares with create_post
// (postOptions, whose tags are create_post's): a model reads both tools, so each points to
// create_post's rather than saying it again. The schema generator puts them in the schema.
func (editPostArgs) schemaDescriptions() map[string]string {
	const same = "See create_post."
	return map[string]string{
		"postType":       same,
		"shareToFeed":    same,
		"firstComment":   same,
		"title":          same,
		"link":           same,
		"board":          same,
		"thread":         "See create_post: text, assets.",
		"youtube":        "See create_post: categoryId, privacy, madeForKids, notifySubscribers.",
		"googleBusiness": "See create_post: type, title, start, end, couponCode, terms, button, buttonLink.",
		"contentWarning": same,
		"tags":           same,
	}
}

func (a *editPostArgs) validate() error {
	if err := checkID("postId", a.PostID); err != nil {
		return err
	}
	if a.Text == nil && a.DueAt == nil && a.Mode == nil && a.SchedulingType == nil && a.Assets == nil && a.SaveToDraft == nil &&
		len(a.given()) == 0 && a.Tags == nil && a.Approval == "" {
		return invalidArg("postId", "nothing to change: give at least one of text, dueAt, mode, schedulingType, assets, saveToDraft, "+
			"an option (postType, firstComment, title, link, board, thread, tags, ...) or approval")
	}
	if err := a.postOptions.validate(); err != nil {
		return err
	}
	if a.Thread != nil {
		text, err := a.reconcileText(deref(a.Text))
		if err != nil {
			return err
		}
		a.Text = &text
	}
	if a.Approval != "" {
		if err := checkEnum("approval", a.Approval, approvalChanges...); err != nil {
			return err
		}
	}
	if a.Text != nil {
		// Without assets given, the post keeps its own, which may make it: only an empty
		// assets list leaves the text alone to carry it.
		if err := checkText("text", *a.Text, a.Assets == nil || len(*a.Assets) > 0); err != nil {
			return err
		}
	}
	if a.Assets != nil {
		if err := validateAssets("assets", *a.Assets); err != nil {
			return err
		}
	}
	if a.SchedulingType != nil {
		if err := checkEnum("schedulingType", *a.SchedulingType, schedulingTypes...); err != nil {
			return err
		}
	}
	sched, err := resolveSchedule(deref(a.Mode), deref(a.DueAt))
	if err != nil {
		return err
	}
	if sched.mode == "shareNow" && a.SaveToDraft != nil && *a.SaveToDraft {
		return invalidArg("saveToDraft", "cannot be combined with mode shareNow")
	}
	a.sched = sched
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

type editPostResult struct {
	Post *postDetail `json:"post,omitempty"`
	Note string      `json:"note,omitempty"` // a daylight-saving edge of dueAt, options the network ignored
}

// readPostDueAt reads a new dueAt for a post in its channel's timezone. An RFC 3339 time in
// the future needs no timezone; anything else (local or natural time, or a time in the past
// to be shown as the person would read it) costs the read of the post.
func (d *shared) readPostDueAt(dueAt string, post func() (*client.PostDetail, error)) (time.Time, string, error) {
	if t, ok := dueat.ParseRFC3339(dueAt); ok && t.After(d.now()) {
		return t, "", nil
	}
	p, err := post()
	if err != nil {
		return time.Time{}, "", err
	}
	tz := p.Channel.Timezone
	r, err := readDueAt(dueAt, d.now(), tz)
	if err != nil {
		return time.Time{}, "", err
	}
	return r.Time, r.Note, checkFuture(r.Time, d.now(), tz)
}

// editPost is edit_post: change a post's text, media or schedule, leaving the rest alone.
func editPost(d *shared) Tool {
	return newTool(spec[editPostArgs, editPostResult]{
		name:        "edit_post",
		title:       "Edit post",
		description: "Change a post not yet sent (from list_posts); only what is given changes.",
		hints:       writeHints,
		confirm:     d.confirmEditPost, // shareNow: ask the person first (confirm.go)
		handle: func(ctx context.Context, args *editPostArgs) (*editPostResult, error) {
			// The post is read at most once, and only when the edit needs it: for its
			// channel's timezone, or for its network and options as they are.
			var post *client.PostDetail
			read := func() (*client.PostDetail, error) {
				if post != nil {
					return post, nil
				}
				resp, err := client.GetPost(ctx, d.gql, args.PostID)
				if err != nil {
					return nil, postNotFound(err, args.PostID)
				}
				if resp.Post.Id == "" {
					return nil, incomplete("sent no post for that id")
				}
				post = &resp.Post.PostDetail
				return post, nil
			}
			var due time.Time
			var note string
			if args.sched.dueAt != "" {
				var err error
				if due, note, err = d.readPostDueAt(args.sched.dueAt, read); err != nil {
					return nil, err
				}
			}
			input := args.input(due)
			if err := d.editOptions(ctx, args, &input, read, &note); err != nil {
				return nil, err
			}
			resp, err := client.EditPost(ctx, d.gql, input)
			if err != nil {
				return nil, postNotFound(err, args.PostID)
			}
			switch p := resp.EditPost.(type) {
			case *client.EditPostEditPostPostActionSuccess:
				if p.Post.Id == "" {
					// Buffer said yes but not to what: the change may be applied, so never retry blindly.
					return nil, &client.Error{Type: client.TypeOutcomeUnknown, Message: "Buffer accepted the change but its answer " +
						"did not say which post it changed. Do not simply retry: check the post with get_post first."}
				}
				return &editPostResult{Post: toPostDetail(p.Post.PostDetail), Note: note}, nil
			case client.MutationError:
				return nil, postNotFound(client.FromMutationError(p), args.PostID)
			default:
				return nil, fmt.Errorf("editPost answered %T", p)
			}
		},
	}, d)
}

// input is the editPost input with only the given fields set; due is the new dueAt, read.
func (a *editPostArgs) input(due time.Time) client.EditPostInput {
	in := client.EditPostInput{Id: a.PostID, Text: a.Text, SaveToDraft: a.SaveToDraft}
	if a.sched.mode != "" {
		mode := client.ShareMode(a.sched.mode)
		in.Mode = &mode
	}
	if !due.IsZero() {
		v := formatUTC(due)
		in.DueAt = &v
	}
	if a.SchedulingType != nil {
		st := client.SchedulingType(*a.SchedulingType)
		in.SchedulingType = &st
	}
	if a.Assets != nil {
		in.Assets = toAssetInputs(*a.Assets) // non-nil even when empty: [] removes the media
	}
	if a.Tags != nil {
		in.TagIds = a.Tags // ids; names are resolved by editOptions. [] removes the tags
	}
	if a.Approval != "" {
		in.ApprovalChange = &a.Approval
	}
	return in
}

// editOptions adds the network options and the tags to an edit. They need the post (its
// network, its options as they are, its organization) unless the edit gives no option and
// only tag ids. The post's own network gets what was given; what it ignores is noted.
func (d *shared) editOptions(ctx context.Context, a *editPostArgs, in *client.EditPostInput,
	read func() (*client.PostDetail, error), note *string) error {
	tagNames := false
	for _, t := range a.Tags {
		tagNames = tagNames || checkID("", t) != nil
	}
	if len(a.given()) == 0 && !tagNames {
		return nil
	}
	p, err := read()
	if err != nil {
		return err
	}
	ch, err := d.channel(ctx, p.ChannelId)
	if err != nil {
		return err
	}
	m := mediaOfPost(p.Assets)
	if a.Assets != nil {
		m = mediaOf(*a.Assets)
	}
	plan, err := a.plan(&ch, m, &p.Options)
	if err != nil {
		return err
	}
	in.Metadata = plan.meta
	*note = notes(*note, plan.note(string(ch.Service)))
	if tagNames {
		if in.TagIds, _, err = d.resolveTags(ctx, ch.OrganizationId, a.Tags, false); err != nil {
			return err
		}
	}
	return nil
}
