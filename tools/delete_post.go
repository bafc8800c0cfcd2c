package tools

import (
	"context"
	"fmt"

	"github.com/buffer-mcp/buffer-mcp/client"
)

type deletePostArgs struct {
	PostID string `json:"postId" jsonschema:"required" jsonschema_description:"From list_posts."`
}

func (a *deletePostArgs) validate() error { return checkID("postId", a.PostID) }

type deletePostResult struct {
	Deleted *deletedPost `json:"deleted,omitempty"`
}

type deletedPost struct {
	PostID string `json:"postId" jsonschema:"required"`
}

// deletePost is delete_post: remove a post from the queue, drafts or history.
func deletePost(d *shared) Tool {
	return newTool(spec[deletePostArgs, deletePostResult]{
		name:        "delete_post",
		title:       "Delete post",
		description: "Delete a post for good, even a sent one (it stays on the network).",
		hints:       deleteHints,
		handle: func(ctx context.Context, args *deletePostArgs) (*deletePostResult, error) {
			resp, err := client.DeletePost(ctx, d.gql, args.PostID)
			if err != nil {
				return nil, postNotFound(err, args.PostID)
			}
			switch p := resp.DeletePost.(type) {
			case *client.DeletePostDeletePostDeletePostSuccess:
				return &deletePostResult{Deleted: &deletedPost{PostID: p.Id}}, nil
			case client.MutationError:
				return nil, client.FromMutationError(p)
			default:
				return nil, fmt.Errorf("deletePost answered %T", p)
			}
		},
	}, d)
}
