//go:build !race

package testkit

// Race is whether the tests run with -race, so that the binary under test is built with it too.
const Race = false
