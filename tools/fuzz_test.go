package tools

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzDecodeArgs feeds arbitrary JSON to every tool's argument decoding and validation.
// Whatever comes in, the answer is arguments or an *argError naming a field: never a panic,
// never another kind of error.
func FuzzDecodeArgs(f *testing.F) {
	for _, seed := range []string{
		`{}`, `null`, `[]`, `"x"`, `{"postId":"0123456789abcdef01234567"}`,
		`{"channelId":"0123456789abcdef01234567","text":"hi","dueAt":"2030-01-01T09:00:00+01:00"}`,
		`{"channelIds":["0123456789abcdef01234567","0123456789abcdef01234568"],"text":"x","mode":"shareNext"}`,
		`{"status":["scheduled","sent"],"first":100,"sort":"dueAt_desc","dueAfter":"2026-01-01T00:00:00Z"}`,
		`{"assets":[{"type":"document","url":"https://e.com/a.pdf","title":"t","thumbnailUrl":"https://e.com/t.png"}]}`,
		`{"postId":"0123456789abcdef01234567","assets":[],"text":""}`,
		`{"CHANNELID":1,"first":-1,"status":[null]}`,
	} {
		f.Add(seed)
	}
	decoders := map[string]func(*argNames, any) error{}
	names := func(v any) *argNames { return namesOf(inputSchema(v)) }
	decoders["list_posts"] = func(n *argNames, raw any) error { _, err := decodeArgs[listPostsArgs](n, raw); return err }
	decoders["create_post"] = func(n *argNames, raw any) error { _, err := decodeArgs[createPostArgs](n, raw); return err }
	decoders["edit_post"] = func(n *argNames, raw any) error { _, err := decodeArgs[editPostArgs](n, raw); return err }
	decoders["get_post"] = func(n *argNames, raw any) error { _, err := decodeArgs[getPostArgs](n, raw); return err }
	decoders["list_channels"] = func(n *argNames, raw any) error { _, err := decodeArgs[listChannelsArgs](n, raw); return err }
	trees := map[string]*argNames{
		"list_posts": names(new(listPostsArgs)), "create_post": names(new(createPostArgs)),
		"edit_post": names(new(editPostArgs)), "get_post": names(new(getPostArgs)),
		"list_channels": names(new(listChannelsArgs)),
	}

	f.Fuzz(func(t *testing.T, input string) {
		var raw any
		if json.Unmarshal([]byte(input), &raw) != nil {
			raw = json.RawMessage(input) // as an in-process client may pass it
		}
		for name, decode := range decoders {
			err := decode(trees[name], raw)
			if err == nil {
				continue
			}
			ae, ok := err.(*argError)
			if !ok {
				t.Fatalf("%s: %q gave %T %v, not an argument error", name, input, err, err)
			}
			if ae.field == "" {
				t.Fatalf("%s: %q gave an argument error without a field: %v", name, input, err)
			}
		}
	})
}

// FuzzResolveSchedule checks the time rules on arbitrary mode and dueAt, and reads every
// accepted dueAt in several timezones (both daylight-saving edges, the date line): an
// accepted time is an instant that formats back to RFC 3339, only ever with
// customScheduled, and a refusal is an argument error naming dueAt or mode.
func FuzzResolveSchedule(f *testing.F) {
	for _, s := range [][2]string{
		{"", "2026-12-01T09:00:00-05:00"}, {"customScheduled", ""}, {"addToQueue", "2026-12-01T09:00:00Z"},
		{"", "2026-12-01T09:00:00"}, {"shareNow", ""}, {"", "tomorrow 9am"}, {"", "2026-02-30T09:00:00Z"},
		{"", "9999-12-31T23:59:59.999999999+14:00"}, {"", "2026-03-08T02:30:00-05:00"}, {"", "2026-03-08 02:30"},
		{"", "2026-11-01 01:30"}, {"", "next Friday at 17:30"}, {"", "in 2 hours"}, {"", "Dec 3 noon"}, {"", "12/03 9am"},
		{"", "tonight at 8"}, {"", "friday"},
	} {
		f.Add(s[0], s[1])
	}
	now := time.Date(2026, 11, 29, 11, 30, 0, 0, time.UTC)
	zones := []string{"UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu"}
	f.Fuzz(func(t *testing.T, mode, dueAt string) {
		s, err := resolveSchedule(mode, dueAt)
		if err != nil {
			if ae, ok := err.(*argError); !ok || (ae.field != "dueAt" && ae.field != "mode") {
				t.Fatalf("resolveSchedule(%q, %q): %T %v", mode, dueAt, err, err)
			}
			return
		}
		if dueAt == "" {
			return
		}
		if s.mode != "customScheduled" {
			t.Fatalf("dueAt %q accepted with mode %q", dueAt, s.mode)
		}
		for _, tz := range zones {
			r, err := readDueAt(s.dueAt, now, tz)
			got := r.Time
			if err != nil {
				if ae, ok := err.(*argError); !ok || ae.field != "dueAt" {
					t.Fatalf("readDueAt(%q) in %s: %T %v", dueAt, tz, err, err)
				}
				continue
			}
			if _, err := time.Parse(time.RFC3339, formatUTC(got)); err != nil {
				t.Fatalf("%q in %s read as %v, which does not format to RFC 3339: %v", dueAt, tz, got, err)
			}
			_ = checkFuture(got, now, tz) // must not panic in any timezone
		}
	})
}
