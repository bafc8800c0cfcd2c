package tools

import (
	"encoding/json"
	"fmt"
	"strings"
)

// argNames is the tree of property names an input schema allows. encoding/json matches
// names without regard to case, so {"CHANNELID": …} would pass as channelId; checking the
// raw arguments against this tree first makes names exact, at every depth.
type argNames struct {
	props map[string]*argNames // for an object
	items *argNames            // for an array
}

// namesOf reads the tree from a JSON Schema produced by inputSchema.
func namesOf(schema json.RawMessage) *argNames {
	var s rawSchema
	if err := json.Unmarshal(schema, &s); err != nil {
		panic(fmt.Sprintf("tools: input schema does not parse: %v", err)) // a programming error
	}
	return s.names()
}

type rawSchema struct {
	Properties map[string]rawSchema `json:"properties"`
	Items      *rawSchema           `json:"items"`
}

func (s rawSchema) names() *argNames {
	n := &argNames{}
	if s.Properties != nil {
		n.props = map[string]*argNames{}
		for name, p := range s.Properties {
			n.props[name] = p.names()
		}
	}
	if s.Items != nil {
		n.items = s.Items.names()
	}
	return n
}

// check refuses the first name in v that the schema does not have, suggesting the exact
// spelling when only the case differs. Values of the wrong type are left to decoding.
func (n *argNames) check(path string, v any) error {
	switch v := v.(type) {
	case map[string]any:
		if n.props == nil {
			return nil
		}
		for key, val := range v {
			field := key
			if key == "" {
				field = `""` // an empty name must still be named
			}
			if path != "" {
				field = path + "." + key
			}
			child, ok := n.props[key]
			if !ok {
				for known := range n.props {
					if strings.EqualFold(known, key) {
						return invalidArg(field, "is not an argument of this tool; did you mean %s?", known)
					}
				}
				return invalidArg(field, "is not an argument of this tool")
			}
			if err := child.check(field, val); err != nil {
				return err
			}
		}
	case []any:
		if n.items == nil {
			return nil
		}
		for i, item := range v {
			if err := n.items.check(fmt.Sprintf("%s[%d]", path, i), item); err != nil {
				return err
			}
		}
	}
	return nil
}
