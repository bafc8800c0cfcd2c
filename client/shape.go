package client

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// An answer without errors must still hold what its operation asked for: a blank answer
// ({"data":{}}, a null payload, an object without its fields) is not a success, since
// genqlient decodes it to zero values without a word, and a tool would show empty ids (or
// take a change for done). So every answer is checked against its operation's shape, built
// by `go generate` from the schema and the operations (shapes_gen.go): every field that a
// selection asks for and the schema says cannot be null must be there, and not null (of
// the kind its type says: an object, a list). A field that the schema allows to be null (a
// nullable root field such as postTemplate, at any depth) may be null or left out. Every operation gets the check, the next one as well: it is
// generated with the rest.

// shape is what an answer must hold of one object: the fields its selection asks for.
type shape []field

// field is one selected field.
type field struct {
	key      string   // the response key: the alias, else the field's name
	nullable bool     // the schema allows null here
	list     bool     // a list of values ...
	nullItem bool     // ... whose items may be null
	on       []string // the types (__typename) it is selected on, sorted; nil: every object
	sub      shape    // the selection of an object, or of each object of a list; nil for a leaf
}

// missing names the first place where an answer lacks what s asks for, as a path such as
// "posts.edges[3].node.id is null"; "" when nothing is. raw is the whole answer, which
// genqlient's decoding has accepted, so it is valid JSON: one pass reads it without
// checking its syntax again, and a path is built only for the problem found.
func (s shape) missing(raw []byte) string {
	w := walker{b: raw}
	if w.next() != '{' {
		return "the answer is not a JSON object"
	}
	problem := "data is missing"
	w.members(func(key []byte) {
		if string(key) != "data" {
			w.skip()
			return
		}
		switch w.next() {
		case '{':
			problem = w.object(s)
			if problem != "" && problem[0] == ' ' {
				problem = "data" + problem
			}
		case 'n':
			problem = "data is null"
			w.skip()
		default:
			problem = "data is not an object"
			w.skip()
		}
	})
	return problem
}

// object checks the object at w against s, and returns the problem as a path relative to
// it ("id is missing", "edges[2].node is null"); "" when there is none.
func (w *walker) object(s shape) string {
	typename := ""
	for _, f := range s {
		if f.on != nil {
			typename = w.typename()
			break
		}
	}
	var seen uint64 // by field index; the generator keeps shapes under 64 fields
	problem := ""
	w.members(func(key []byte) {
		checked := false
		for i := range s {
			f := &s[i]
			if f.key != string(key) || !f.applies(typename) {
				continue
			}
			seen |= 1 << i
			if !checked && problem == "" {
				checked = true
				if p := w.value(f); p != "" {
					problem = f.key + p
				}
			}
		}
		if !checked {
			w.skip()
		}
	})
	if problem != "" {
		return problem
	}
	for i, f := range s {
		if seen&(1<<i) == 0 && !f.nullable && f.applies(typename) {
			return f.key + " is missing"
		}
	}
	return ""
}

// applies reports whether f is selected on an object of the type typename.
func (f *field) applies(typename string) bool {
	return f.on == nil || slices.Contains(f.on, typename)
}

// value checks (and reads past) the value of f at w, and returns the problem as a path
// relative to f.
func (w *walker) value(f *field) string {
	switch c := w.next(); {
	case c == 'n':
		w.skip()
		if !f.nullable {
			return " is null"
		}
		return ""
	case f.list:
		if c != '[' {
			w.skip()
			return " is not a list"
		}
		problem, i := "", -1
		w.elements(func() {
			i++
			if problem != "" {
				w.skip()
				return
			}
			p := ""
			switch c := w.next(); {
			case c == 'n':
				w.skip()
				if !f.nullItem {
					p = " is null"
				}
			case f.sub == nil:
				w.skip()
			case c != '{':
				w.skip()
				p = " is not an object"
			default:
				p = w.objectAt(f.sub)
			}
			if p != "" {
				problem = "[" + strconv.Itoa(i) + "]" + p
			}
		})
		return problem
	case f.sub != nil:
		if c != '{' {
			w.skip()
			return " is not an object"
		}
		return w.objectAt(f.sub)
	}
	w.skip() // a scalar or an enum: genqlient's decoding checks its type
	return ""
}

// objectAt is object's problem as a continuation of its parent's path.
func (w *walker) objectAt(s shape) string {
	p := w.object(s)
	if p == "" || p[0] == ' ' {
		return p
	}
	return "." + p
}

// walker reads valid JSON in one pass: it steps through objects and lists and skips the
// values it is not asked about, without checking their syntax.
type walker struct {
	b []byte
	i int
}

// next skips white space and returns the next byte, 0 at the end.
func (w *walker) next() byte {
	for w.i < len(w.b) {
		switch c := w.b[w.i]; c {
		case ' ', '\t', '\n', '\r':
			w.i++
		default:
			return c
		}
	}
	return 0
}

// members calls member for each member of the object at w with its key, w at the value,
// which member must read past (with skip, or by checking it); w ends past the object.
func (w *walker) members(member func(key []byte)) {
	w.membersWhile(func(key []byte) bool { member(key); return true })
}

// membersWhile is members until member returns false; w is then at the next member.
func (w *walker) membersWhile(member func(key []byte) bool) {
	w.i++ // {
	for {
		switch w.next() {
		case '}':
			w.i++
			return
		case ',':
			w.i++
			continue
		case 0:
			return
		}
		key := w.str()
		w.next()
		w.i++ // :
		w.next()
		if !member(key) {
			return
		}
	}
}

// elements calls element for each element of the list at w, w at the element, which
// element must read past; w ends past the list.
func (w *walker) elements(element func()) {
	w.i++ // [
	for {
		switch w.next() {
		case ']':
			w.i++
			return
		case ',':
			w.i++
			continue
		case 0:
			return
		}
		element()
	}
}

// str reads the string at w and returns its content, unescaped only when it has an escape.
func (w *walker) str() []byte {
	start := w.i + 1
	end, escaped := start, false
	for end < len(w.b) {
		j := bytes.IndexByte(w.b[end:], '"')
		if j < 0 {
			end = len(w.b)
			break
		}
		end += j
		n := 0 // backslashes before the quote: an even number leaves it unescaped
		for k := end - 1; k >= start && w.b[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			break
		}
		escaped = true
		end++
	}
	w.i = min(end+1, len(w.b))
	s := w.b[start:min(end, len(w.b))]
	if escaped || bytes.IndexByte(s, '\\') >= 0 {
		var u string
		if json.Unmarshal(w.b[start-1:w.i], &u) == nil {
			return []byte(u)
		}
	}
	return s
}

// skip reads past the value at w.
func (w *walker) skip() {
	switch w.next() {
	case '"':
		w.str()
	case '{', '[':
		depth := 0
		for w.i < len(w.b) {
			switch w.b[w.i] {
			case '"':
				w.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			w.i++
			if depth == 0 {
				return
			}
		}
	default: // a number, true, false or null
		start := w.i
		for w.i < len(w.b) {
			switch w.b[w.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				if w.i == start {
					w.i++ // not a value: step over it, so that no loop stands still on bad input
				}
				return
			}
			w.i++
		}
	}
}

// typename is the __typename of the object at w, without moving w. genqlient selects it
// first, and GraphQL answers in selection order, so this reads one member.
func (w *walker) typename() string {
	ahead := *w
	name := ""
	ahead.membersWhile(func(key []byte) bool {
		if string(key) == "__typename" && ahead.next() == '"' {
			name = string(ahead.str())
			return false
		}
		ahead.skip()
		return true
	})
	return name
}
