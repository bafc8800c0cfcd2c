package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
)

type createPostArgs struct {
	ChannelID      string     `json:"channelId,omitempty" jsonschema_description:"From list_channels; or channelIds."`
	ChannelIDs     []string   `json:"channelIds,omitempty" jsonschema_description:"One post on each."`
	Text           string     `json:"text,omitempty" jsonschema_description:"Post text."`
	Mode           string     `json:"mode,omitempty" jsonschema:"enum=addToQueue,enum=shareNext,enum=shareNow,enum=customScheduled" jsonschema_description:"Default addToQueue; shareNext: queue front; shareNow: at once."`
	DueAt          string     `json:"dueAt,omitempty" jsonschema_description:"The person's words (tomorrow 9am, in 2 hours, Friday 17:30 PST) or a date-time, in each channel's timezone unless named. Implies customScheduled. Pass the words; do not compute dates."`
	SchedulingType string     `json:"schedulingType,omitempty" jsonschema:"enum=automatic,enum=notification" jsonschema_description:"notification: remind instead of publishing."`
	SaveToDraft    bool       `json:"saveToDraft,omitempty" jsonschema_description:"A draft; never publishes."`
	Assets         []assetArg `json:"assets,omitempty" jsonschema_description:"type, public url; altText for images; document (LinkedIn PDF): title, thumbnailUrl required."`
	postOptions
	NeedsApproval     bool   `json:"needsApproval,omitempty" jsonschema_description:"Submit for approval."`
	IdeaID            string `json:"ideaId,omitempty" jsonschema_description:"From list_ideas."`
	DryRun            bool   `json:"dryRun,omitempty" jsonschema_description:"Preview; create nothing."`
	ConfirmPublishNow bool   `json:"confirmPublishNow,omitempty" jsonschema_description:"Only after the person confirmed shareNow."`

	sched schedule // resolved by validate
}

func (a *createPostArgs) validate() error {
	switch {
	case a.ChannelID != "" && len(a.ChannelIDs) > 0:
		return invalidArg("channelId", "give channelId or channelIds, not both")
	case a.ChannelID == "" && len(a.ChannelIDs) == 0:
		return invalidArg("channelId", "is required (or channelIds); list_channels gives the ids")
	case a.ChannelID != "":
		if err := checkID("channelId", a.ChannelID); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for i, id := range a.ChannelIDs {
		f := fmt.Sprintf("channelIds[%d]", i)
		if err := checkID(f, id); err != nil {
			return err
		}
		if seen[id] {
			return invalidArg(f, "repeats channel %s: that would post twice", id)
		}
		seen[id] = true
	}
	if err := a.postOptions.validate(); err != nil {
		return err
	}
	var err error
	if a.Text, err = a.reconcileText(a.Text); err != nil {
		return err
	}
	if a.Assets == nil {
		a.Assets = a.threadAssets() // the thread's first post is the post
	}
	if err := checkText("text", a.Text, len(a.Assets) > 0); err != nil {
		return err
	}
	if err := validateAssets("assets", a.Assets); err != nil {
		return err
	}
	if a.IdeaID != "" {
		if err := checkID("ideaId", a.IdeaID); err != nil {
			return err
		}
	}
	if a.SchedulingType == "" {
		a.SchedulingType = "automatic"
	}
	if err := checkEnum("schedulingType", a.SchedulingType, schedulingTypes...); err != nil {
		return err
	}
	sched, err := resolveSchedule(a.Mode, a.DueAt)
	if err != nil {
		return err
	}
	if sched.mode == "" {
		sched.mode = "addToQueue"
	}
	if sched.mode == "shareNow" && a.SaveToDraft {
		return invalidArg("saveToDraft", "cannot be combined with mode shareNow")
	}
	if sched.mode == "shareNow" && a.NeedsApproval {
		return invalidArg("needsApproval", "cannot be combined with mode shareNow: a post awaiting approval is not published")
	}
	a.sched = sched
	return nil
}

func (a *createPostArgs) channelIDs() []string {
	if a.ChannelID != "" {
		return []string{a.ChannelID}
	}
	return a.ChannelIDs
}

type createPostResult struct {
	DryRun bool            `json:"dryRun,omitempty"`
	Posts  []createdPost   `json:"posts"`
	Failed []failedChannel `json:"failed,omitempty"`
	Error  *ErrorInfo      `json:"error,omitempty"` // only when no post was created

	attempted int
}

type createdPost struct {
	ID         string `json:"id,omitempty"`
	ChannelID  string `json:"channelId" jsonschema:"required"`
	Status     string `json:"status" jsonschema:"required"`
	Text       string `json:"text" jsonschema:"required"`
	DueAt      string `json:"dueAt,omitempty"`
	DueAtLocal string `json:"dueAtLocal,omitempty"`
	Timezone   string `json:"timezone" jsonschema:"required"`
	PostType   string `json:"postType,omitempty"`
	optionsOut
	Tags     []tagOut                  `json:"tags,omitempty"`
	Metadata *client.PostInputMetaData `json:"metadata,omitempty" jsonschema_description:"Dry run: the metadata this channel would get, as Buffer's PostInputMetaData."`
	Note     string                    `json:"note,omitempty"` // a daylight-saving edge, options ignored, defaults
}

// target is one channel a post goes to, with dueAt read in its timezone, and what its
// network makes of the options.
type target struct {
	ch    *client.ChannelFields
	dueAt time.Time
	note  string
	plan  *networkPlan
	tags  []string // tag ids
	shown []tagOut // the tags as a dry run shows them
}

// notes joins the notes of a post, skipping empty ones.
func notes(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}

type failedChannel struct {
	ChannelID string    `json:"channelId" jsonschema:"required"`
	Error     ErrorInfo `json:"error" jsonschema:"required"`
}

// summary is the first line of the text content; the result is an error when no post was
// (or, in a dry run, could be) created, which is also when r.Error is set.
func (r *createPostResult) summary() (string, bool) {
	line := fmt.Sprintf("Created %d of %d posts", len(r.Posts), r.attempted)
	if r.DryRun {
		line = fmt.Sprintf("Dry run: %d of %d posts would be created; nothing was sent", len(r.Posts), r.attempted)
	}
	if len(r.Failed) > 0 {
		f := r.Failed[0]
		line += fmt.Sprintf("; %d failed, first %s: %s: %s", len(r.Failed), f.ChannelID, f.Error.Type, f.Error.Message)
	}
	if !strings.HasSuffix(line, ".") {
		line += "."
	}
	return line, len(r.Posts) == 0
}

// createPost is create_post: one post on one channel, or one per channel on several.
func createPost(d *shared) Tool {
	return newTool(spec[createPostArgs, createPostResult]{
		name:  "create_post",
		title: "Create post",
		description: "Create a post on one channel or several: queue, schedule, draft or publish now. Instagram, " +
			"TikTok, Pinterest need media; YouTube a video and title; Pinterest a board; Google Business " +
			"googleBusiness.",
		hints:   writeHints,
		confirm: d.confirmCreatePost, // shareNow: ask the person first (confirm.go)
		handle: func(ctx context.Context, args *createPostArgs) (*createPostResult, error) {
			ids := args.channelIDs()
			single := len(ids) == 1
			out := &createPostResult{DryRun: args.DryRun, Posts: []createdPost{}, attempted: len(ids)}

			// Look every channel up (from the cache when possible) and read the time in
			// each one's timezone ("tomorrow 9am" is 9am local on each) before anything is sent.
			targets := make([]*target, len(ids))
			for i, id := range ids {
				ch, err := d.channel(ctx, id)
				if err != nil {
					if single {
						return nil, err
					}
					out.fail(id, err, d)
					continue
				}
				tg := &target{ch: &ch}
				if args.sched.dueAt != "" {
					r, err := readDueAt(args.sched.dueAt, d.now(), ch.Timezone)
					if err != nil {
						return nil, err
					}
					tg.dueAt, tg.note = r.Time, r.Note
					if err := checkFuture(tg.dueAt, d.now(), ch.Timezone); err != nil {
						return nil, err
					}
				}
				targets[i] = tg
			}
			// Then each network's rules and the tags, still before anything is sent: one
			// channel that fails refuses the whole call.
			if err := d.planTargets(ctx, args, targets); err != nil {
				return nil, err
			}

			for i, tg := range targets {
				if tg == nil {
					continue
				}
				ch := tg.ch
				if args.DryRun {
					out.Posts = append(out.Posts, args.preview(tg))
					continue
				}
				post, err := d.sendCreatePost(ctx, args, tg)
				if err != nil {
					if single {
						return nil, err
					}
					out.fail(ch.Id, err, d)
					var ce *client.Error
					if errors.As(err, &ce) && ce.Type == client.TypeOutcomeUnknown {
						out.notAttempted(targets[i+1:])
						break
					}
					continue
				}
				out.Posts = append(out.Posts, post)
			}
			if len(out.Posts) == 0 && len(out.Failed) > 0 {
				out.Error = &out.Failed[0].Error
			}
			return out, nil
		},
	}, d)
}

// sendCreatePost sends one createPost mutation. It is never retried: Buffer has no
// idempotency key, so a second attempt could publish twice.
func (d *shared) sendCreatePost(ctx context.Context, args *createPostArgs, tg *target) (createdPost, error) {
	ch := tg.ch
	input := client.CreatePostInput{
		ChannelId:      ch.Id,
		Text:           args.Text,
		Mode:           client.ShareMode(args.sched.mode),
		SchedulingType: client.SchedulingType(args.SchedulingType),
		Assets:         toAssetInputs(args.Assets),
	}
	if !tg.dueAt.IsZero() {
		input.DueAt = formatUTC(tg.dueAt)
	}
	if args.SaveToDraft {
		input.SaveToDraft = &args.SaveToDraft
	}
	input.Metadata, input.TagIds = tg.plan.meta, tg.tags
	input.NeedsApproval, input.IdeaId = args.NeedsApproval, args.IdeaID
	resp, err := client.CreatePost(ctx, d.gql, input)
	if err != nil {
		return createdPost{}, err
	}
	switch p := resp.CreatePost.(type) {
	case *client.CreatePostCreatePostPostActionSuccess:
		if p.Post.Id == "" {
			// Buffer said yes but not to what: the post likely exists, so never retry blindly.
			return createdPost{}, &client.Error{Type: client.TypeOutcomeUnknown, Message: "Buffer accepted the post but its answer " +
				"did not say which post it created. Do not simply retry: check with list_posts (that channel, sort createdAt_desc) first."}
		}
		post := toCreatedPost(p.Post.PostDetail, ch.Timezone)
		post.Note = notes(tg.note, tg.plan.note(string(ch.Service)))
		return post, nil
	case client.MutationError:
		return createdPost{}, client.FromMutationError(p)
	default:
		return createdPost{}, fmt.Errorf("createPost answered %T", p)
	}
}

// preview is the post a dry run would create.
func (a *createPostArgs) preview(tg *target) createdPost {
	ch := tg.ch
	p := createdPost{ChannelID: ch.Id, Status: "scheduled", Text: a.Text, Timezone: ch.Timezone,
		Tags: tg.shown, Metadata: tg.plan.meta, Note: notes(tg.note, tg.plan.note(string(ch.Service)))}
	switch {
	case a.SaveToDraft:
		p.Status = "draft"
	case a.NeedsApproval:
		p.Status = "needs_approval"
	case a.sched.mode == "shareNow":
		p.Status = "sending"
	}
	if !tg.dueAt.IsZero() {
		p.DueAt, p.DueAtLocal = formatUTC(tg.dueAt), formatLocal(tg.dueAt, ch.Timezone)
	}
	return p
}

func toCreatedPost(p client.PostDetail, tz string) createdPost {
	return createdPost{
		ID:         p.Id,
		ChannelID:  p.ChannelId,
		Status:     string(p.Status),
		Text:       p.Text,
		DueAt:      bufferUTC(p.DueAt),
		DueAtLocal: bufferLocal(p.DueAt, tz),
		Timezone:   tz,
		PostType:   postTypeOut(p.Options),
		optionsOut: toOptionsOut(p.Options),
		Tags:       toTagsOut(p.Tags),
	}
}

func (r *createPostResult) fail(channelID string, err error, d *shared) {
	info := errorInfo(err, d.log)
	info.ChannelID = channelID
	r.Failed = append(r.Failed, failedChannel{ChannelID: channelID, Error: *info})
}

// notAttempted lists the channels left after an OutcomeUnknown; a nil one failed its
// lookup and is listed already.
func (r *createPostResult) notAttempted(rest []*target) {
	for _, tg := range rest {
		if tg == nil {
			continue
		}
		id := tg.ch.Id
		r.Failed = append(r.Failed, failedChannel{ChannelID: id, Error: ErrorInfo{
			Type:      TypeNotAttempted,
			Message:   "not sent: an earlier channel's outcome is unknown; check with list_posts, then retry the channels that lack the post",
			ChannelID: id,
		}})
	}
}

// planTargets maps the options onto each target channel's network and resolves the tags
// in each one's organization (read once per organization), checking every rule before
// anything is sent.
func (d *shared) planTargets(ctx context.Context, args *createPostArgs, targets []*target) error {
	type resolved struct {
		ids   []string
		shown []tagOut
	}
	byOrg := map[string]resolved{}
	m := mediaOf(args.Assets)
	for _, tg := range targets {
		if tg == nil {
			continue
		}
		plan, err := args.plan(tg.ch, m, nil)
		if err != nil {
			return err
		}
		tg.plan = plan
		if len(args.Tags) == 0 {
			continue
		}
		r, ok := byOrg[tg.ch.OrganizationId]
		if !ok {
			if r.ids, r.shown, err = d.resolveTags(ctx, tg.ch.OrganizationId, args.Tags, args.DryRun); err != nil {
				return err
			}
			byOrg[tg.ch.OrganizationId] = r
		}
		tg.tags, tg.shown = r.ids, r.shown
	}
	return nil
}
