package tools

import (
	"context"
	"errors"
	"fmt"

	"github.com/buffer-mcp/buffer-mcp/client"
)

var (
	postStatuses  = []string{"draft", "needs_approval", "scheduled", "sending", "sent", "error"}
	postSorts     = []string{"dueAt_asc", "dueAt_desc", "createdAt_asc", "createdAt_desc"}
	unpublished   = map[string]bool{"draft": true, "needs_approval": true, "scheduled": true, "sending": true}
	sortByArgSort = map[string]client.PostSortInput{
		"dueAt_asc":      {Field: client.PostSortableKeyDueat, Direction: client.SortDirectionAsc},
		"dueAt_desc":     {Field: client.PostSortableKeyDueat, Direction: client.SortDirectionDesc},
		"createdAt_asc":  {Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionAsc},
		"createdAt_desc": {Field: client.PostSortableKeyCreatedat, Direction: client.SortDirectionDesc},
	}
)

const defaultPageSize = 20

type listPostsArgs struct {
	OrganizationID string   `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one organization or channelIds."`
	ChannelIDs     []string `json:"channelIds,omitempty" jsonschema_description:"From list_channels."`
	Status         []string `json:"status,omitempty" jsonschema:"enum=draft,enum=needs_approval,enum=scheduled,enum=sending,enum=sent,enum=error" jsonschema_description:"The queue is scheduled; published is sent."`
	DueAfter       string   `json:"dueAfter,omitempty" jsonschema_description:"RFC 3339."`
	DueBefore      string   `json:"dueBefore,omitempty" jsonschema_description:"RFC 3339."`
	Sort           string   `json:"sort,omitempty" jsonschema:"enum=dueAt_asc,enum=dueAt_desc,enum=createdAt_asc,enum=createdAt_desc" jsonschema_description:"Default dueAt_asc if unpublished, else createdAt_desc."`
	First          *int     `json:"first,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"Default 20."`
	After          string   `json:"after,omitempty" jsonschema_description:"Previous page's endCursor; same filters."`
	IncludeMetrics bool     `json:"includeMetrics,omitempty" jsonschema_description:"Add sent posts' metrics."`

	first int // First, or the default page size; resolved by validate
}

func (a *listPostsArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	for i, id := range a.ChannelIDs {
		if err := checkID(fmt.Sprintf("channelIds[%d]", i), id); err != nil {
			return err
		}
	}
	for i, s := range a.Status {
		if err := checkEnum(fmt.Sprintf("status[%d]", i), s, postStatuses...); err != nil {
			return err
		}
	}
	if a.Sort != "" {
		if err := checkEnum("sort", a.Sort, postSorts...); err != nil {
			return err
		}
	}
	var err error
	if a.first, err = pageSize(a.First); err != nil {
		return err
	}
	var after, before string
	if a.DueAfter != "" {
		t, err := parseTime("dueAfter", a.DueAfter)
		if err != nil {
			return err
		}
		after = t.UTC().Format("2006-01-02T15:04:05Z07:00")
		a.DueAfter = after
	}
	if a.DueBefore != "" {
		t, err := parseTime("dueBefore", a.DueBefore)
		if err != nil {
			return err
		}
		before = t.UTC().Format("2006-01-02T15:04:05Z07:00")
		a.DueBefore = before
	}
	if after != "" && before != "" && after > before {
		return invalidArg("dueBefore", "must not be earlier than dueAfter")
	}
	return nil
}

// sortOrder is the requested sort, or SPEC §3's default: the queue in the order it goes
// out when only unpublished statuses are asked for, newest first otherwise.
func (a *listPostsArgs) sortOrder() client.PostSortInput {
	if a.Sort != "" {
		return sortByArgSort[a.Sort]
	}
	if len(a.Status) == 0 {
		return sortByArgSort["createdAt_desc"]
	}
	for _, s := range a.Status {
		if !unpublished[s] {
			return sortByArgSort["createdAt_desc"]
		}
	}
	return sortByArgSort["dueAt_asc"]
}

type listPostsResult struct {
	Posts    []listedPost `json:"posts"`
	PageInfo *pageInfo    `json:"pageInfo,omitempty"`
}

type pageInfo struct {
	HasNextPage bool   `json:"hasNextPage" jsonschema:"required"`
	EndCursor   string `json:"endCursor,omitempty"`
}

// listPosts is list_posts: the queue, drafts and history, filtered and paged.
func listPosts(d *shared) Tool {
	return newTool(spec[listPostsArgs, listPostsResult]{
		name:        "list_posts",
		title:       "List posts",
		description: "List posts by channel, status and due time: what is scheduled this week?",
		hints:       readHints,
		handle: func(ctx context.Context, args *listPostsArgs) (*listPostsResult, error) {
			orgID, err := d.postsOrganization(ctx, args.OrganizationID, args.ChannelIDs)
			if err != nil {
				return nil, err
			}
			input := client.PostsInput{OrganizationId: orgID, Sort: []client.PostSortInput{args.sortOrder()}}
			filter := client.PostsFiltersInput{ChannelIds: args.ChannelIDs}
			for _, s := range args.Status {
				filter.Status = append(filter.Status, client.PostStatus(s))
			}
			if args.DueAfter != "" || args.DueBefore != "" {
				filter.DueAt = &client.DateTimeComparator{Start: args.DueAfter, End: args.DueBefore}
			}
			if filter.ChannelIds != nil || filter.Status != nil || filter.DueAt != nil {
				input.Filter = &filter
			}
			resp, err := client.ListPosts(ctx, d.gql, input, args.first, args.After, args.IncludeMetrics)
			if err != nil {
				return nil, err
			}
			out := &listPostsResult{
				Posts:    make([]listedPost, 0, len(resp.Posts.Edges)),
				PageInfo: &pageInfo{HasNextPage: resp.Posts.PageInfo.HasNextPage, EndCursor: resp.Posts.PageInfo.EndCursor},
			}
			for _, e := range resp.Posts.Edges {
				out.Posts = append(out.Posts, toListedPost(e))
			}
			return out, nil
		},
	}, d)
}

// postsOrganization picks the organization to list posts in: the one given, else the one
// the given channels belong to, else the account's only one.
func (d *shared) postsOrganization(ctx context.Context, given string, channelIDs []string) (string, error) {
	if given != "" || len(channelIDs) == 0 {
		return d.organizationID(ctx, given)
	}
	orgID := ""
	for i, id := range channelIDs {
		ch, err := d.channel(ctx, id)
		if err != nil {
			return "", err
		}
		if orgID != "" && ch.OrganizationId != orgID {
			return "", invalidArg(fmt.Sprintf("channelIds[%d]", i), "belongs to another organization than channelIds[0]; list one organization at a time")
		}
		orgID = ch.OrganizationId
	}
	return orgID, nil
}

type getPostArgs struct {
	PostID string `json:"postId" jsonschema:"required" jsonschema_description:"From list_posts or create_post."`
}

func (a *getPostArgs) validate() error { return checkID("postId", a.PostID) }

type getPostResult struct {
	Post *postDetail `json:"post,omitempty"`
}

// getPost is get_post: one post in full, with its time in the channel's timezone.
func getPost(d *shared) Tool {
	return newTool(spec[getPostArgs, getPostResult]{
		name:        "get_post",
		title:       "Get post",
		description: "One post in full, with its local due time; check before editing.",
		hints:       readHints,
		handle: func(ctx context.Context, args *getPostArgs) (*getPostResult, error) {
			resp, err := client.GetPost(ctx, d.gql, args.PostID)
			if err != nil {
				return nil, postNotFound(err, args.PostID)
			}
			if resp.Post.Id == "" {
				return nil, incomplete("sent no post for that id")
			}
			return &getPostResult{Post: toPostDetail(resp.Post.PostDetail)}, nil
		},
	}, d)
}

// postNotFound makes Buffer's "not found" for a post id say what a person needs to know.
func postNotFound(err error, postID string) error {
	var ce *client.Error
	if errors.As(err, &ce) && (ce.Type == client.TypeNotFound || ce.Type == "NotFoundError") {
		ce.Message = fmt.Sprintf("no post %s: it may have been deleted, or the id is wrong (list_posts gives ids). Buffer said: %s", postID, ce.Message)
	}
	return err
}
