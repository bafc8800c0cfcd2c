// Package sandbox is an embedded, in-memory fake of Buffer's GraphQL API.
//
// It executes graphql/schema.graphql with a real GraphQL engine (graph-gophers/graphql-go),
// so an operation that Buffer would reject fails here too, and it reproduces the parts of
// Buffer's behaviour that buffer-mcp depends on (shared/reference/buffer-api.md): how
// authentication fails, which errors are top-level and which are union members, queue
// slots from each channel's posting schedule, the free plan's queue limit, and
// forward-only cursors.
//
// buffer-mcp's --sandbox mode serves requests through Transport, so nothing leaves the
// process; tests and `buffer-mcp sandbox` serve it over HTTP, since Server is an
// http.Handler.
//
// Where Buffer's behaviour is unknown, the sandbox chooses, and says so here:
//
//   - saveToDraft: true makes a draft and needsApproval: true a post awaiting approval; both
//     keep a time only when one was given (customScheduled), are never published, and do
//     not count against the queue limit.
//   - Otherwise addToQueue, shareNext and customScheduled make a scheduled post, and
//     shareNow publishes at once (status sent). Nothing publishes by itself: a scheduled
//     post whose time has passed stays scheduled.
//   - editPost keeps a draft a draft, whatever its mode, unless the edit sends
//     saveToDraft: false; a mode on a failed post schedules it again.
//   - A link asset becomes the post's link attachment (Post.Link): it is not listed among
//     the post's assets, it cannot be combined with media, and a post may have one.
//   - Ids are 24 lowercase hex characters derived from a counter, so a seed always has the
//     same ids; an id of any other shape is simply not found.
//   - Times are stored in UTC to the millisecond, the precision Buffer answers with; an
//     idea's createdAt to the second, since Buffer gives it as Unix seconds.
//   - Ideas are listed newest first. createIdea answers with the Idea itself (never the
//     older IdeaResponse wrapper); it refuses an idea without a title or text
//     (InvalidInputError), an organization the key cannot see (UnauthorizedError: the
//     payload has no NotFoundError), and more ideas than the plan allows (LimitReachedError,
//     100 per organization unless Options.IdeaLimit says otherwise). Idea groups are
//     seeded, some with ideas in them and some empty; an idea can be put in one of its
//     organization's groups (idea_groups.go).
//   - Only seeded sent posts have metrics (Buffer ingests them about daily); aggregates
//     sum counts and average percentages over whole UTC days (metrics.go). Daily posting
//     limits are the sandbox's own numbers per network, reported but not enforced
//     (limits.go). movePostInQueue reorders the queue within its slots (move.go). Post
//     templates refuse public visibility (templates.go). Where those operations' refusals
//     are unknown, they are top-level errors.
//   - Each network's requirements (shared/reference/buffer-api.md §6.2) are checked on
//     create and again on the whole post after an edit, and every problem is answered at
//     once, as Buffer's observed message does: "Invalid post: " and the problems joined with
//     ", ". Instagram, TikTok and Pinterest need an image or a video, YouTube a video, a title
//     and a category (one YouTube accepts), Pinterest one of the channel's boards, Instagram
//     a type, Google Business a type (and an event or offer a title, a start and an end), a
//     reel a video; a thread's first post must be the post's text; a link preview refuses
//     media beside it. What an edit leaves out of the post's network metadata is kept.
//   - Metadata for a network other than the channel's is ignored. Post.metadata reads back
//     type post when none was given, and shouldShareToFeed true unless told otherwise.
//   - Only the channels whose policy requires approval (the seed's Instagram) take
//     needsApproval and approvalChange (request a draft's approval, revert it to a draft).
//   - Tags are fixed at seeding, per organization; a tag of another organization is refused.
//     tagsV2 serves at most 100 a page, sorted by name, and 100 when first is left out
//     (Buffer does not document its default).
package sandbox
