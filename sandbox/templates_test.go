package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func templateTitles(t *testing.T, s *Server, in client.PostTemplatesInput, first int, after string) ([]string, *client.ListPostTemplatesResponse) {
	t.Helper()
	resp, err := client.ListPostTemplates(ctx(t), newClient(s), in, first, after)
	require.NoError(t, err)
	var titles []string
	for _, e := range resp.PostTemplates.Edges {
		titles = append(titles, e.Node.Title)
	}
	return titles, resp
}

func TestPostTemplatesAreListedNewestFirstAndPaged(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	org := client.PostTemplatesInput{OrganizationId: s.Seed().Organizations[0].ID}

	all, resp := templateTitles(t, s, org, 20, "")
	assert.Equal(t, []string{"Hiring", "Event invite", "New single origin"}, all)
	assert.Equal(t, 3, resp.PostTemplates.TotalCount)

	first, resp := templateTitles(t, s, org, 2, "")
	assert.Equal(t, all[:2], first)
	assert.True(t, resp.PostTemplates.PageInfo.HasNextPage)
	rest, resp := templateTitles(t, s, org, 2, resp.PostTemplates.PageInfo.EndCursor)
	assert.Equal(t, all[2:], rest)
	assert.False(t, resp.PostTemplates.PageInfo.HasNextPage)
	assert.Equal(t, 3, resp.PostTemplates.TotalCount, "totalCount counts them all, whatever the page")

	internal := org
	internal.Filter = &client.PostTemplatesFilterInput{Visibility: client.PostTemplateVisibilityInternal}
	titles, _ := templateTitles(t, s, internal, 20, "")
	assert.Equal(t, []string{"Event invite", "New single origin"}, titles)

	bakery, _ := templateTitles(t, s, client.PostTemplatesInput{OrganizationId: s.Seed().Organizations[1].ID}, 20, "")
	assert.Equal(t, []string{"Today's bake"}, bakery)

	_, err := client.ListPostTemplates(ctx(t), newClient(s), client.PostTemplatesInput{OrganizationId: "64b0000000000000000000a9"}, 20, "")
	assertQueryError(t, err, "NOT_FOUND", "Organization not found")
}

func TestPostTemplateLifecycle(t *testing.T) {
	clock := &testClock{t: fixedNow}
	s := newSandbox(t, Options{Now: clock.Now})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID

	created, err := client.CreatePostTemplate(ctx(t), c, client.CreatePostTemplateInput{OrganizationId: org,
		Title: "Restock", Body: "[Coffee] is back."})
	require.NoError(t, err)
	ok, isSuccess := created.CreatePostTemplate.(*client.CreatePostTemplateCreatePostTemplateCreatePostTemplateSuccess)
	require.True(t, isSuccess, "%T", created.CreatePostTemplate)
	tpl := ok.PostTemplate.PostTemplateFields
	assert.Equal(t, client.PostTemplateFields{Id: tpl.Id, Title: "Restock", Body: "[Coffee] is back.",
		Visibility: client.PostTemplateVisibilityPrivate, UpdatedAt: "2026-03-07T09:00:00.000Z"}, tpl,
		"private when no visibility is given; no emoji or description")
	titles, _ := templateTitles(t, s, client.PostTemplatesInput{OrganizationId: org}, 20, "")
	assert.Equal(t, "Restock", titles[0], "the newest first")

	clock.Advance(time.Hour)
	updated, err := client.UpdatePostTemplate(ctx(t), c, client.UpdatePostTemplateInput{Id: tpl.Id,
		Emoji: ptr("📦"), Visibility: client.PostTemplateVisibilityInternal})
	require.NoError(t, err)
	u := updated.UpdatePostTemplate.(*client.UpdatePostTemplateUpdatePostTemplateUpdatePostTemplateSuccess).PostTemplate.PostTemplateFields
	assert.Equal(t, client.PostTemplateFields{Id: tpl.Id, Title: "Restock", Body: "[Coffee] is back.", Emoji: "📦",
		Visibility: client.PostTemplateVisibilityInternal, UpdatedAt: "2026-03-07T10:00:00.000Z"}, u, "what is left out stays")

	got, err := client.GetPostTemplate(ctx(t), c, tpl.Id)
	require.NoError(t, err)
	require.NotNil(t, got.PostTemplate)
	assert.Equal(t, u, got.PostTemplate.PostTemplateFields)

	deleted, err := client.DeletePostTemplate(ctx(t), c, tpl.Id)
	require.NoError(t, err)
	assert.Equal(t, "EmptySuccess", deleted.DeletePostTemplate.GetTypename())
	got, err = client.GetPostTemplate(ctx(t), c, tpl.Id)
	require.NoError(t, err)
	assert.Nil(t, got.PostTemplate, "Buffer answers null for an id it does not know")
	_, err = client.DeletePostTemplate(ctx(t), c, tpl.Id)
	assertQueryError(t, err, "NOT_FOUND", "Post template not found")
}

func TestPostTemplateRefusals(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID
	titles, _ := templateTitles(t, s, client.PostTemplatesInput{OrganizationId: org}, 20, "")
	_, resp := templateTitles(t, s, client.PostTemplatesInput{OrganizationId: org}, 1, "")
	existing := resp.PostTemplates.Edges[0].Node.Id

	creates := map[string]struct {
		in   client.CreatePostTemplateInput
		code string
		msg  string
	}{
		"public":               {client.CreatePostTemplateInput{OrganizationId: org, Title: "t", Body: "b", Visibility: client.PostTemplateVisibilityPublic}, "BAD_USER_INPUT", msgPublicTemplate},
		"no title":             {client.CreatePostTemplateInput{OrganizationId: org, Title: " ", Body: "b"}, "BAD_USER_INPUT", msgTemplateTitle},
		"no body":              {client.CreatePostTemplateInput{OrganizationId: org, Title: "t", Body: ""}, "BAD_USER_INPUT", msgTemplateBody},
		"unknown organization": {client.CreatePostTemplateInput{OrganizationId: "64b0000000000000000000a9", Title: "t", Body: "b"}, "NOT_FOUND", "Organization not found"},
	}
	for name, tt := range creates {
		t.Run("create: "+name, func(t *testing.T) {
			_, err := client.CreatePostTemplate(ctx(t), c, tt.in)
			assertQueryError(t, err, tt.code, tt.msg)
		})
	}
	updates := map[string]struct {
		in   client.UpdatePostTemplateInput
		code string
		msg  string
	}{
		"to public":       {client.UpdatePostTemplateInput{Id: existing, Visibility: client.PostTemplateVisibilityPublic}, "BAD_USER_INPUT", msgPublicTemplate},
		"to a blank body": {client.UpdatePostTemplateInput{Id: existing, Body: ptr("")}, "BAD_USER_INPUT", msgTemplateBody},
		"unknown":         {client.UpdatePostTemplateInput{Id: "64f0000000000000000000f9", Title: ptr("t")}, "NOT_FOUND", "Post template not found"},
	}
	for name, tt := range updates {
		t.Run("update: "+name, func(t *testing.T) {
			_, err := client.UpdatePostTemplate(ctx(t), c, tt.in)
			assertQueryError(t, err, tt.code, tt.msg)
		})
	}
	after, _ := templateTitles(t, s, client.PostTemplatesInput{OrganizationId: org}, 20, "")
	assert.Equal(t, titles, after, "nothing refused is stored or changed")
}
