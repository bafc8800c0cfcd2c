package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// TestFloorProxySendsWhatBufferMCPSends puts the overhead figure's floor proxy
// (bench/cmd/barefloor built with -tags floorproxy) beside buffer-mcp's own list_posts, both
// in front of one sandbox: for list_posts {organizationId, first: 20} the floor must send
// the same ListPosts request body, byte for byte, and answer as many posts.
func TestFloorProxySendsWhatBufferMCPSends(t *testing.T) {
	ctx := t.Context()
	floor := buildFloor(t, "floorproxy")
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &listPostsBodies{next: sb}
	ts := httptest.NewServer(rec)
	t.Cleanup(ts.Close)
	params := listPostsParams(sb.Seed().Organizations[0].ID)

	gql := client.New(client.Config{Endpoint: ts.URL + "/", APIKey: sandbox.DefaultKey, Version: "test"})
	srv, err := newServer(gql, tools.Selection{}, tools.WithoutOutputValidation())
	if err != nil {
		t.Fatal(err)
	}
	ours, err := json.Marshal(srv.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":`+params+`}`)))
	if err != nil {
		t.Fatal(err)
	}
	oursPosts, err := answerPosts(ours)
	if err != nil {
		t.Fatal(err)
	}

	const timeout = 10 * time.Second
	fp, err := startFloorProxy(floor, ts.URL+"/", timeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = fp.Stop() })
	answer, err := firstAnswer(fp, params, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if answer.Posts != oursPosts {
		t.Errorf("the floor proxy answered %d posts, buffer-mcp %d", answer.Posts, oursPosts)
	}
	bodies := rec.all()
	if len(bodies) != 2 {
		t.Fatalf("want one ListPosts request from each, got %d: %q", len(bodies), bodies)
	}
	if !bytes.Equal(bodies[1], bodies[0]) {
		t.Errorf("the floor proxy sent\n%s\nbuffer-mcp sent\n%s", bodies[1], bodies[0])
	}
}

// listPostsBodies keeps the body of every ListPosts request on its way to next.
type listPostsBodies struct {
	next   http.Handler
	mu     sync.Mutex
	bodies [][]byte
}

func (l *listPostsBodies) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if strings.Contains(string(body), `"operationName":"ListPosts"`) {
		l.mu.Lock()
		l.bodies = append(l.bodies, body)
		l.mu.Unlock()
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	l.next.ServeHTTP(w, r)
}

func (l *listPostsBodies) all() [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([][]byte(nil), l.bodies...)
}
