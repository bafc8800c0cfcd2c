//go:build schemagen

// Command schemagen writes tools/schemas_gen.go, the JSON Schemas of the tools' argument and
// result types made by reflection. go generate ./... runs it; it is built only with the
// schemagen tag, which also builds the reflection into package tools.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

func main() {
	out := flag.String("o", "schemas_gen.go", "the file to write")
	flag.Parse()
	src, err := tools.GeneratedSchemasSource()
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "schemagen: %v\n", err)
		os.Exit(1)
	}
}
