package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// startTimeout bounds how long a server may take to print its URL; stopTimeout how long
// it may take to exit after SIGTERM.
const (
	startTimeout = 15 * time.Second
	stopTimeout  = 15 * time.Second
)

// Build compiles ./cmd/buffer-mcp of the module at root into dir, as the README builds it
// (a static binary, no -race), and returns the binary's path.
func Build(ctx context.Context, root, dir string) (string, error) {
	return GoBuild(ctx, root, filepath.Join(dir, "buffer-mcp"), "./cmd/buffer-mcp", Static)
}

// Linking says how GoBuild links: Static is the README's CGO_ENABLED=0 build; WithCgo is
// what a plain go build makes on a machine with a C compiler (dynamically linked to libc),
// measured beside it to show what the README's setting saves.
type Linking int

const (
	Static Linking = iota
	WithCgo
)

// GoBuild compiles the package pkg of the module at root into the file bin, linked as
// link says and with the build tags given (no -race), and returns bin.
func GoBuild(ctx context.Context, root, bin, pkg string, link Linking, tags ...string) (string, error) {
	args := []string{"build"}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	cmd := exec.CommandContext(ctx, "go", append(args, "-o", bin, pkg)...)
	cmd.Dir = root
	cgo := "CGO_ENABLED=0"
	if link == WithCgo {
		cgo = "CGO_ENABLED=1"
	}
	cmd.Env = append(os.Environ(), cgo)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%s go %s %s: %w\n%s", cgo, strings.Join(args, " "), pkg, err, out)
	}
	return bin, nil
}

// ProductModule is the module whose binary the figures measure; this module replaces it
// with its parent directory (go.mod).
const ProductModule = "github.com/buffer-mcp/buffer-mcp"

// Roots returns the directory of the product module (where ./cmd/buffer-mcp is built) and
// that of this benchmark module (where its Go benchmarks run), as the go command sees them
// from the working directory, which must be inside bench/.
func Roots(ctx context.Context) (product, benchDir string, err error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", "", errors.New("not inside a Go module: run from bench/ in the buffer-mcp checkout")
	}
	benchDir = filepath.Dir(gomod)
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", ProductModule)
	cmd.Dir = benchDir
	if out, err = cmd.Output(); err != nil {
		return "", "", fmt.Errorf("go list -m %s (run from bench/, whose go.mod replaces it with ../): %w", ProductModule, err)
	}
	return strings.TrimSpace(string(out)), benchDir, nil
}

// Proc is a server running in its own process that printed its endpoint URL as the first
// line of stdout: the buffer-mcp binary with an HTTP transport, or `buffer-mcp sandbox`.
type Proc struct {
	URL  string // the endpoint: http://127.0.0.1:PORT/mcp or .../sse
	Base string // http://127.0.0.1:PORT
	PID  int

	cmd    *exec.Cmd
	stdin  io.WriteCloser
	first  chan string // the first line of stdout; closed if there is none
	done   chan error
	stderr *lockedBuffer
	once   sync.Once
	err    error
}

// Start runs name with args and waits for the URL on its first stdout line.
func Start(name string, args ...string) (*Proc, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "GOTRACEBACK=all")
	p := &Proc{cmd: cmd, first: make(chan string, 1), done: make(chan error, 1), stderr: &lockedBuffer{}}
	cmd.Stderr = p.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	p.stdin = stdin
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p.PID = cmd.Process.Pid
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		if sc.Scan() {
			p.first <- sc.Text()
		}
		close(p.first)
		for sc.Scan() { // the rest is not read, but must not block the server's writes
		}
		p.done <- cmd.Wait()
	}()
	select {
	case line, ok := <-p.first:
		if ok && strings.HasPrefix(line, "http://127.0.0.1:") {
			p.URL = line
			p.Base = line[:strings.LastIndex(line, "/")]
			return p, nil
		}
		_ = p.Stop()
		return nil, fmt.Errorf("%s: first stdout line is not a loopback URL: %q; stderr: %s", name, line, p.stderr)
	case <-time.After(startTimeout):
		_ = p.Stop()
		return nil, fmt.Errorf("%s printed no URL within %s; stderr: %s", name, startTimeout, p.stderr)
	}
}

// Stop sends SIGTERM and waits for the process to exit (killing it after stopTimeout). It
// reports a non-zero exit.
func (p *Proc) Stop() error {
	p.once.Do(func() {
		_ = p.stdin.Close()
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-p.done:
			if err != nil {
				p.err = fmt.Errorf("server exited: %w; stderr: %s", err, p.stderr)
			}
		case <-time.After(stopTimeout):
			_ = p.cmd.Process.Kill()
			p.err = fmt.Errorf("server did not exit within %s of SIGTERM", stopTimeout)
		}
	})
	return p.err
}

// RSS returns the resident set size (VmRSS) of process pid, in bytes.
func RSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}

// clockTick is USER_HZ, the unit of /proc/PID/stat times: 100 on every Linux that Go supports.
const clockTick = 10 * time.Millisecond

// CPUTime returns the user+system CPU time process pid has used, to 10 ms.
func CPUTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; the fields after its ')' are fixed.
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 13 {
		return 0, errors.New("short /proc stat")
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64) // field 14
	stime, err2 := strconv.ParseInt(fields[12], 10, 64) // field 15
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return time.Duration(utime+stime) * clockTick, nil
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b.Len() > 1<<20 { // keep the first MiB: enough to explain a failure
		return len(p), nil
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// MachineCPU returns the CPU time all CPUs have spent busy (everything but idle and
// iowait) since boot, from /proc/stat: with CPUTime of the processes measured, it shows how
// much of the machine something else used meanwhile.
func MachineCPU() (time.Duration, error) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	fields := strings.Fields(line)
	if len(fields) < 8 || fields[0] != "cpu" {
		return 0, errors.New("no cpu line in /proc/stat")
	}
	var busy int64
	for i, f := range fields[1:8] { // user nice system idle iowait irq softirq
		if i == 3 || i == 4 {
			continue
		}
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		busy += n
	}
	return time.Duration(busy) * clockTick, nil
}
