package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Stdio is an MCP server in its own process, spoken to over stdin and stdout with
// newline-delimited JSON-RPC, as a desktop client does.
type Stdio struct {
	PID     int
	Started time.Time // just before the process was started

	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Reader
	stderr *lockedBuffer
	nextID int
}

// StartStdio starts name with args, its environment being os.Environ() plus env.
func StartStdio(name string, args, env []string) (*Stdio, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	s := &Stdio{cmd: cmd, stderr: &lockedBuffer{}}
	cmd.Stderr = s.stderr
	var err error
	if s.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.out = bufio.NewReaderSize(stdout, 64<<10)
	s.Started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s.PID = cmd.Process.Pid
	return s, nil
}

// Send writes one JSON-RPC message (a line).
func (s *Stdio) Send(msg string) error {
	_, err := io.WriteString(s.stdin, msg+"\n")
	return err
}

// Call sends a request with a fresh id and returns the raw answer with that id, skipping
// notifications. It gives up after timeout.
func (s *Stdio) Call(method, params string, timeout time.Duration) ([]byte, error) {
	s.nextID++
	id := s.nextID
	msg := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q`, id, method)
	if params != "" {
		msg += `,"params":` + params
	}
	if err := s.Send(msg + "}"); err != nil {
		return nil, err
	}
	return s.Await(id, timeout)
}

// Await reads lines until the answer with id arrives.
func (s *Stdio) Await(id int, timeout time.Duration) ([]byte, error) {
	type got struct {
		line []byte
		err  error
	}
	ch := make(chan got, 1)
	go func() {
		for {
			line, err := s.out.ReadBytes('\n')
			if err != nil {
				ch <- got{nil, err}
				return
			}
			var m struct {
				ID *int `json:"id"`
			}
			if json.Unmarshal(line, &m) == nil && m.ID != nil && *m.ID == id {
				ch <- got{line, nil}
				return
			}
		}
	}()
	select {
	case g := <-ch:
		if g.err != nil {
			return nil, fmt.Errorf("reading the answer to %d: %w; stderr: %s", id, g.err, s.stderr)
		}
		if strings.Contains(string(g.line[:min(len(g.line), 200)]), `"error":{`) {
			return g.line, fmt.Errorf("error answer: %s", g.line)
		}
		return g.line, nil
	case <-time.After(timeout):
		return nil, fmt.Errorf("no answer to %d within %s; stderr: %s", id, timeout, s.stderr)
	}
}

// Initialize does the MCP handshake (2025-06-18).
func (s *Stdio) Initialize(timeout time.Duration) error {
	if _, err := s.Call("initialize", `{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}`, timeout); err != nil {
		return err
	}
	return s.Send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
}

// Stop closes stdin, waits for the process to exit, and kills it after stopTimeout.
func (s *Stdio) Stop() error {
	_ = s.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("exited: %w; stderr: %s", err, s.stderr)
		}
		return nil
	case <-time.After(stopTimeout):
		_ = s.cmd.Process.Kill()
		<-done
		return fmt.Errorf("did not exit within %s of stdin closing", stopTimeout)
	}
}

// ColdStart is one fresh process: the time from just before exec to the tools/list answer
// read in full (initialize, notifications/initialized and tools/list sent as a client
// does, each after the answer before it), and VmRSS once idle after that.
type ColdStart struct {
	ToInitialize, ToToolsList time.Duration
	Tools                     int
	IdleRSS                   int64 // VmRSS after settle of idleness
}

// MeasureColdStart starts name once and measures it.
func MeasureColdStart(ctx context.Context, name string, args, env []string, settle time.Duration) (ColdStart, error) {
	var c ColdStart
	s, err := StartStdio(name, args, env)
	if err != nil {
		return c, err
	}
	defer s.Stop()
	const timeout = 15 * time.Second
	if err := s.Initialize(timeout); err != nil {
		return c, err
	}
	c.ToInitialize = time.Since(s.Started)
	line, err := s.Call("tools/list", "", timeout)
	if err != nil {
		return c, err
	}
	c.ToToolsList = time.Since(s.Started)
	var list struct {
		Result struct {
			Tools []json.RawMessage `json:"tools"`
		} `json:"result"`
	}
	if err := json.Unmarshal(line, &list); err != nil {
		return c, err
	}
	c.Tools = len(list.Result.Tools)
	select {
	case <-time.After(settle):
	case <-ctx.Done():
		return c, ctx.Err()
	}
	c.IdleRSS, err = RSS(s.PID)
	if err != nil {
		return c, err
	}
	return c, s.Stop()
}
