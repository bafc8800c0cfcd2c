package bench

import (
	"math"
	"slices"
)

// number is what the figures are made of: counts, bytes, durations, rates.
type number interface {
	~int | ~int64 | ~uint64 | ~float64
}

// Median returns the middle value of xs (the mean of the two middle ones for an even
// count); zero for none.
func Median[T number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return (float64(s[n/2-1]) + float64(s[n/2])) / 2
}

// Percentile returns the nearest-rank p-th percentile (0 < p ≤ 100) of xs; zero for none.
func Percentile[T number](xs []T, p float64) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p/100*float64(len(s)))) - 1 // 1-based rank → index
	return s[max(0, min(rank, len(s)-1))]
}
