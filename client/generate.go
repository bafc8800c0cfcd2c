package client

//go:generate go tool genqlient ../genqlient.yaml
//go:generate go run ./internal/shapegen -schema ../graphql/schema.graphql -operations ../graphql/operations/*.graphql -out shapes_gen.go
