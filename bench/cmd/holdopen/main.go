// Command holdopen measures what clients that hold the HTTP transport open cost the
// server (issue 11, item 5): the open files and the RSS of the real binary under many
// connections whose request body comes a byte at a time, and under many 2025-era
// initialize requests, each making a session. It needs only the standard library, so that
// it runs from any checkout:
//
//	CGO_ENABLED=0 go build -o /tmp/buffer-mcp ./cmd/buffer-mcp
//	ulimit -n 20000
//	go run ./bench/cmd/holdopen -bin /tmp/buffer-mcp -mode slowbody -n 1000 -for 40s
//	go run ./bench/cmd/holdopen -bin /tmp/buffer-mcp -mode initialize -n 20000
//	go run ./bench/cmd/holdopen -bin /tmp/buffer-mcp -mode streams -n 3000
//
// It starts the binary with --sandbox --transport http on a free loopback port, loads it,
// and prints, every second and at the end, the server's open files (/proc/PID/fd) and
// VmRSS (/proc/PID/status). Every load goes to 127.0.0.1, and every loop is bounded.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	bin := flag.String("bin", "", "the buffer-mcp binary to measure")
	mode := flag.String("mode", "slowbody", "slowbody, initialize or streams")
	n := flag.Int("n", 1000, "connections (slowbody, streams) or initialize requests")
	hold := flag.Duration("for", 40*time.Second, "how long to watch (slowbody, streams)")
	conc := flag.Int("c", 50, "requests in flight at once (initialize)")
	extra := flag.String("args", "", "more flags for the binary, space-separated")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "holdopen: -bin is required")
		os.Exit(2)
	}
	if err := run(*bin, *mode, *n, *hold, *conc, strings.Fields(*extra)); err != nil {
		fmt.Fprintln(os.Stderr, "holdopen:", err)
		os.Exit(1)
	}
}

func run(bin, mode string, n int, hold time.Duration, conc int, extra []string) error {
	srv, err := start(bin, extra)
	if err != nil {
		return err
	}
	defer srv.stop()
	time.Sleep(300 * time.Millisecond) // let it settle
	fmt.Printf("binary: %s --sandbox --transport http --addr 127.0.0.1:0 %s (pid %d)\n", bin, strings.Join(extra, " "), srv.cmd.Process.Pid)
	fmt.Printf("before: %s\n", srv.usage())
	switch mode {
	case "slowbody":
		return slowBodies(srv, n, hold)
	case "initialize":
		return initializes(srv, n, conc)
	case "streams":
		return streams(srv, n, hold)
	}
	return fmt.Errorf("unknown mode %q", mode)
}

// server is the binary under measurement.
type server struct {
	cmd  *exec.Cmd
	addr string // host:port
}

func start(bin string, extra []string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"--sandbox", "--transport", "http", "--addr", "127.0.0.1:0", "--log-level", "error"}, extra...)...)
	cmd.Env = append(os.Environ(), "BUFFER_MCP_SANDBOX=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("no URL on the binary's stdout: %w", err)
	}
	u := strings.TrimSpace(line) // http://127.0.0.1:PORT/mcp
	addr := strings.TrimSuffix(strings.TrimPrefix(u, "http://"), "/mcp")
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return &server{cmd: cmd, addr: addr}, nil
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

// usage is the server's open files and VmRSS now.
func (s *server) usage() string {
	pid := s.cmd.Process.Pid
	fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	rss := "?"
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for line := range strings.Lines(string(b)) {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
				rss = fmt.Sprintf("%.1f MiB", float64(kb)/1024)
			}
		}
	}
	return fmt.Sprintf("open files %5d, RSS %s", len(fds), rss)
}

// slowBodies opens n connections that each POST a 1,000-byte body one byte a second, and
// watches for hold: how many the server still keeps open, and what that costs it.
func slowBodies(s *server, n int, hold time.Duration) error {
	fmt.Printf("load:   %d connections, each POST /mcp with Content-Length 1000 and one body byte a second\n", n)
	var open atomic.Int64
	var statuses sync.Map // first line of the answer → count
	ctx, cancel := context.WithTimeout(context.Background(), hold)
	defer cancel()
	var wg sync.WaitGroup
	for range n {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			return fmt.Errorf("dial: %w (raise ulimit -n)", err)
		}
		open.Add(1)
		wg.Go(func() {
			defer open.Add(-1)
			defer conn.Close()
			fmt.Fprintf(conn, "POST /mcp HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n", s.addr)
			answer := make(chan string, 1)
			go func() {
				b, _ := io.ReadAll(conn)
				first, _, _ := strings.Cut(string(b), "\r\n")
				answer <- first
			}()
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for {
				select {
				case a := <-answer:
					if a == "" {
						a = "(closed without an answer)"
					}
					v, _ := statuses.LoadOrStore(a, new(atomic.Int64))
					v.(*atomic.Int64).Add(1)
					return
				case <-tick.C:
					_, _ = conn.Write([]byte("x"))
				case <-ctx.Done():
					return
				}
			}
		})
	}
	watch(s, ctx, func() string { return fmt.Sprintf("client connections still open %5d", open.Load()) })
	wg.Wait()
	statuses.Range(func(k, v any) bool {
		fmt.Printf("answered: %5d × %s\n", v.(*atomic.Int64).Load(), k)
		return true
	})
	fmt.Printf("after:  %s\n", s.usage())
	return nil
}

// initializes sends n 2025-era initialize requests, c at a time, keeping each session id
// (as a client that goes away without DELETE would leave it).
func initializes(s *server, n, c int) error {
	fmt.Printf("load:   %d initialize requests (protocolVersion 2025-11-25) over POST /mcp, %d at a time, no DELETE\n", n, c)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}, Timeout: 30 * time.Second}
	body := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"holdopen","version":"0"}}}`
	var next, errs atomic.Int64
	var mu sync.Mutex
	codes := map[int]int{}
	start := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		watch(s, ctx, func() string { return fmt.Sprintf("requests sent %6d", next.Load()) })
		close(done)
	}()
	var wg sync.WaitGroup
	for range c {
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				req, _ := http.NewRequest(http.MethodPost, "http://"+s.addr+"/mcp", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json, text/event-stream")
				resp, err := client.Do(req)
				if err != nil {
					errs.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				codes[resp.StatusCode]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	cancel()
	<-done
	client.CloseIdleConnections()
	fmt.Printf("took:   %s; answers by status: %v; transport errors: %d\n", time.Since(start).Round(time.Millisecond), codes, errs.Load())
	time.Sleep(2 * time.Second)
	fmt.Printf("after:  %s (2 s later, idle connections closed)\n", s.usage())
	time.Sleep(28 * time.Second)
	fmt.Printf("after:  %s (30 s later: the garbage of the requests collected and returned)\n", s.usage())
	return nil
}

// streams opens n GET /mcp event streams, each with a made-up session id, and watches for
// hold.
func streams(s *server, n int, hold time.Duration) error {
	fmt.Printf("load:   %d GET /mcp streams, each with a made-up Mcp-Session-Id, held open\n", n)
	ctx, cancel := context.WithTimeout(context.Background(), hold)
	defer cancel()
	var open atomic.Int64
	var mu sync.Mutex
	codes := map[string]int{}
	var wg sync.WaitGroup
	for i := range n {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			return fmt.Errorf("dial: %w (raise ulimit -n)", err)
		}
		wg.Go(func() {
			defer conn.Close()
			fmt.Fprintf(conn, "GET /mcp HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\nMCP-Protocol-Version: 2025-11-25\r\n"+
				"Mcp-Session-Id: mcp-session-00000000-0000-4000-8000-%012d\r\n\r\n", s.addr, i)
			status, err := bufio.NewReader(conn).ReadString('\n')
			mu.Lock()
			codes[strings.TrimSpace(status)]++
			mu.Unlock()
			if err != nil || !strings.Contains(status, " 200 ") {
				return
			}
			open.Add(1)
			defer open.Add(-1)
			<-ctx.Done()
		})
	}
	watch(s, ctx, func() string { return fmt.Sprintf("streams open %5d", open.Load()) })
	wg.Wait()
	for k, v := range codes {
		fmt.Printf("answered: %5d × %s\n", v, k)
	}
	fmt.Printf("after:  %s\n", s.usage())
	return nil
}

// watch prints the server's usage and what else says once a second until ctx ends.
func watch(s *server, ctx context.Context, what func() string) {
	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			fmt.Printf("%5.0fs  %s, %s\n", time.Since(start).Seconds(), s.usage(), what())
		case <-ctx.Done():
			if !errors.Is(ctx.Err(), context.Canceled) {
				fmt.Printf("%5.0fs  %s, %s\n", time.Since(start).Seconds(), s.usage(), what())
			}
			return
		}
	}
}
