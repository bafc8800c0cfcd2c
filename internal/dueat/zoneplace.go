// Placing a wall-clock time in the zone a value names (zone.go reads it): an offset, a
// place, an abbreviation in or out of season, and the names that must agree with them.

package dueat

import (
	"fmt"
	"strings"
	"time"
)

// placeWall is the instant at which a wall clock shows the given date and time in the zone
// z named with the time, or in loc (the channel's) when z is nil. The note says which zone
// was used when one was named, and how a daylight-saving edge was resolved.
func placeWall(y, mo, d, h, mi, sec, nsec int, z *zone, loc *time.Location, input string) (time.Time, string, error) {
	if z == nil || !z.hasOffset && z.abbr == nil {
		at := loc
		if z != nil {
			at = z.loc
		}
		t, note, err := wallTime(y, mo, d, h, mi, sec, at, input)
		if err != nil || z == nil {
			return t.Add(time.Duration(nsec)), note, err
		}
		t = t.Add(time.Duration(nsec))
		return t, joinNotes(z.usedNote(t, at), note), nil
	}
	if err := validWall(y, mo, d, h, mi, sec, input); err != nil {
		return time.Time{}, "", err
	}
	naive := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC)
	if z.hasOffset {
		t := naive.Add(-time.Duration(z.offset) * time.Second)
		if err := inRange(t, input); err != nil {
			return time.Time{}, "", err
		}
		if err := z.agrees(t, input); err != nil {
			return time.Time{}, "", err
		}
		if !z.named {
			return t, "", nil
		}
		at := z.loc
		switch {
		case at != nil:
		case z.abbr != nil:
			at = time.FixedZone(z.abbr.name, z.offset)
		default:
			at = time.FixedZone(z.fixedName(), z.offset)
		}
		return t, z.usedNote(t, at), nil
	}
	// An abbreviation alone: its offset when its region uses it on that day; otherwise
	// the region's clock (PST in July), or a refusal when places keep it all year (MST).
	a := z.abbr
	region := Location(a.region)
	t := naive.Add(-time.Duration(a.offset) * time.Second)
	if z.loc != nil {
		// A place with its abbreviation: the abbreviation must be the one in use there.
		if _, off := t.In(z.loc).Zone(); off != a.offset {
			return time.Time{}, "", refuse("%q: on %s, %s is not at %s (%s); give the zone alone, or %s",
				input, naive.Format("Monday 2 January 2006"), z.locSaid, formatOffset(a.offset), a.name, Examples)
		}
		if err := inRange(t, input); err != nil {
			return time.Time{}, "", err
		}
		return t, z.usedNote(t, z.loc), nil
	}
	if _, off := t.In(region).Zone(); off == a.offset {
		if err := inRange(t, input); err != nil {
			return time.Time{}, "", err
		}
		return t, z.usedNote(t, time.FixedZone(a.name, a.offset)), nil
	}
	inUse := t.In(region).Format("MST, -07:00")
	day := naive.Format("Monday 2 January 2006")
	if a.keptBy != "" {
		return time.Time{}, "", refuse("%q: on %s, %s (%s) is used in %s but not in %s, which is on %s; "+
			"write the place (such as %q) or the offset, as in %q, or %s", input, day, a.name, formatOffset(a.offset),
			a.keptBy, a.region, inUse, cityOf(a.region)+" time", naive.Format("2006-01-02T15:04:05")+formatOffset(a.offset), Examples)
	}
	t, dst, err := wallTime(y, mo, d, h, mi, sec, region, input)
	if err != nil {
		return time.Time{}, "", err
	}
	t = t.Add(time.Duration(nsec))
	note := fmt.Sprintf("%s (%s) is not in use in %s on %s (it is %s); read as the clocks there show it, %s. For %s, give the offset.",
		a.name, formatOffset(a.offset), a.region, day, inUse, t.In(region).Format("15:04 MST (-07:00)"), formatOffset(a.offset))
	return t, joinNotes(note, dst), nil
}

// agrees refuses a name given with an offset that the name does not have at t.
func (z *zone) agrees(t time.Time, input string) error {
	switch {
	case z.loc != nil && !(z.fromZ && z.bracket):
		if _, off := t.In(z.loc).Zone(); off != z.offset {
			return refuse("%q: at that time %s is at %s, not %s; give the offset or the zone alone, or %s",
				input, z.locSaid, formatOffset(off), formatOffset(z.offset), Examples)
		}
	case z.ambiguous != "":
		for _, off := range zoneIndexOnce().ambiguous[z.ambiguous].offsets {
			if off == z.offset {
				return nil
			}
		}
		return refuse("%q: %s is not %s; give the offset or the zone alone, or %s",
			input, strings.ToUpper(z.ambiguous), formatOffset(z.offset), Examples)
	case z.abbr != nil:
		if z.abbr.offset == z.offset {
			return nil
		}
		for _, off := range zoneIndexOnce().offsets[z.abbr.name] {
			if int(off) == z.offset {
				return nil
			}
		}
		return refuse("%q: %s is %s, not %s; give the offset or the zone alone, or %s",
			input, z.abbr.name, formatOffset(z.abbr.offset), formatOffset(z.offset), Examples)
	}
	return nil
}

// fixedName is how a zone given as UTC or GMT, with or without an offset, shows in a note.
func (z *zone) fixedName() string {
	if z.offset == 0 {
		return "UTC"
	}
	return "UTC" + formatOffset(z.offset)
}

// usedNote tells the person which zone a time given with one was read in, and the time
// on its clocks.
func (z *zone) usedNote(t time.Time, at *time.Location) string {
	local := t.In(at)
	abbr, off := local.Zone()
	clock := local.Format("15:04")
	switch {
	case strings.HasPrefix(abbr, "UTC"):
		clock += " " + abbr
	case abbr != "" && strings.Trim(abbr, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == "":
		clock += " " + abbr + " (" + formatOffset(off) + ")"
	default:
		clock += " (" + formatOffset(off) + ")"
	}
	if z.loc != nil {
		return fmt.Sprintf("Read as %s in %s, the timezone given with the time.", clock, z.locSaid)
	}
	return fmt.Sprintf("Read as %s, the timezone given with the time.", clock)
}
