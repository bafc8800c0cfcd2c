package client_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/Khan/genqlient/graphql"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// BenchmarkListPostsAnswer is one ListPosts of 20 posts against a loopback fake that
// answers a fixed body, through this client and through genqlient's plain client: the
// difference is what this client's checks cost per call.
func BenchmarkListPostsAnswer(b *testing.B) {
	var edges []string
	for i := range 20 {
		edges = append(edges, fmt.Sprintf(`{"node":{"id":"6a1b2c3d4e5f6a7b8c9d0e%02d","channelId":%q,"channelService":"linkedin","status":"scheduled","text":%q,"dueAt":"2026-12-01T09:30:00.000Z","sentAt":null,"createdAt":"2026-11-01T10:00:00.000Z","externalLink":null,"error":null,"tags":[]}}`,
			i, channelID, strings.Repeat("a word ", 23)))
	}
	body := `{"data":{"posts":{"edges":[` + strings.Join(edges, ",") + `],"pageInfo":{"hasNextPage":true,"endCursor":"abc"}}}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	}))
	b.Cleanup(srv.Close)
	input := client.PostsInput{OrganizationId: "5f0c1b2a3d4e5f6a7b8c9d0f"}
	for _, c := range []struct {
		name string
		gql  graphql.Client
	}{
		{"client=ours", newClient(srv.URL)},
		{"client=genqlient", graphql.NewClient(srv.URL, &http.Client{})},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				resp, err := client.ListPosts(b.Context(), c.gql, input, 20, "", false)
				if err != nil || len(resp.Posts.Edges) != 20 {
					b.Fatalf("%v, %d posts", err, len(resp.Posts.Edges))
				}
			}
		})
	}
}
