package client

import "net/http"

// authTransport adds the headers every request to Buffer carries. The key lives only here
// and in the redactor; it is never logged and never part of an error.
type authTransport struct {
	key       string
	userAgent string
	base      http.RoundTripper
}

func (t *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+t.key)
	r.Header.Set("User-Agent", t.userAgent)
	r.Header.Set("x-buffer-client-version", t.userAgent)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Accept", "application/json")
	return t.base.RoundTrip(r)
}
