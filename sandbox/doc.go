// Package sandbox is an embedded, in-memory fake of Buffer's GraphQL API.
//
// It executes graphql/schema.graphql with a real GraphQL engine (graph-gophers/graphql-go),
// so an operation that Buffer would reject fails here too, and it reproduces the parts of
// Buffer's behaviour that buffer-mcp depends on: how authentication fails, which errors are
// top-level and which are union members, queue slots from each channel's posting schedule,
// the free plan's queue limit, and forward-only cursors.
//
// buffer-mcp's --sandbox mode serves requests through Transport, so nothing leaves the
// process; tests and `buffer-mcp sandbox` serve it over HTTP, since Server is an
// http.Handler.
//
// Lifecycle of a post, as the sandbox models it:
//
//   - saveToDraft: true makes a draft and needsApproval: true a post awaiting approval; both
//     keep a time only when it was given (customScheduled) and never count against the queue.
//   - otherwise addToQueue, shareNext and customScheduled make a scheduled post, and shareNow
//     publishes at once (status sent).
//   - editPost keeps a draft a draft unless the edit sends saveToDraft: false.
//
// Nothing publishes by itself: a scheduled post whose time has passed stays scheduled.
package sandbox
