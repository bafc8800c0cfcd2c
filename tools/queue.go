package tools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// The queue beyond single posts: how full each channel's day is, and moving a post to
// either end of its channel's queue.

type postingLimitsArgs struct {
	ChannelIDs []string `json:"channelIds" jsonschema:"required" jsonschema_description:"From list_channels; one organization."`
	Date       string   `json:"date,omitempty" jsonschema_description:"2026-12-24; default each channel's today."`
}

func (a *postingLimitsArgs) validate() error {
	if len(a.ChannelIDs) == 0 {
		return invalidArg("channelIds", "is empty: give the ids of the channels to check (list_channels gives them)")
	}
	for i, id := range a.ChannelIDs {
		if err := checkID(fmt.Sprintf("channelIds[%d]", i), id); err != nil {
			return err
		}
	}
	if a.Date != "" {
		d, ok := readDate(a.Date)
		if !ok {
			return invalidArg("date", "must be a day such as 2026-12-24, got %q", a.Date)
		}
		// Buffer reads the date part and counts each channel's own day of that date.
		a.Date = d.Format(time.RFC3339)
	}
	return nil
}

type postingLimitsResult struct {
	Limits []postingLimitOut `json:"limits"`
}

// postingLimitOut is one channel's day. Limit is left out when the network has no daily
// limit (Buffer's null), as every absent value is.
type postingLimitOut struct {
	ChannelID string `json:"channelId" jsonschema:"required"`
	Sent      int    `json:"sent" jsonschema:"required"`
	Scheduled int    `json:"scheduled" jsonschema:"required"`
	Limit     *int   `json:"limit,omitempty"`
	IsAtLimit bool   `json:"isAtLimit" jsonschema:"required"`
}

// getDailyPostingLimits is get_daily_posting_limits: room left on each channel's day.
func getDailyPostingLimits(d *shared) Tool {
	return newTool(spec[postingLimitsArgs, postingLimitsResult]{
		name:  "get_daily_posting_limits",
		title: "Get daily posting limits",
		description: "Per channel, a day's sent and scheduled posts against the daily limit (none if absent); " +
			"check before bulk scheduling.",
		hints: readHints,
		handle: func(ctx context.Context, args *postingLimitsArgs) (*postingLimitsResult, error) {
			resp, err := client.DailyPostingLimits(ctx, d.gql, args.ChannelIDs, args.Date)
			if err != nil {
				return nil, err
			}
			out := &postingLimitsResult{Limits: make([]postingLimitOut, 0, len(resp.DailyPostingLimits))}
			for _, l := range resp.DailyPostingLimits {
				out.Limits = append(out.Limits, postingLimitOut{ChannelID: l.ChannelId, Sent: l.Sent,
					Scheduled: l.Scheduled, Limit: l.Limit, IsAtLimit: l.IsAtLimit})
			}
			return out, nil
		},
	}, d)
}

// moveHints are move_post_in_queue's annotations: it changes when posts go out, but
// publishes nothing and destroys nothing. Buffer has no idempotency key, so a repeat is
// not promised to be harmless.
var moveHints = hints{readOnly: false, destructive: false, idempotent: false, openWorld: false}

type movePostArgs struct {
	PostID   string `json:"postId" jsonschema:"required" jsonschema_description:"Queued, from list_posts."`
	Position string `json:"position" jsonschema:"required,enum=top,enum=bottom" jsonschema_description:"top goes out next."`
}

func (a *movePostArgs) validate() error {
	if err := checkID("postId", a.PostID); err != nil {
		return err
	}
	return checkEnum("position", a.Position, "top", "bottom")
}

type movePostResult struct {
	Post *postDetail `json:"post,omitempty"`
}

// movePostInQueue is move_post_in_queue: a queued post first or last in its channel's queue.
func movePostInQueue(d *shared) Tool {
	return newTool(spec[movePostArgs, movePostResult]{
		name:        "move_post_in_queue",
		title:       "Move post in queue",
		description: "Move a queued post to the queue's top or bottom; times stay. Experimental in Buffer.",
		hints:       moveHints,
		handle: func(ctx context.Context, args *movePostArgs) (*movePostResult, error) {
			resp, err := client.MovePostInQueue(ctx, d.gql, args.PostID, client.QueuePosition(args.Position))
			if err != nil {
				return nil, outcomeUnknownAdvice(postNotFound(err, args.PostID),
					"first check with list_posts (status scheduled) where the post is.")
			}
			switch p := resp.MovePostInQueue.(type) {
			case *client.MovePostInQueueMovePostInQueuePostActionSuccess:
				if p.Post.Id == "" {
					return nil, incomplete("accepted the move but did not send the post back; list_posts shows the queue")
				}
				return &movePostResult{Post: toPostDetail(p.Post.PostDetail)}, nil
			case client.MutationError:
				return nil, postNotFound(client.FromMutationError(p), args.PostID)
			default:
				return nil, fmt.Errorf("movePostInQueue answered %T", p)
			}
		},
	}, d)
}

// readDate reads a day, 2026-12-24, or an RFC 3339 time as the calendar day it names (in
// its own offset), as that date's midnight in UTC.
func readDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	if t, ok := dueat.ParseRFC3339(strings.ToUpper(s)); ok {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}
