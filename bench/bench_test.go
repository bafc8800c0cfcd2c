package bench

import (
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests keep the measuring code honest (it runs, the calls succeed); they time
// nothing. The figures are benchmarks and bench/cmd/figures.

func TestRunLoadMakesExactlyTheCallsAskedFor(t *testing.T) {
	url := serveInProcess(t, "http")
	clients, err := ConnectModern(t.Context(), url, 3, false)
	require.NoError(t, err)
	defer CloseAll(clients)

	res := RunLoad(t.Context(), clients, ListPosts20, Limit{Calls: 10, Duration: time.Minute})
	require.NoError(t, res.FirstErr)
	assert.Equal(t, 10, res.Calls)
	assert.Zero(t, res.Failed)
	assert.Len(t, res.Latencies, 10)
}

func TestRunLoadCountsFailedCalls(t *testing.T) {
	url := serveInProcess(t, "http")
	clients, err := ConnectModern(t.Context(), url, 1, false)
	require.NoError(t, err)
	defer CloseAll(clients)

	bad := Call{Tool: "get_post", Args: map[string]any{"postId": "nope"}}
	res := RunLoad(t.Context(), clients, bad, Limit{Calls: 2, Duration: time.Minute})
	assert.Zero(t, res.Calls)
	assert.Equal(t, 2, res.Failed)
	assert.ErrorContains(t, res.FirstErr, "isError")
}

// countingListener counts the connections it accepts.
type countingListener struct {
	net.Listener
	accepted atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return c, err
}

func TestKeptAliveClientsReuseTheirConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	counting := &countingListener{Listener: ln}
	url := serveOn(t, counting, "http")
	for _, keepAlive := range []bool{false, true} {
		clients, err := ConnectModern(t.Context(), url, 1, keepAlive)
		require.NoError(t, err)
		before := counting.accepted.Load()
		res := RunLoad(t.Context(), clients, ListPosts20, Limit{Calls: 10, Duration: time.Minute})
		CloseAll(clients)
		require.Equal(t, 10, res.Calls, "%v", res.FirstErr)
		opened := counting.accepted.Load() - before
		if keepAlive {
			assert.LessOrEqual(t, opened, int64(1), "a kept-alive client should make its 10 calls over the connection it has")
		} else {
			t.Logf("mcp-go as it is: %d connections for 10 calls", opened)
		}
	}
}

func TestStats(t *testing.T) {
	assert.Equal(t, 2.0, Median([]int{3, 1, 2}))
	assert.Equal(t, 2.5, Median([]int{4, 1, 2, 3}))
	assert.Equal(t, 0.0, Median([]int(nil)))
	xs := []int{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	assert.Equal(t, 5, Percentile(xs, 50))
	assert.Equal(t, 10, Percentile(xs, 99))
	assert.Equal(t, 1, Percentile(xs, 1))
}
