package tools

// schemas_gen.go holds the JSON Schemas of the tools' argument and result types, made by
// reflection when the code is generated rather than at every start of the binary.
//
//go:generate go run -tags schemagen ./schemagen -o schemas_gen.go
