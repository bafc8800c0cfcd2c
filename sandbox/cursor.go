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

// page is one page of a list, with each item's cursor.
type page[T any] struct {
	items   []T
	cursors []string
	hasNext bool
}

// pageSize reads first: 20 when absent, else 1 to 100, as Buffer allows.
func pageSize(first *int32) (int, error) {
	size := defaultFirst
	if first != nil {
		size = int(*first)
	}
	if size < 1 || size > maxFirst {
		return 0, errBadInput("first must be between 1 and 100.")
	}
	return size, nil
}

// pageOf cuts the page that starts after the cursor out of all, the whole list that input
// produced; a cursor from another input is refused.
func pageOf[T any](all []T, input any, size int, after *string) (*page[T], error) {
	hash := inputHash(input)
	start := 0
	if after != nil {
		n, err := decodeCursor(*after, hash)
		if err != nil {
			return nil, err
		}
		start = n + 1
	}
	p := &page[T]{}
	for i := start; i < len(all) && i < start+size; i++ {
		p.items = append(p.items, all[i])
		p.cursors = append(p.cursors, encodeCursor(i, hash))
	}
	p.hasNext = start+size < len(all)
	return p, nil
}
