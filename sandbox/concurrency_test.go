package sandbox

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// TestConcurrentUse runs writers and readers at once; -race checks the locking, and the
// queue must still give every post its own slot.
func TestConcurrentUse(t *testing.T) {
	s := newSandbox(t, Options{QueueLimit: 1000})
	seed := s.Seed()
	tokyo := seed.Channels["mastodon"].ID
	c := newClient(s)

	const writers = 50
	var wg sync.WaitGroup
	ids := make([]string, writers)
	dues := make([]string, writers)
	errs := make(chan error, 3*writers)
	for i := range writers {
		wg.Add(3)
		go func() {
			defer wg.Done()
			resp, err := client.CreatePost(ctx(t), c, client.CreatePostInput{ChannelId: tokyo, Text: fmt.Sprintf("post %d", i),
				Mode: client.ShareModeAddtoqueue, SchedulingType: client.SchedulingTypeAutomatic})
			if err != nil {
				errs <- err
				return
			}
			if ok, isOK := resp.CreatePost.(*client.CreatePostCreatePostPostActionSuccess); isOK {
				ids[i], dues[i] = ok.Post.Id, ok.Post.DueAt
			}
		}()
		go func() {
			defer wg.Done()
			_, err := client.ListPosts(ctx(t), c, client.PostsInput{OrganizationId: seed.Organizations[0].ID}, 100, "", false)
			if err != nil {
				errs <- err
			}
			_ = s.Posts()
			_ = s.Requests()
		}()
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("edit %d", i)
			if _, err := client.EditPost(ctx(t), c, client.EditPostInput{Id: seed.Posts["linkedin-queued-1"].ID, Text: &text}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	assert.Len(t, unique(ids), writers)
	assert.Len(t, unique(dues), writers, "no two posts share a slot")
	assert.NotContains(t, ids, "")
	assert.Len(t, s.Posts(), len(seed.Posts)+writers)
	assert.Len(t, s.Requests(), 3*writers)
}

func unique(values []string) map[string]bool {
	set := map[string]bool{}
	for _, v := range values {
		set[v] = true
	}
	return set
}
