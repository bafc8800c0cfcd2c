package client

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		value  string
		want   int
		wantOK bool
	}{
		{name: "seconds", value: "120", want: 120, wantOK: true},
		{name: "zero seconds", value: "0", want: 0, wantOK: true},
		{name: "seconds with spaces", value: " 45 ", want: 45, wantOK: true},
		{name: "date in the future", value: now.Add(90 * time.Second).Format(http.TimeFormat), want: 90, wantOK: true},
		{name: "date in the future, RFC 850", value: now.Add(time.Hour).Format(time.RFC850), want: 3600, wantOK: true},
		{name: "date in the future, asctime", value: now.Add(2 * time.Minute).Format(time.ANSIC), want: 120, wantOK: true},
		{name: "date in the past", value: now.Add(-time.Hour).Format(http.TimeFormat), want: 0, wantOK: true},
		{name: "date now", value: now.Format(http.TimeFormat), want: 0, wantOK: true},
		{name: "negative seconds", value: "-5", want: 0, wantOK: false},
		{name: "fractional seconds", value: "1.5", want: 0, wantOK: false},
		{name: "garbage", value: "soon", want: 0, wantOK: false},
		{name: "date without a zone", value: "2026-11-29T12:01:00", want: 0, wantOK: false},
		{name: "empty", value: "", want: 0, wantOK: false},
		{name: "blank", value: "   ", want: 0, wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotOK := parseRetryAfter(tt.value, now)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.wantOK, gotOK)
		})
	}
}
