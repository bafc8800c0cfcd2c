package client

// MaxResponseBytes exposes the body cap to the external tests, so that they probe its edges
// instead of repeating the number.
const MaxResponseBytes = maxResponseBytes
