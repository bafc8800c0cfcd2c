package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

// warmSessions are opened before the "before" reading, so that what the first session
// sets up once (pools, lazily built tables) is not charged to the sessions measured.
const warmSessions = 5

// reading is the memory of a server process at one moment.
type reading struct {
	rss, heap, stack, goroutines float64
}

// perSession holds, for each session count, one value per round.
type perSession map[int][]float64

// sessions: the memory one idle session holds on the server.
func sessions(ctx context.Context, o *options) error {
	fmt.Printf("== Memory held per idle session ==\n")
	fmt.Printf("binary: %s --sandbox --transport http|sse --addr 127.0.0.1:0; RSS = VmRSS once steady\n", o.bin)
	fmt.Printf("probe:  this program as a server (bench.ServeProbe: the same handler on the same packages),\n")
	fmt.Printf("        reporting Go heap in use (HeapAlloc), goroutine stacks (StackInuse) and\n")
	fmt.Printf("        goroutines after runtime.GC(), and its own VmRSS\n")
	fmt.Printf("method: per round a fresh server; %d warm-up sessions; reading; then N sessions more,\n", warmSessions)
	fmt.Printf("        for N in %v cumulatively, a reading after each; figure = (after − before) / N,\n", o.sessionCounts)
	fmt.Printf("        median over %d rounds [min–max]. Each stream is a TCP connection of its own\n", o.sessionRounds)
	fmt.Printf("        that the client stops reading; POSTs and DELETEs share one keep-alive connection.\n")
	fmt.Printf("kinds:  sse stream: GET /sse, endpoint event read | sse initialized: + initialize and\n")
	fmt.Printf("        notifications/initialized over POST /message | http 2025 session: initialize\n")
	fmt.Printf("        (%s) over POST /mcp, Mcp-Session-Id kept, no stream | +GET: a GET /mcp stream\n", bench.LegacyEra)
	fmt.Printf("        held open too | http 2025 deleted: initialized, then ended with DELETE\n")

	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, kind := range bench.SessionKinds {
		binRSS := perSession{}
		heap, stack, gor, probeRSS := perSession{}, perSession{}, perSession{}, perSession{}
		for range o.sessionRounds {
			err := measure(ctx, o, kind, func() (*bench.Proc, error) {
				return bench.Start(o.bin, "--sandbox", "--transport", kind.Transport(), "--addr", "127.0.0.1:0")
			}, func(p *bench.Proc) (reading, error) {
				rss, err := steadyRSS(p.PID)
				return reading{rss: rss}, err
			}, func(n int, d reading) {
				binRSS[n] = append(binRSS[n], d.rss)
			})
			if err != nil {
				return fmt.Errorf("%s, binary: %w", kind, err)
			}
			err = measure(ctx, o, kind, func() (*bench.Proc, error) {
				return bench.Start(self, "-probe", kind.Transport())
			}, func(p *bench.Proc) (reading, error) {
				time.Sleep(300 * time.Millisecond) // let handlers reach their idle wait
				m, err := p.Stats()
				return reading{rss: float64(m.RSS), heap: float64(m.HeapAlloc), stack: float64(m.StackInuse), goroutines: float64(m.Goroutines)}, err
			}, func(n int, d reading) {
				heap[n] = append(heap[n], d.heap)
				stack[n] = append(stack[n], d.stack)
				gor[n] = append(gor[n], d.goroutines)
				probeRSS[n] = append(probeRSS[n], d.rss)
			})
			if err != nil {
				return fmt.Errorf("%s, probe: %w", kind, err)
			}
		}
		fmt.Printf("\n  %s\n", kind)
		fmt.Printf("  %5s  %-26s %-26s %-26s %-14s %s\n", "N", "binary RSS / session", "Go heap / session", "stacks / session", "goroutines", "probe RSS / session")
		for _, n := range o.sessionCounts {
			fmt.Printf("  %5d  %-26s %-26s %-26s %-14s %s\n", n,
				spreadKiB(binRSS[n]), spreadKiB(heap[n]), spreadKiB(stack[n]),
				fmt.Sprintf("%.2f", bench.Median(gor[n])), spreadKiB(probeRSS[n]))
		}
	}
	return nil
}

// measure runs one round on a fresh server: warm-up sessions, a reading, then for each
// session count the sessions needed to reach it and a reading; record gets the growth per
// session.
func measure(ctx context.Context, o *options, kind bench.SessionKind, start func() (*bench.Proc, error),
	read func(*bench.Proc) (reading, error), record func(n int, perSession reading)) error {
	p, err := start()
	if err != nil {
		return err
	}
	defer p.Stop()
	s, err := bench.NewSessions(kind, p.URL)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Open(ctx, warmSessions); err != nil {
		return err
	}
	before, err := read(p)
	if err != nil {
		return err
	}
	opened := 0
	for _, n := range o.sessionCounts {
		if err := s.Open(ctx, n-opened); err != nil {
			return err
		}
		opened = n
		after, err := read(p)
		if err != nil {
			return err
		}
		f := float64(n)
		record(n, reading{
			rss:        (after.rss - before.rss) / f,
			heap:       (after.heap - before.heap) / f,
			stack:      (after.stack - before.stack) / f,
			goroutines: (after.goroutines - before.goroutines) / f,
		})
	}
	s.Close()
	return p.Stop()
}

// steadyRSS waits until VmRSS stops moving (two readings 200 ms apart within 64 KiB, at
// most 4 s) and returns it.
func steadyRSS(pid int) (float64, error) {
	time.Sleep(300 * time.Millisecond)
	prev, err := bench.RSS(pid)
	if err != nil {
		return 0, err
	}
	for range 20 {
		time.Sleep(200 * time.Millisecond)
		cur, err := bench.RSS(pid)
		if err != nil {
			return 0, err
		}
		if d := cur - prev; d < 64<<10 && d > -64<<10 {
			return float64(cur), nil
		}
		prev = cur
	}
	return float64(prev), nil
}

func spreadKiB(xs []float64) string {
	if len(xs) == 0 {
		return "-"
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return fmt.Sprintf("%.1f [%.1f–%.1f] KiB", bench.Median(xs)/1024, lo/1024, hi/1024)
}
