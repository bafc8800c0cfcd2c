package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The MCP registry's schema that server.json is validated against (packaging/registry).
const (
	registrySchemaFile = "server.schema.2025-12-11.json"
	registrySchemaURL  = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
	registrySchemaSHA  = "3fba09590c99f61735d234822279f4223fab9e300c0a81e81c91ab62a4114de0"
	releaseURL         = "https://github.com/buffer-mcp/buffer-mcp/releases/download/"
)

// serverJSONData fills packaging/registry/server.json.tmpl.
type serverJSONData struct {
	Version, BundleURL, BundleSHA256 string
}

// renderServerJSON fills the template and validates the result against the registry's
// schema.
func renderServerJSON(d serverJSONData) ([]byte, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	tmpl, err := template.ParseFiles(filepath.Join(root, "packaging", "registry", "server.json.tmpl"))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, d); err != nil {
		return nil, err
	}
	if err := validateServerJSON(b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeServerJSON(out string, v version, bundle string) error {
	sum, err := fileSHA256(filepath.Join(out, bundle))
	if err != nil {
		return err
	}
	data, err := renderServerJSON(serverJSONData{Version: v.semver, BundleURL: releaseURL + v.tag + "/" + bundle, BundleSHA256: sum})
	if err != nil {
		return fmt.Errorf("server.json: %w", err)
	}
	return os.WriteFile(filepath.Join(out, "server.json"), data, 0o644)
}

// validateServerJSON checks data against the vendored registry schema, formats included,
// after checking that the schema file is the published one.
func validateServerJSON(data []byte) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	path := filepath.Join(root, "packaging", "registry", registrySchemaFile)
	if sum, err := fileSHA256(path); err != nil {
		return err
	} else if sum != registrySchemaSHA {
		return fmt.Errorf("%s is not the published schema (sha256 %s, want %s)", path, sum, registrySchemaSHA)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(registrySchemaURL, schemaDoc); err != nil {
		return err
	}
	schema, err := c.Compile(registrySchemaURL)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if err := schema.Validate(doc); err != nil {
		return fmt.Errorf("does not fit the registry's schema: %w", err)
	}
	return nil
}
