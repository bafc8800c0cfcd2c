package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// newLogger writes structured logs to w (stderr). Every secret is replaced in every value,
// as a last line of defence: the client already keeps the key out of its errors, but a log
// line must never carry it, whatever a future caller passes in.
func newLogger(w io.Writer, format string, level slog.Level, secrets ...string) *slog.Logger {
	redact := redactor(secrets)
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey && a.Value.Kind() == slog.KindTime {
			// In UTC: the local zone would be read from /etc/localtime at the first log
			// line, a cost to every start, and UTC lines compare across machines.
			return slog.Time(a.Key, a.Value.Time().UTC())
		}
		if redact == nil {
			return a
		}
		return redact(groups, a)
	}}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func redactor(secrets []string) func([]string, slog.Attr) slog.Attr {
	var pairs []string
	for _, s := range secrets {
		if s != "" {
			pairs = append(pairs, s, "[redacted]")
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	r := strings.NewReplacer(pairs...)
	return func(_ []string, a slog.Attr) slog.Attr {
		var s string
		switch a.Value.Kind() {
		case slog.KindString:
			s = a.Value.String()
		case slog.KindAny:
			switch v := a.Value.Any().(type) {
			case error:
				s = v.Error()
			case fmt.Stringer:
				s = v.String()
			case []byte:
				s = string(v)
			default:
				s = fmt.Sprintf("%+v", v)
			}
		default:
			return a
		}
		if redacted := r.Replace(s); redacted != s {
			a.Value = slog.StringValue(redacted)
		}
		return a
	}
}
