package dueat

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests run the real formatters that roundtrip_test.go reproduces: node always (CI
// has it; DUEAT_SKIP_NODE=1 skips it, visibly, on a machine without it), python3 where it
// is installed (the reproductions still cover Python without it). Each output must read
// back as its instant, and equal the reproduction.

// externalInstants are the instants given to node and python: a sample of the round-trip
// instants, at whole milliseconds (JavaScript keeps no more).
func externalInstants(t *testing.T) []time.Time {
	var out []time.Time
	for i, inst := range roundTripInstants(t) {
		if i%3 == 0 {
			out = append(out, inst.Truncate(time.Millisecond))
		}
	}
	return out
}

// runExternal runs a program with a script, each line of stdin being a zone and a Unix
// time in milliseconds, and returns its output lines: the zone, the milliseconds, then one
// field per formatter, tab-separated.
func runExternal(t *testing.T, program string, args []string, instants []time.Time) [][]string {
	t.Helper()
	var in bytes.Buffer
	for _, name := range roundTripZones {
		for _, inst := range instants {
			fmt.Fprintf(&in, "%s\t%d\n", name, inst.UnixMilli())
		}
	}
	cmd := exec.Command(program, args...)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", program, err, stderr.String())
	}
	var lines [][]string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		lines = append(lines, strings.Split(sc.Text(), "\t"))
	}
	if want := len(roundTripZones) * len(instants); len(lines) != want {
		t.Fatalf("%s answered %d lines, want %d", program, len(lines), want)
	}
	return lines
}

// checkExternal reads each field of each line back and compares it with its reproduction.
func checkExternal(t *testing.T, lines [][]string, mirrors []string) {
	t.Helper()
	byName := map[string]formatter{}
	for _, f := range formatters {
		byName[f.mirrors] = f
	}
	channel := Location("Asia/Kathmandu")
	now := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, fields := range lines {
		z := Location(fields[0])
		ms, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		inst := time.UnixMilli(ms)
		for i, mirror := range mirrors {
			f, ok := byName[mirror]
			if !ok {
				t.Fatalf("no formatter mirrors %s", mirror)
			}
			got := fields[2+i]
			gotBefore, _, _ := strings.Cut(got, " (")
			if want, _, _ := strings.Cut(f.format(inst.In(z), z), " ("); gotBefore != want {
				t.Errorf("%s in %s: the reproduction writes %q, the real one %q", mirror, fields[0], want, got)
			}
			r, err := Read(got, now, channel)
			if err != nil {
				if f.kind == withAbbrev && !abbrevZones[fields[0]] {
					continue
				}
				t.Errorf("%s in %s: %q refused: %v", mirror, fields[0], got, err)
				continue
			}
			if want := inst.Truncate(f.precision); !r.Time.Equal(want) {
				t.Errorf("%s in %s: %q read as %s, want %s", mirror, fields[0], got, r.Time.UTC().Format(time.RFC3339Nano), want.UTC().Format(time.RFC3339Nano))
			}
		}
	}
}

const nodeScript = `
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const out = [];
for (const line of lines) {
  const [zone, ms] = line.split('\t');
  process.env.TZ = zone;
  const d = new Date(Number(ms));
  out.push([zone, ms, d.toString(), d.toISOString(), JSON.parse(JSON.stringify(d)), d.toUTCString()].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
`

func TestNodeFormattedInstantsReadBack(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("DUEAT_SKIP_NODE") != "" {
			t.Skip("node is not installed and DUEAT_SKIP_NODE is set: JavaScript's formatters are checked by their reproductions only")
		}
		t.Fatal("node is needed to check JavaScript's formatters (CI has it); set DUEAT_SKIP_NODE=1 to skip this test")
	}
	lines := runExternal(t, node, []string{"-e", nodeScript}, externalInstants(t))
	checkExternal(t, lines, []string{
		"JavaScript d.toString()",
		"JavaScript d.toISOString(), JSON.stringify(d)",
		"JavaScript d.toISOString(), JSON.stringify(d)",
		"JavaScript d.toUTCString()",
	})
}

const pythonScript = `
import sys, email.utils
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
for line in sys.stdin:
    zone, ms = line.split()
    dt = datetime.fromtimestamp(int(ms) / 1000, ZoneInfo(zone))
    print('\t'.join([zone, ms, str(dt), dt.isoformat(), dt.isoformat(timespec='minutes'),
        dt.isoformat(timespec='milliseconds'), dt.astimezone(timezone.utc).isoformat(),
        email.utils.format_datetime(dt), email.utils.format_datetime(dt.astimezone(timezone.utc), usegmt=True),
        dt.strftime('%Y-%m-%dT%H:%M:%S%z'), dt.strftime('%Y-%m-%d %H:%M:%S %Z')]))
`

func TestPythonFormattedInstantsReadBack(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil || exec.Command(python, "-c", "import zoneinfo; zoneinfo.ZoneInfo('Europe/Paris')").Run() != nil {
		t.Skip("python3 with zoneinfo is not installed: Python's formatters are checked by their reproductions (roundtrip_test.go)")
	}
	lines := runExternal(t, python, []string{"-c", pythonScript}, externalInstants(t))
	checkExternal(t, lines, []string{
		"Python str(dt)", "Python dt.isoformat()", "Python dt.isoformat(timespec='minutes')",
		"Python dt.isoformat(timespec='milliseconds')", "Python dt.astimezone(timezone.utc).isoformat()",
		"Python email.utils.format_datetime(dt)",
		"Python email.utils.format_datetime(dt.astimezone(timezone.utc), usegmt=True)",
		"Python dt.strftime('%Y-%m-%dT%H:%M:%S%z')", "Python dt.strftime('%Y-%m-%d %H:%M:%S %Z')",
	})
}
