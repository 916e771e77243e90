// Package source reads articles from files, directories and standard input
// and turns them into khaldun.Input values.
//
// A path names a plain-text article, a JSON Lines file of articles, a gzip
// of either, a directory of any of these, or "-" for standard input. The
// format is chosen by extension and, where the extension says nothing, by
// the first bytes of the (decompressed) content; see format.
//
// Bad input never stops a batch: each problem is yielded as an *Error and
// reading goes on with the next line or file. Memory stays bounded by
// Options.MaxBytes whatever the input holds.
package source

import (
	"context"
	"io"
	"iter"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
)

// DefaultMaxBytes bounds one article (a plain-text body or a JSON line)
// when Options.MaxBytes is not set.
const DefaultMaxBytes = 32 << 20

// Options tune Read. Title, Date, URL and Source describe plain-text
// inputs, which carry no metadata of their own; JSON Lines records bring
// theirs and ignore these.
type Options struct {
	Title, Date, URL, Source string
	// MaxBytes bounds one article; larger ones are skipped with an error.
	MaxBytes int64
	// MaxHTMLBytes bounds one web page, an HTML file or a WARC record's
	// decoded payload, which the extractor takes far longer to read than
	// plain text of its size; 0 means extract.DefaultMaxBytes, and
	// MaxBytes bounds it too. Larger pages are skipped with an error.
	MaxHTMLBytes int64
	// ExtractTimeout bounds the extraction of one page (0: none).
	ExtractTimeout time.Duration
	// Stdin is what "-" reads; os.Stdin when nil.
	Stdin io.Reader
}

// Error is a problem with one input item: a file, a line of it, or an
// option. Reading goes on after it.
type Error struct {
	Pos khaldun.Position
	Err error
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Err.Error()
	}
	return e.Pos.String() + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// format is one kind of article container. Adding a format (HTML, a feed,
// WARC) is one file with a type implementing it plus an entry in formats.
type format interface {
	// claims reports whether the format reads a stream, given its name with
	// any compression suffix removed and its first bytes (at most sniffLen).
	// byName is true when only the extension is consulted: formats are
	// asked by extension first so that a named format wins over content.
	claims(name string, head []byte, byName bool) bool
	// read yields the stream's articles and item errors; it returns false
	// as soon as yield does.
	read(s *stream, yield func(khaldun.Input, error) bool) bool
}

// formats in the order they are asked; plain text claims anything and must
// stay last.
var formats = []format{jsonLines{}, warcFile{}, feedFile{}, htmlFile{}, plainText{}}

// Read yields the articles of every path in order. Item errors are
// *Error values and iteration continues after them. When ctx is done the
// iteration yields ctx's error once (not an *Error) and stops; a read
// blocked on a pipe or terminal is not interrupted by it.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq2[khaldun.Input, error] {
	opt = opt.withDefaults()
	return func(yield func(khaldun.Input, error) bool) {
		r := &reader{ctx: ctx, opt: opt, yield: yield}
		if opt.Date != "" {
			d, err := NormalizeDate(opt.Date)
			if err != nil && !r.emit(khaldun.Input{}, &Error{Err: err}) {
				return
			}
			r.date = d
		}
		for _, p := range paths {
			if !r.path(p) {
				return
			}
		}
	}
}

// withDefaults fills in the limits not set.
func (opt Options) withDefaults() Options {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxHTMLBytes <= 0 {
		opt.MaxHTMLBytes = extract.DefaultMaxBytes
	}
	opt.MaxHTMLBytes = min(opt.MaxHTMLBytes, opt.MaxBytes)
	return opt
}

// reader carries one Read call's state through paths, files and formats.
type reader struct {
	ctx   context.Context
	opt   Options
	date  string // Options.Date normalised
	yield func(khaldun.Input, error) bool
	done  bool
}

// emit passes an item on unless ctx is done, in which case it yields the
// context's error once and reports false so that every loop unwinds.
func (r *reader) emit(in khaldun.Input, err error) bool {
	if r.done {
		return false
	}
	if cerr := r.ctx.Err(); cerr != nil {
		r.done = true
		r.yield(khaldun.Input{}, cerr)
		return false
	}
	if !r.yield(in, err) {
		r.done = true
		return false
	}
	return true
}

// extractOptions are the extractor's limits for one page.
func (r *reader) extractOptions(url, contentType string) extract.Options {
	return extract.Options{URL: url, ContentType: contentType, MaxBytes: r.opt.MaxHTMLBytes, Timeout: r.opt.ExtractTimeout}
}

// fail yields an *Error at pos.
func (r *reader) fail(pos khaldun.Position, err error) bool {
	return r.emit(khaldun.Input{}, &Error{Pos: pos, Err: err})
}

// live reports whether reading should go on, yielding ctx's error if not.
func (r *reader) live() bool {
	if r.done {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		r.done = true
		r.yield(khaldun.Input{}, err)
		return false
	}
	return true
}
