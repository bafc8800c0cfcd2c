package sandbox

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Cursors are opaque to clients, as Buffer's are: base64 of the position of a post (or an
// idea) in the sorted result and a hash of the input (organization, filter, sort) that produced it, so
// that a cursor used with another input is refused instead of silently skipping posts.
// Positions do not follow posts created or deleted between pages, which is good enough for
// a fake.

const errCursor = "Invalid cursor: it belongs to another query (the organization, filter or sort changed). Start again without after."

// inputHash identifies a posts or ideas input. json.Marshal writes struct fields in a fixed
// order and times in one format, so equal inputs hash alike.
func inputHash(in any) string {
	b, _ := json.Marshal(in)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

func encodeCursor(offset int, hash string) string {
	return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "%d:%s", offset, hash))
}

// decodeCursor returns the position after which the next page starts.
func decodeCursor(cursor, hash string) (int, error) {
	raw, err := base64.StdEncoding.DecodeString(cursor)
	if err != nil {
		return 0, errBadInput("Invalid cursor: it is not one the API returned.")
	}
	off, h, ok := strings.Cut(string(raw), ":")
	n, err := strconv.Atoi(off)
	if !ok || err != nil || n < 0 {
		return 0, errBadInput("Invalid cursor: it is not one the API returned.")
	}
	if h != hash {
		return 0, errBadInput(errCursor)
	}
	return n, nil
}
