package extract

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// The extractor's cost grows faster than the page: go-trafilatura builds
// its text by string concatenation and walks the tree repeatedly, so a
// page twice as large costs about four to eight times as much. Measured
// on a loaded machine, a 1 MiB page of scripts and ads took 0.2 s, 2 MiB
// 1.5 s and 8 MiB a minute; 512 KiB of paragraph text alone took 2.5 s
// and 1 GB of allocation. The limits keep every page within a few seconds
// (BenchmarkLimits times pages just under them) and leave real pages
// alone: of the 313 shared test pages the largest has 1.6 MiB of markup,
// the most elements 24,000 and the most text 130 KiB (a Wikipedia
// article).
const (
	// DefaultMaxBytes bounds the page in bytes, before decoding. It
	// mostly bounds memory: the elements and text limits bound the time.
	DefaultMaxBytes = 4 << 20
	// maxText bounds the text in the parsed page outside scripts and
	// styles, menus and all, not counting indentation.
	maxText = 256 << 10
	// maxNodes bounds the parsed tree; pages of many tiny elements cost
	// more per byte than pages of text.
	maxNodes = 50_000
)

// ErrTooLarge is wrapped by the error for a page over one of the limits.
var ErrTooLarge = errors.New("page too large to extract")

// ErrTimeout is wrapped by the error for an extraction that ran past
// Options.Timeout.
var ErrTimeout = errors.New("extraction timed out")

// maxBytes is the page limit opt asks for: 0 the default, < 0 none.
func (opt Options) maxBytes() int64 {
	switch {
	case opt.MaxBytes == 0:
		return DefaultMaxBytes
	case opt.MaxBytes < 0:
		return -1
	}
	return opt.MaxBytes
}

// checkSize refuses a page over the byte limit before any work is done.
func checkSize(page []byte, opt Options) error {
	if max := opt.maxBytes(); max >= 0 && int64(len(page)) > max {
		return fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, len(page), max)
	}
	return nil
}

// checkTree refuses a parsed page whose text or element count would make
// the extractor slow. It walks without recursion: html.Parse caps depth,
// but a tree is cheap to walk either way.
func checkTree(doc *html.Node, opt Options) error {
	if opt.maxBytes() < 0 {
		return nil // no limits asked for
	}
	nodes, text := 0, 0
	for n := range doc.Descendants() {
		nodes++
		if n.Type == html.TextNode && (n.Parent == nil || !skipped[tag(n.Parent)]) {
			text += len(strings.TrimSpace(n.Data)) // indentation is not text

		}
		if nodes > maxNodes {
			return fmt.Errorf("%w: more than %d HTML nodes", ErrTooLarge, maxNodes)
		}
		if text > maxText {
			return fmt.Errorf("%w: more than %d bytes of text", ErrTooLarge, maxText)
		}
	}
	return nil
}

// withTimeout runs f, giving up after d (no limit when d <= 0). The
// extractor takes no context, so f cannot be stopped: on timeout it runs
// on in its goroutine to its end and its result is dropped. The size
// limits bound that leftover work; the timeout only keeps a caller (a
// batch, a poller's extraction slot) from waiting on it.
func withTimeout[T any](d time.Duration, f func() (T, error)) (T, error) {
	if d <= 0 {
		return f()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: a late f must not block forever
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-t.C:
		var zero T
		return zero, fmt.Errorf("%w after %s", ErrTimeout, d)
	}
}
