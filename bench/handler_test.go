package bench

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/Khan/genqlient/graphql"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// BenchmarkListPostsHandler splits one list_posts call with no transport and no Buffer
// behind it: "buffer" is the fixture answering ListPosts (encoding and decoding the
// 20-post answer, as a real answer would be decoded); "call" is the whole tools/call
// through the server's HandleMessage with that fixture behind it, its answer marshalled
// as a transport would. Their difference is what buffer-mcp's tool adds to a call on top
// of mcp-go's dispatch: argument checks, mapping the posts, encoding the result.
func BenchmarkListPostsHandler(b *testing.B) {
	gql := fixtureGQL{ObjectIDs}
	b.Run("buffer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var data client.ListPostsResponse
			if err := gql.MakeRequest(b.Context(), &graphql.Request{OpName: "ListPosts"}, &graphql.Response{Data: &data}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("call", func(b *testing.B) {
		srv, err := newServer(gql, tools.Selection{}, tools.WithoutOutputValidation())
		if err != nil {
			b.Fatal(err)
		}
		msg := json.RawMessage(fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_posts","arguments":{"organizationId":%q,"first":20}}}`, ObjectIDs(0xA, 0)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(srv.HandleMessage(b.Context(), msg)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
