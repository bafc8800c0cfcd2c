package e2e

// A hostile or broken client over stdio (issue 11, items 4 and 7): one that never answers
// the "publish now?" question, bursts of calls around it, messages that are not requests
// the server can answer, and stdin closing under all of it. Every wait is bounded.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/stdioserver"
	"github.com/buffer-mcp/buffer-mcp/tools"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// peer reads everything the server writes: answers by id, and the questions it asks.
type peer struct {
	r         *rawServer
	answers   map[string]map[string]any // by the id's JSON
	questions []map[string]any          // elicitation/create requests, in order
	other     []string                  // anything else (notifications)
}

func newPeer(r *rawServer) *peer { return &peer{r: r, answers: map[string]map[string]any{}} }

// readUntil reads stdout until done holds, failing the test after within.
func (p *peer) readUntil(t *testing.T, within time.Duration, what string, done func() bool) {
	t.Helper()
	deadline := time.After(within)
	for !done() {
		select {
		case line, ok := <-p.r.lines:
			require.True(t, ok, "stdout closed while waiting for %s; stderr: %s", what, p.r.stderr)
			p.record(t, line)
		case <-deadline:
			t.Fatalf("%s: not within %s (%d answers, %d questions so far); stderr: %s", what, within, len(p.answers), len(p.questions), p.r.stderr)
		}
	}
}

// record files one line of stdout.
func (p *peer) record(t *testing.T, line string) {
	t.Helper()
	var msg map[string]any
	require.NoError(t, json.Unmarshal([]byte(line), &msg), "stdout line is not JSON: %q", line)
	switch {
	case msg["method"] == "elicitation/create":
		p.questions = append(p.questions, msg)
	case msg["result"] != nil || msg["error"] != nil:
		id, _ := json.Marshal(msg["id"])
		p.answers[string(id)] = msg
	default:
		p.other = append(p.other, line)
	}
}

// answered reports whether every id has its answer.
func (p *peer) answered(ids ...string) func() bool {
	return func() bool {
		for _, id := range ids {
			if p.answers[id] == nil {
				return false
			}
		}
		return true
	}
}

// toolError is the error object of the tool result answering id; it fails the test when
// the answer is a JSON-RPC error or a success.
func (p *peer) toolError(t *testing.T, id string) tools.ErrorInfo {
	t.Helper()
	msg := p.answers[id]
	require.NotNil(t, msg, "an answer to %s", id)
	require.Nil(t, msg["error"], "a tool result, not a JSON-RPC error: %v", msg)
	var res struct {
		IsError           bool `json:"isError"`
		StructuredContent struct {
			Error *tools.ErrorInfo `json:"error"`
		} `json:"structuredContent"`
	}
	decode(t, msg["result"], &res)
	require.True(t, res.IsError, "isError: %v", msg)
	require.NotNil(t, res.StructuredContent.Error)
	return *res.StructuredContent.Error
}

// startLegacyElicitingClient starts the binary with its in-process sandbox, performs the
// 2025-11-25 handshake declaring elicitation, and returns an open channel's id.
func startLegacyElicitingClient(t *testing.T) (*rawServer, *peer, string) {
	t.Helper()
	r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
	resp := r.request(t, 1, "initialize", `{"protocolVersion":"`+legacyEra+`","capabilities":{"elicitation":{}},"clientInfo":{"name":"never-answers","version":"0"}}`)
	require.NotNil(t, resp["result"], "initialize: %v", resp)
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	list := r.request(t, 2, "tools/call", `{"name":"list_channels","arguments":{}}`)
	var res struct {
		StructuredContent struct{ Channels []channel } `json:"structuredContent"`
	}
	decode(t, list["result"], &res)
	for _, ch := range res.StructuredContent.Channels {
		if !*ch.IsQueuePaused && !*ch.IsDisconnected && !*ch.IsLocked {
			return r, newPeer(r), ch.ID
		}
	}
	t.Fatal("no open channel in the sandbox")
	return nil, nil, ""
}

func shareNow(id int, channelID string) string {
	return fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"create_post","arguments":{"channelId":%q,"text":"publish now? %d","mode":"shareNow"}}}`, id, channelID, id)
}

// The binary's bounds over stdio.
const (
	maxPendingQuestions = stdioserver.MaxPendingQuestions
	stdioQueue          = stdioserver.Queue
)

// codeInvalidRequest is JSON-RPC's error code for a message that is not a valid request.
const codeInvalidRequest = -32600

// TestUnansweredQuestionsNeverStallTheServer: a 2025-era client that declared elicitation
// and never answers. Six "publish now?" questions wait (more than the five workers that
// mcp-go's stdio server had), then a burst of 120 calls with pings among them, then a
// seventh question, then a ping: every call and every ping is answered, in seconds. Then
// more questions than maxPendingQuestions: the ones past it are NotConfirmed at once. When
// stdin closes, every question still waiting is answered NotConfirmed (an isError result,
// never a JSON-RPC error), and the server exits at once. On main, the six questions held
// the five workers, the burst filled the queue, the seventh question ran on the read loop
// and blocked it, and the last ping was never answered.
func TestUnansweredQuestionsNeverStallTheServer(t *testing.T) {
	r, p, ch := startLegacyElicitingClient(t)
	var asked []string
	for i := range 6 {
		r.send(t, shareNow(100+i, ch))
		asked = append(asked, fmt.Sprint(100+i))
	}
	p.readUntil(t, stepTimeout, "six questions", func() bool { return len(p.questions) == 6 })

	var burst []string
	for i := range 120 {
		id := 200 + i
		if i%10 == 0 {
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"ping"}`, 1000+i))
			burst = append(burst, fmt.Sprint(1000+i))
		}
		r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"get_account","arguments":{}}}`, id))
		burst = append(burst, fmt.Sprint(id))
	}
	r.send(t, shareNow(106, ch))
	asked = append(asked, "106")
	r.send(t, `{"jsonrpc":"2.0","id":2000,"method":"ping"}`)
	burst = append(burst, "2000")
	start := time.Now()
	p.readUntil(t, stepTimeout, "the burst and the pings", p.answered(burst...))
	t.Logf("120 calls and 13 pings answered in %s, with 7 questions waiting", time.Since(start).Round(time.Millisecond))
	for _, id := range burst {
		assert.NotNil(t, p.answers[id]["result"], "%s: %v", id, p.answers[id])
	}

	// Past maxPendingQuestions, a question is not asked: NotConfirmed at once. The calls
	// run at once, so which of them are past it is not the order they were sent in.
	var more []string
	for i := range maxPendingQuestions {
		id := fmt.Sprint(3000 + i)
		r.send(t, shareNow(3000+i, ch))
		more = append(more, id)
	}
	past := len(asked) + len(more) - maxPendingQuestions
	answeredOf := func(ids []string) (n int) {
		for _, id := range ids {
			if p.answers[id] != nil {
				n++
			}
		}
		return n
	}
	p.readUntil(t, stepTimeout, "the questions up to the cap, and answers past it", func() bool {
		return len(p.questions) == maxPendingQuestions && answeredOf(more) == past
	})
	for _, id := range more {
		if p.answers[id] == nil {
			asked = append(asked, id)
			continue
		}
		e := p.toolError(t, id)
		assert.Equal(t, "NotConfirmed", e.Type, id)
		assert.Contains(t, e.Message, "questions are already waiting")
	}
	require.Len(t, asked, maxPendingQuestions)

	// stdin closes: nobody can answer now.
	code, took := closeAndCollect(t, r, p)
	assert.Equal(t, 0, code, "stderr: %s", r.stderr)
	assert.Less(t, took, 5*time.Second, "no wait for answers that cannot come")
	for _, id := range asked {
		e := p.toolError(t, id)
		assert.Equal(t, "NotConfirmed", e.Type, id)
		assert.Contains(t, e.Message, "closed its input")
	}
}

// closeAndCollect closes stdin, records every line left, and waits for the exit.
func closeAndCollect(t *testing.T, r *rawServer, p *peer) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	require.NoError(t, r.stdin.Close())
	deadline := time.After(stepTimeout)
	for {
		select {
		case line, ok := <-r.lines:
			if !ok {
				code, _ := r.closeAndWait(t)
				return code, time.Since(start)
			}
			p.record(t, line)
		case <-deadline:
			t.Fatalf("stdout did not close after stdin; stderr: %s", r.stderr)
		}
	}
}

// TestAFailedQuestionIsNotConfirmed: the client answers elicitation/create with a JSON-RPC
// error, or declines: the call is NotConfirmed, an isError result, and nothing is sent.
func TestAFailedQuestionIsNotConfirmed(t *testing.T) {
	r, p, ch := startLegacyElicitingClient(t)
	r.send(t, shareNow(10, ch))
	p.readUntil(t, stepTimeout, "the question", func() bool { return len(p.questions) == 1 })
	q, _ := json.Marshal(p.questions[0]["id"])
	r.send(t, `{"jsonrpc":"2.0","id":`+string(q)+`,"error":{"code":-32603,"message":"the client cannot show forms today"}}`)
	p.readUntil(t, stepTimeout, "the answer to the call", p.answered("10"))
	e := p.toolError(t, "10")
	assert.Equal(t, "NotConfirmed", e.Type)
	assert.Contains(t, e.Message, "cannot show forms today")

	r.send(t, shareNow(11, ch))
	p.readUntil(t, stepTimeout, "the second question", func() bool { return len(p.questions) == 2 })
	q, _ = json.Marshal(p.questions[1]["id"])
	r.send(t, `{"jsonrpc":"2.0","id":`+string(q)+`,"result":{"action":"decline"}}`)
	p.readUntil(t, stepTimeout, "the answer to the second call", p.answered("11"))
	assert.Equal(t, "NotConfirmed", p.toolError(t, "11").Type)

	list := r.request(t, 12, "tools/call", `{"name":"list_posts","arguments":{"channelIds":["`+ch+`"],"status":["sent","sending"]}}`)
	assert.NotContains(t, mustJSON(t, list), "publish now?", "nothing was published")
}

// TestACancelledQuestionFreesItsPlace: the client cancels a call waiting for the person:
// no answer is written for it (MCP cancellation), and its place among the questions is
// free again.
func TestACancelledQuestionFreesItsPlace(t *testing.T) {
	r, p, ch := startLegacyElicitingClient(t)
	for i := range maxPendingQuestions {
		r.send(t, shareNow(100+i, ch))
	}
	p.readUntil(t, stepTimeout, "the questions", func() bool { return len(p.questions) == maxPendingQuestions })
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":100,"reason":"the person moved on"}}`)
	// The cancelled wait ends and gives its place back: one more question is asked.
	p.readUntil(t, stepTimeout, "a question in the freed place", func() bool {
		if len(p.questions) > maxPendingQuestions {
			return true
		}
		r.send(t, shareNow(900+len(p.answers), ch))
		time.Sleep(20 * time.Millisecond)
		return false
	})
	assert.Nil(t, p.answers["100"], "a cancelled call gets no answer")
}

// TestMessagesThatAreNotRequestsAreAnsweredAtOnce: an id that is null or not a string or
// an integer, and a message that is both a request and a response, get a JSON-RPC error
// (Invalid Request, id null where the id is not valid) rather than no answer or an echo of
// the id; and stdin closing right after them ends the server at once. On main each was
// taken as a request in flight, and the exit waited 35 s for an answer that never came.
func TestMessagesThatAreNotRequestsAreAnsweredAtOnce(t *testing.T) {
	tests := []struct {
		name, msg, wantID string
	}{
		{"id null", `{"jsonrpc":"2.0","id":null,"method":"tools/list"}`, "null"},
		{"id an object", `{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}`, "null"},
		{"id an array", `{"jsonrpc":"2.0","id":[1],"method":"ping"}`, "null"},
		{"id true", `{"jsonrpc":"2.0","id":true,"method":"ping"}`, "null"},
		{"id a fraction", `{"jsonrpc":"2.0","id":1.5,"method":"ping"}`, "null"},
		{"request and response", `{"jsonrpc":"2.0","id":7,"method":"tools/list","result":{}}`, "7"},
		{"request and error", `{"jsonrpc":"2.0","id":"x","method":"ping","error":{"code":1,"message":"m"}}`, `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
			r.initialize(t)
			p := newPeer(r)
			r.send(t, tt.msg)
			p.readUntil(t, stepTimeout, "the error", func() bool { return len(p.answers) > 0 })
			got, ok := p.answers[tt.wantID]
			require.True(t, ok, "an answer with id %s; got %v", tt.wantID, p.answers)
			errObj, _ := got["error"].(map[string]any)
			require.NotNil(t, errObj, "a JSON-RPC error: %v", got)
			assert.Equal(t, float64(codeInvalidRequest), errObj["code"])

			code, took := r.closeAndWait(t)
			assert.Equal(t, 0, code, "stderr: %s", r.stderr)
			assert.Less(t, took, 5*time.Second, "no wait for an answer that will not come")
		})
	}
}

// TestTheReadLoopAnswersPingWhileCallsQueue: more calls than the queue admits, with pings
// among them: they are all answered, and no line is lost.
func TestTheReadLoopAnswersPingWhileCallsQueue(t *testing.T) {
	r := startRaw(t, baseEnv("BUFFER_MCP_SANDBOX=1"))
	r.initialize(t)
	p := newPeer(r)
	var b strings.Builder
	var ids []string
	for i := range 3 * stdioQueue {
		fmt.Fprintf(&b, `{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"list_posts","arguments":{"first":1}}}`+"\n", 10+i)
		ids = append(ids, fmt.Sprint(10+i))
		if i%25 == 0 {
			fmt.Fprintf(&b, `{"jsonrpc":"2.0","id":"ping-%d","method":"ping"}`+"\n", i)
			ids = append(ids, fmt.Sprintf(`"ping-%d"`, i))
		}
	}
	_, err := r.stdin.Write([]byte(b.String()))
	require.NoError(t, err)
	p.readUntil(t, stepTimeout, "every call and ping", p.answered(ids...))
}
