package install

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// object is a JSON object that keeps its members in order, so that a configuration file
// written back keeps the order its owner (or its client) gave it. Values read from a file
// stay as they were read (json.RawMessage); values set here are encoded when written.
type object []member

type member struct {
	key   string
	value any
}

func (o *object) get(key string) (any, bool) {
	for _, m := range *o {
		if m.key == key {
			return m.value, true
		}
	}
	return nil, false
}

// set replaces the member's value where it is, or adds it at the end.
func (o *object) set(key string, value any) {
	for i := range *o {
		if (*o)[i].key == key {
			(*o)[i].value = value
			return
		}
	}
	*o = append(*o, member{key, value})
}

// MarshalJSON writes the members in order; HTML characters stay as they are (a path with &
// is common enough).
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// render is o as a file: two-space indentation and a final newline, as the clients write
// their own files.
func render(o object) ([]byte, error) {
	compact, err := marshal(o)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// parseObject reads a JSON object, keeping the order of its members and their values raw.
// Whitespace alone is an empty object (a client may create the file empty).
func parseObject(data []byte) (object, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return object{}, nil
	}
	if !json.Valid(data) {
		return nil, syntaxError(data)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("it is not a JSON object")
	}
	var o object
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		o = append(o, member{key: tok.(string), value: raw})
	}
	return o, nil
}

// childObject reads the member key of o as an object (an absent or null one is empty).
func childObject(o object, key string) (object, error) {
	v, ok := o.get(key)
	if !ok {
		return object{}, nil
	}
	switch v := v.(type) {
	case object:
		return v, nil
	case json.RawMessage:
		if string(v) == "null" {
			return object{}, nil
		}
		if len(v) == 0 || v[0] != '{' {
			return nil, fmt.Errorf("%q is not a JSON object", key)
		}
		return parseObject(v)
	}
	return nil, fmt.Errorf("%q is not a JSON object", key)
}

// syntaxError says where data stops being JSON, and whether it is JSON with comments or
// trailing commas (which VS Code and Cursor accept, and which rewriting would lose).
func syntaxError(data []byte) error {
	if json.Valid(stripJSONC(data)) {
		return errors.New("it has comments or trailing commas, which rewriting it would lose")
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:se.Offset], []byte("\n"))
		col := int(se.Offset) - bytes.LastIndexByte(data[:se.Offset], '\n') - 1
		return fmt.Errorf("it is not valid JSON (line %d, column %d: %s)", line, col, se.Error())
	}
	return fmt.Errorf("it is not valid JSON: %w", err)
}

// stripJSONC removes // and /* */ comments and trailing commas outside strings.
func stripJSONC(data []byte) []byte {
	var out []byte
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString:
			out = append(out, c)
			if c == '\\' && i+1 < len(data) {
				i++
				out = append(out, data[i])
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
			out = append(out, c)
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			end := bytes.Index(data[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
		default:
			out = append(out, c)
		}
	}
	// A comma followed only by whitespace before } or ] is a trailing comma.
	s := string(out)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			j := i + 1
			for j < len(s) && strings.ContainsRune(" \t\r\n", rune(s[j])) {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return []byte(b.String())
}
