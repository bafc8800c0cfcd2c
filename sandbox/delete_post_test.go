package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func TestDeletePost(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	for _, key := range []string{"linkedin-queued-1", "twitter-sent", "facebook-draft"} {
		t.Run(key, func(t *testing.T) {
			id := s.Seed().Posts[key].ID
			resp, err := client.DeletePost(ctx(t), c, id)
			require.NoError(t, err)
			require.IsType(t, &client.DeletePostDeletePostDeletePostSuccess{}, resp.DeletePost)
			assert.Equal(t, id, resp.DeletePost.(*client.DeletePostDeletePostDeletePostSuccess).Id)

			_, err = client.GetPost(ctx(t), c, id)
			assertNotFound(t, err, "Post not found")
			_, err = client.DeletePost(ctx(t), c, id)
			assertNotFound(t, err, "Post not found")
		})
	}
	assert.Len(t, s.Posts(), len(s.Seed().Posts)-3)

	for _, id := range []string{"aaaaaaaaaaaaaaaaaaaaaaaa", "not-an-id"} {
		_, err := client.DeletePost(ctx(t), c, id)
		assertNotFound(t, err, "Post not found")
	}
	got := post(t, s, "POST", `{"query":"mutation { deletePost(input: {id: \"nope\"}) { __typename } }"}`, "Bearer "+DefaultKey)
	assert.Equal(t, 200, got.status)
	assert.JSONEq(t, `{"data":null,"errors":[{"message":"Post not found","path":["deletePost"],"extensions":{"code":"NOT_FOUND"}}]}`, got.body)
}
