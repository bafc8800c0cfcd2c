package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// inprocess runs the Go benchmarks of package bench and prints the median of each metric.
func inprocess(ctx context.Context, o *options) error {
	args := []string{"test", "-run", "^$", "-bench", ".", "-benchtime", o.benchtime, "-count", strconv.Itoa(o.benchCount), "."}
	fmt.Printf("== In-process benchmarks (client and server in one process) ==\n")
	fmt.Printf("command: go %s (in bench/)\n", strings.Join(args, " "))
	fmt.Printf("figures: median over the %d runs [min–max]; ns/op, B/op and allocs/op are per call,\n", o.benchCount)
	fmt.Printf("         client and server together; see the doc comment of each benchmark\n")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = o.benchDir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go test -bench: %w\n%s", err, out.Bytes())
	}
	metrics := map[string]map[string][]float64{} // benchmark → unit → values
	var order []string
	var units = map[string][]string{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if metrics[name] == nil {
			metrics[name] = map[string][]float64{}
			order = append(order, name)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			unit := f[i+1]
			if metrics[name][unit] == nil {
				units[name] = append(units[name], unit)
			}
			metrics[name][unit] = append(metrics[name][unit], v)
		}
	}
	for _, name := range order {
		fmt.Printf("\n  %s\n", name)
		for _, unit := range units[name] {
			xs := metrics[name][unit]
			fmt.Printf("    %-10s %s\n", unit, spread(xs, "%.0f"))
		}
	}
	return nil
}
