package source

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Summary counts what one WARC file held. Reason keys in Skipped are record
// types ("request", "revisit", "metadata", "warcinfo", ...) and, for
// response records, "non-HTML", "non-2xx", "too large" and "damaged" (each
// "too large" or "damaged" record was also reported as an *Error).
type Summary struct {
	File    string
	Records int // records found
	Pages   int // inputs yielded
	Skipped map[string]int
}

// SkippedTotal is the number of records that gave no input.
func (s Summary) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// String reads "WARC x.warc.gz: 180 pages, 42 records skipped (36
// request, 6 non-HTML)", the most frequent reason first.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC %s: %d pages, %d records skipped", s.File, s.Pages, s.SkippedTotal())
	keys := slices.SortedFunc(maps.Keys(s.Skipped), func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Skipped[b], s.Skipped[a]), cmp.Compare(a, b))
	})
	for i, k := range keys {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d %s", s.Skipped[k], k)
	}
	if len(keys) > 0 {
		b.WriteString(")")
	}
	return b.String()
}

type summaryKey struct{}

// WithSummary returns a context that makes Read call fn with the Summary
// of each WARC file once it has been read to its end. It travels in the
// context rather than Options so that callers that don't care (and the
// other formats) are untouched; fn is called on Read's goroutine.
func WithSummary(ctx context.Context, fn func(Summary)) context.Context {
	return context.WithValue(ctx, summaryKey{}, fn)
}

func reportSummary(ctx context.Context, s Summary) {
	if fn, ok := ctx.Value(summaryKey{}).(func(Summary)); ok && fn != nil {
		fn(s)
	}
}
