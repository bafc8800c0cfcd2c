package dueat

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// The property: any instant, formatted by the usual formatters of Go, Python, JavaScript
// (and a few others assistants copy from), reads back as the same instant, in whatever
// timezone the channel is. The Python and JavaScript formatters are reproduced here in Go,
// each named for the call it mirrors, so that the property runs on any machine;
// node_test.go checks the JavaScript ones against node itself, and the Python ones against
// python3 where it is installed.

// formatter writes an instant as one library does.
type formatter struct {
	mirrors   string                                     // the call whose output it reproduces
	format    func(t time.Time, z *time.Location) string // t is already in z
	precision time.Duration                              // what the format keeps of the instant
	kind      formKind
}

type formKind int

const (
	withOffset formKind = iota // the offset is written: the instant is exact
	withAbbrev                 // only an abbreviation: exact where it is unambiguous, refused elsewhere
	localOnly                  // no zone at all: the channel's local time
)

// roundTripZones are where the instants are shown: both hemispheres' daylight saving, half
// and quarter hours, +13 and +14, a zone without an abbreviation of its own.
var roundTripZones = []string{
	"UTC", "America/New_York", "America/Los_Angeles", "America/St_Johns", "America/Sao_Paulo", "Europe/London",
	"Europe/Paris", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Sydney", "Australia/Lord_Howe",
	"Pacific/Auckland", "Pacific/Chatham", "Pacific/Tongatapu", "Pacific/Kiritimati", "Pacific/Pago_Pago",
}

// abbrevZones are the zones whose abbreviations the reader must read (its table has them,
// in season, all year); elsewhere an abbreviation alone may be refused, never misread.
var abbrevZones = map[string]bool{
	"UTC": true, "America/New_York": true, "America/Los_Angeles": true, "Europe/London": true, "Europe/Paris": true,
	"Asia/Tokyo": true, "Australia/Sydney": true, "Pacific/Auckland": true,
}

// jsLongNames are the names JavaScript's Date.toString() gives in parentheses (node 20 with
// full ICU, en-US), by zone and by whether daylight saving is in force. ICU has its own
// tz data and rules for the names (it calls São Paulo's summers after 2037 "Summer Time"),
// so node_test.go compares what comes before the name.
var jsLongNames = map[string][2]string{
	"UTC":                 {"Coordinated Universal Time", "Coordinated Universal Time"},
	"America/New_York":    {"Eastern Standard Time", "Eastern Daylight Time"},
	"America/Los_Angeles": {"Pacific Standard Time", "Pacific Daylight Time"},
	"America/St_Johns":    {"Newfoundland Standard Time", "Newfoundland Daylight Time"},
	"America/Sao_Paulo":   {"Brasilia Standard Time", "Brasilia Summer Time"},
	"Europe/London":       {"Greenwich Mean Time", "British Summer Time"},
	"Europe/Paris":        {"Central European Standard Time", "Central European Summer Time"},
	"Asia/Kolkata":        {"India Standard Time", "India Standard Time"},
	"Asia/Kathmandu":      {"Nepal Time", "Nepal Time"},
	"Asia/Tokyo":          {"Japan Standard Time", "Japan Daylight Time"},
	"Australia/Sydney":    {"Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
	"Australia/Lord_Howe": {"Lord Howe Standard Time", "Lord Howe Daylight Time"},
	"Pacific/Auckland":    {"New Zealand Standard Time", "New Zealand Daylight Time"},
	"Pacific/Chatham":     {"Chatham Standard Time", "Chatham Daylight Time"},
	"Pacific/Tongatapu":   {"Tonga Standard Time", "Tonga Summer Time"},
	"Pacific/Kiritimati":  {"Line Islands Time", "Line Islands Time"},
	"Pacific/Pago_Pago":   {"American Samoa Standard Time", "American Samoa Daylight Time"},
}

var formatters = []formatter{
	// Go
	{"Go t.Format(time.RFC3339)", goLayout(time.RFC3339), time.Second, withOffset},
	{"Go t.Format(time.RFC3339Nano)", goLayout(time.RFC3339Nano), 1, withOffset},
	{"Go t.Format(time.RFC1123Z)", goLayout(time.RFC1123Z), time.Second, withOffset},
	{"Go t.Format(time.RubyDate)", goLayout(time.RubyDate), time.Second, withOffset},
	{"Go t.String()", func(t time.Time, _ *time.Location) string { return t.String() }, 1, withOffset},
	{"Go t.UTC().Format(time.RFC1123)", func(t time.Time, _ *time.Location) string { return t.UTC().Format(time.RFC1123) }, time.Second, withOffset},
	{"Go t.Format(time.RFC1123)", goLayout(time.RFC1123), time.Second, withAbbrev},
	{"Go t.Format(time.UnixDate)", goLayout(time.UnixDate), time.Second, withAbbrev},
	{"Go t.Format(time.ANSIC)", goLayout(time.ANSIC), time.Second, localOnly},
	{"Go t.Format(time.DateTime)", goLayout(time.DateTime), time.Second, localOnly},
	// Python (datetime with a zoneinfo.ZoneInfo)
	{"Python str(dt)", pyISO(" ", "auto"), time.Microsecond, withOffset},
	{"Python dt.isoformat()", pyISO("T", "auto"), time.Microsecond, withOffset},
	{"Python dt.isoformat(timespec='minutes')", pyISO("T", "minutes"), time.Minute, withOffset},
	{"Python dt.isoformat(timespec='milliseconds')", pyISO("T", "milliseconds"), time.Millisecond, withOffset},
	{"Python dt.astimezone(timezone.utc).isoformat()", func(t time.Time, z *time.Location) string { return pyISO("T", "auto")(t.UTC(), time.UTC) }, time.Microsecond, withOffset},
	{"Python email.utils.format_datetime(dt)", goLayout("Mon, 02 Jan 2006 15:04:05 -0700"), time.Second, withOffset},
	{"Python email.utils.format_datetime(dt.astimezone(timezone.utc), usegmt=True)", func(t time.Time, _ *time.Location) string {
		return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
	}, time.Second, withOffset},
	{"Python dt.strftime('%Y-%m-%dT%H:%M:%S%z')", goLayout("2006-01-02T15:04:05-0700"), time.Second, withOffset},
	{"Python dt.strftime('%Y-%m-%d %H:%M:%S %Z')", goLayout("2006-01-02 15:04:05 MST"), time.Second, withAbbrev},
	{"Python dt.replace(tzinfo=None).isoformat()", pyNaive, time.Microsecond, localOnly},
	// JavaScript
	{"JavaScript d.toISOString(), JSON.stringify(d)", func(t time.Time, _ *time.Location) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }, time.Millisecond, withOffset},
	{"JavaScript d.toUTCString()", func(t time.Time, _ *time.Location) string { return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT") }, time.Second, withOffset},
	{"JavaScript d.toString()", jsToString, time.Second, withOffset},
	{"moment(d).toString()", goLayout("Mon Jan 02 2006 15:04:05 GMT-0700"), time.Second, withOffset},
	{"Temporal.ZonedDateTime toString()", temporalString, 1, withOffset},
	// Java, C#, PostgreSQL
	{"Java ZonedDateTime.toString()", javaZoned, 1, withOffset},
	{"Java new Date().toString()", goLayout("Mon Jan 02 15:04:05 MST 2006"), time.Second, withAbbrev},
	{"C# DateTimeOffset.ToString(\"o\")", goLayout("2006-01-02T15:04:05.0000000-07:00"), 100, withOffset},
	{"C# DateTime.UtcNow.ToString(\"u\")", func(t time.Time, _ *time.Location) string { return t.UTC().Format("2006-01-02 15:04:05Z") }, time.Second, withOffset},
	{"PostgreSQL timestamptz output", postgres, time.Microsecond, withOffset},
}

func goLayout(layout string) func(time.Time, *time.Location) string {
	return func(t time.Time, _ *time.Location) string { return t.Format(layout) }
}

// pyISO mirrors datetime.isoformat(sep, timespec) (str(dt) is isoformat(" ")): microseconds
// only when there are some, with "auto".
func pyISO(sep, timespec string) func(time.Time, *time.Location) string {
	return func(t time.Time, _ *time.Location) string {
		layout := "2006-01-02" + sep + "15:04:05"
		switch {
		case timespec == "minutes":
			layout = "2006-01-02" + sep + "15:04"
		case timespec == "milliseconds":
			layout += ".000"
		case t.Nanosecond()/1000 != 0:
			layout += ".000000"
		}
		return t.Format(layout + "-07:00")
	}
}

func pyNaive(t time.Time, _ *time.Location) string {
	if t.Nanosecond()/1000 != 0 {
		return t.Format("2006-01-02T15:04:05.000000")
	}
	return t.Format("2006-01-02T15:04:05")
}

// jsToString mirrors Date.prototype.toString() with process.env.TZ set to the zone.
func jsToString(t time.Time, z *time.Location) string {
	names := jsLongNames[z.String()]
	name := names[0]
	if t.IsDST() {
		name = names[1]
	}
	return t.Format("Mon Jan 02 2006 15:04:05 GMT-0700") + " (" + name + ")"
}

// temporalString mirrors Temporal.ZonedDateTime.prototype.toString(): the fraction without
// trailing zeros, the offset with a colon, the zone in brackets.
func temporalString(t time.Time, z *time.Location) string {
	return t.Format("2006-01-02T15:04:05.999999999-07:00") + "[" + z.String() + "]"
}

// javaZoned mirrors ZonedDateTime.toString(): seconds only when not zero, the fraction in
// groups of three digits, Z for a zero offset, the zone in brackets.
func javaZoned(t time.Time, z *time.Location) string {
	s := t.Format("2006-01-02T15:04")
	switch ns := t.Nanosecond(); {
	case ns == 0 && t.Second() == 0:
	case ns == 0:
		s += t.Format(":05")
	case ns%1e6 == 0:
		s += t.Format(":05.000")
	case ns%1e3 == 0:
		s += t.Format(":05.000000")
	default:
		s += t.Format(":05.000000000")
	}
	if _, off := t.Zone(); off == 0 {
		return s + "Z[" + z.String() + "]"
	}
	return s + t.Format("-07:00") + "[" + z.String() + "]"
}

// postgres mirrors PostgreSQL's output of a timestamptz (DateStyle ISO) with the session's
// TimeZone set to the zone: microseconds when there are some, the offset in hours alone
// when it is whole.
func postgres(t time.Time, _ *time.Location) string {
	layout := "2006-01-02 15:04:05"
	if t.Nanosecond()/1000 != 0 {
		layout += ".999999"
	}
	if _, off := t.Zone(); off%3600 == 0 {
		return t.Format(layout + "-07")
	}
	return t.Format(layout + "-07:00")
}

// roundTripInstants are random instants between 1990 and 2090 with random fractions, and
// instants around every daylight-saving change of 2026 and 2027 in the zones above.
func roundTripInstants(t *testing.T) []time.Time {
	r := rand.New(rand.NewPCG(15, 2026))
	lo := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	var out []time.Time
	for range 300 {
		out = append(out, time.Unix(lo+r.Int64N(hi-lo), r.Int64N(1e9)).UTC())
	}
	for _, name := range roundTripZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for at := time.Date(2026, 1, 1, 0, 0, 0, 0, loc); at.Year() < 2028; {
			_, end := at.ZoneBounds()
			if end.IsZero() {
				break
			}
			for _, d := range []time.Duration{-time.Second, 0, 30 * time.Minute, time.Hour + 15*time.Minute} {
				out = append(out, end.Add(d).UTC())
			}
			at = end
		}
	}
	return out
}

// uniqueWall is whether the wall-clock time t shows in its zone occurs once there: a local
// time without an offset can only be read back when it does.
func uniqueWall(t time.Time) bool {
	_, before := t.Add(-3 * time.Hour).Zone()
	_, after := t.Add(3 * time.Hour).Zone()
	return before == after
}

func TestFormattedInstantsReadBackAsTheSameInstant(t *testing.T) {
	instants := roundTripInstants(t)
	channel := Location("Asia/Kathmandu") // a zone in the value must win over the channel's
	now := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	checked := map[string]int{}
	for _, f := range formatters {
		for _, name := range roundTripZones {
			z := Location(name)
			for _, inst := range instants {
				at := inst.In(z)
				if f.kind == localOnly && !uniqueWall(at) {
					continue
				}
				s := f.format(at, z)
				loc := channel
				if f.kind == localOnly {
					loc = z
				}
				r, err := Read(s, now, loc)
				want := inst.Truncate(f.precision)
				switch {
				case err == nil && r.Time.Equal(want):
					checked[f.mirrors]++
				case err != nil && f.kind == withAbbrev && !abbrevZones[name]:
					// refused, not misread: an abbreviation such as IST or WITA
				case err != nil:
					t.Errorf("%s in %s: %q refused: %v", f.mirrors, name, s, err)
				default:
					t.Errorf("%s in %s: %q read as %s, want %s", f.mirrors, name, s,
						r.Time.UTC().Format(time.RFC3339Nano), want.UTC().Format(time.RFC3339Nano))
				}
			}
		}
	}
	for _, f := range formatters {
		if checked[f.mirrors] == 0 {
			t.Errorf("%s: no instant read back", f.mirrors)
		}
	}
	if testing.Verbose() {
		var lines []string
		for _, f := range formatters {
			lines = append(lines, fmt.Sprintf("%6d  %s", checked[f.mirrors], f.mirrors))
		}
		t.Logf("instants read back, by formatter:\n%s", strings.Join(lines, "\n"))
	}
}
