package tools

// The argument checks every tool shares. Each failure is an argError naming the field.

// checkID checks that v is a Buffer id: 24 hexadecimal characters.
func checkID(field, v string) error {
	if len(v) != 24 {
		return invalidArg(field, "must be a Buffer id of 24 hexadecimal characters, got %q", v)
	}
	for _, r := range v {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return invalidArg(field, "must be a Buffer id of 24 hexadecimal characters, got %q", v)
		}
	}
	return nil
}

// pageSize reads an optional first: the default page size when absent, else 1 to 100. It
// is a pointer so that an explicit 0 is refused rather than read as "not given".
func pageSize(first *int) (int, error) {
	if first == nil {
		return defaultPageSize, nil
	}
	if *first < 1 || *first > 100 {
		return 0, invalidArg("first", "must be between 1 and 100, got %d", *first)
	}
	return *first, nil
}

// checkEnum checks that v is one of allowed.
func checkEnum(field, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return invalidArg(field, "must be one of %v, got %q", allowed, v)
}
