package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// warcFile reads WARC 1.0/1.1 archives (Common Crawl, CC-NEWS, Heritrix,
// warcio, wget): each HTTP response record carrying an HTML page becomes
// one Input; every other record is skipped and counted in a Summary (see
// WithSummary). WARC.gz needs nothing of its own: it is one gzip member per
// record, and the multi-member gzip reader in open.go hands us the plain
// concatenation.
//
// Origin.Line is the 1-based number of the record in the file, counting
// every record (warcinfo, requests, ...), not a line: a WARC line number
// means nothing to anyone, while "record 17" can be found with any WARC
// tool. Errors also give the record's decompressed byte offset.
//
// Framing (finding records, lengths, end markers) is done here rather than
// in the library so that memory stays bounded: a record is buffered only
// when its Content-Length is within Options.MaxBytes, larger ones are read
// past in buffer-sized pieces, and a damaged stretch is skipped up to the
// next line starting "WARC/1.". The library (nlnwa/gowarc) parses the
// buffered response records: WARC fields, the HTTP block and its headers.
type warcFile struct{}

var warcMagic = []byte("WARC/1.")

func (warcFile) claims(name string, head []byte, byName bool) bool {
	if byName {
		return ext(name) == ".warc"
	}
	return bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), warcMagic)
}

// maxWARCHeader bounds a record's WARC header: it is peeked whole from the
// stream's 64 KiB buffer, so it cannot be larger than that buffer.
const maxWARCHeader = bufSize

var (
	crlfcrlf = []byte("\r\n\r\n")
	lflf     = []byte("\n\n")
)

// warcReader is the state of one WARC file being read.
type warcReader struct {
	s     *stream
	yield func(khaldun.Input, error) bool
	in    *bufio.Reader // over pb, so that bytes can be put back
	pb    pushback
	off   int64 // decompressed offset of the next byte of in
	rec   int   // number of the current record
	start int64 // its offset
	buf   []byte
	sum   Summary
	lied  bool // the last record ended off its boundary: no garbage report
	dead  bool // the stream cannot be read further
	pages pageParser
}

func (warcFile) read(s *stream, yield func(khaldun.Input, error) bool) bool {
	w := &warcReader{s: s, yield: yield, sum: Summary{File: s.name, Skipped: map[string]int{}}}
	w.pb.src = s.in
	w.in = bufio.NewReaderSize(&w.pb, bufSize)
	w.pages.init(s.max, s.reader)
	ok := w.run()
	if ok {
		if w.sum.Records == 0 {
			ok = s.fail(khaldun.Position{File: s.name}, errors.New("no WARC record found"))
		}
		reportSummary(s.ctx, w.sum)
	}
	return ok
}

// run reads records until the end of the file; false means stop everything.
func (w *warcReader) run() bool {
	for !w.dead {
		if !w.s.live() {
			return false
		}
		found, ok := w.seek()
		if !ok || !found {
			return ok
		}
		w.rec++
		w.start = w.off
		w.sum.Records++
		if !w.record() {
			return false
		}
	}
	return true
}

// pos is the current record's position.
func (w *warcReader) pos() khaldun.Position {
	return khaldun.Position{File: w.s.name, Line: w.rec}
}

// fail reports a problem with the current record and counts it skipped.
func (w *warcReader) fail(format string, args ...any) bool {
	w.sum.Skipped["damaged"]++
	w.lied = true // what follows the damage is not reported again as garbage
	err := fmt.Errorf("record %d at byte %d: %s", w.rec, w.start, fmt.Sprintf(format, args...))
	return w.s.fail(w.pos(), err)
}

// broken reports a stream that cannot be read further (a damaged gzip
// member, an I/O error) and ends the file.
func (w *warcReader) broken(err error) bool {
	w.dead = true
	if w.sum.Records > w.sum.Pages+w.sum.SkippedTotal() {
		w.sum.Skipped["damaged"]++ // the record it cut short
	}
	w.s.off = w.off
	return w.s.fail(w.pos(), w.s.readErr(err))
}

// seek skips to the start of the next record: blank lines silently, other
// bytes as one reported stretch of garbage. found is false at the end.
func (w *warcReader) seek() (found, ok bool) {
	var garbage int64
	from := w.off
	defer func() { w.lied = false }()
	report := func() bool {
		if garbage == 0 || w.lied {
			return true
		}
		err := fmt.Errorf("after record %d: %d bytes that are not a WARC record skipped from byte %d", w.rec, garbage, from)
		return w.s.fail(khaldun.Position{File: w.s.name, Line: w.rec}, err)
	}
	for {
		head, err := w.in.Peek(len(warcMagic))
		if bytes.Equal(head, warcMagic) {
			return true, report()
		}
		if len(head) == 0 {
			if err != nil && err != io.EOF {
				return false, w.broken(err)
			}
			return false, report()
		}
		// Read one line, in pieces if it is longer than the buffer.
		for {
			line, err := w.in.ReadSlice('\n')
			w.off += int64(len(line))
			if len(bytes.TrimSpace(line)) > 0 {
				if garbage == 0 {
					from = w.off - int64(len(line))
				}
				garbage += int64(len(line))
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && err != io.EOF {
				return false, w.broken(err)
			}
			break
		}
	}
}

// record reads one record from its "WARC/1." line on.
func (w *warcReader) record() bool {
	peek, err := w.in.Peek(maxWARCHeader)
	n := headerEnd(peek)
	if n < 0 {
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return w.broken(err)
		}
		if len(peek) < maxWARCHeader {
			w.skip(len(peek))
			return w.fail("truncated WARC header")
		}
		w.discardLine()
		return w.fail("WARC header longer than %d bytes", maxWARCHeader)
	}
	typ, clen, cerr := warcFraming(peek[:n])
	if cerr != nil {
		w.discardLine()
		return w.fail("%v", cerr)
	}
	if clen > w.s.max {
		w.sum.Skipped["too large"]++
		w.discard(int64(n) + clen)
		err := fmt.Errorf("record %d at byte %d: %w", w.rec, w.start, &tooLong{size: clen, max: w.s.max})
		return w.s.fail(w.pos(), err) && w.endMarker(nil)
	}
	total := int64(n) + clen
	if int64(cap(w.buf)) < total+4 {
		w.buf = make([]byte, total+4)
	}
	w.buf = w.buf[:total]
	got, err := io.ReadFull(w.in, w.buf)
	w.off += int64(got)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		// A truncated gzip member says so again when asked; a clean end
		// of input means the record itself is cut short or its length lies.
		if _, perr := w.in.Peek(1); perr != nil && perr != io.EOF {
			return w.broken(perr)
		}
		if i := bytes.Index(w.buf[n:got], []byte("\nWARC/1.")); i >= 0 {
			w.putBack(w.buf[n+i+1 : got])
			return w.fail("Content-Length %d runs past the next record", clen)
		}
		return w.fail("truncated: Content-Length %d but the file ends %d bytes into the block", clen, got-n)
	}
	if err != nil {
		return w.broken(err)
	}
	if !w.endMarker(w.buf[n:]) {
		return false
	}
	if w.lied {
		return w.fail("Content-Length %d does not end at a record boundary", clen)
	}
	if typ != "response" {
		w.sum.Skipped[typ]++
		return true
	}
	return w.page(append(w.buf, crlfcrlf...))
}

// headerEnd is the length of the WARC header in b including the blank
// line that ends it, or -1.
func headerEnd(b []byte) int {
	i, j := bytes.Index(b, crlfcrlf), bytes.Index(b, lflf)
	switch {
	case i >= 0 && (j < 0 || i < j):
		return i + 4
	case j >= 0:
		return j + 2
	}
	return -1
}

// warcFraming reads the two fields the framing needs, before the record
// is buffered: the library only sees records already known to be small.
func warcFraming(h []byte) (typ string, clen int64, err error) {
	clen = -1
	for line := range strings.Lines(string(h)) {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch {
		case strings.EqualFold(name, "WARC-Type"):
			typ = strings.ToLower(value)
		case strings.EqualFold(name, "Content-Length"):
			clen, err = strconv.ParseInt(value, 10, 64)
			if err != nil || clen < 0 {
				return "", 0, fmt.Errorf("bad Content-Length %q", value)
			}
		}
	}
	switch {
	case clen < 0:
		return "", 0, errors.New("WARC header has no Content-Length")
	case typ == "":
		return "", 0, errors.New("WARC header has no WARC-Type")
	}
	return typ, clen, nil
}

// endMarker consumes the blank lines that end a record. When they are not
// there the Content-Length lied: if block (the record as read) holds the
// start of another record, the length was too long and the bytes from
// there are put back to be read again; otherwise it was too short and the
// next seek skips the rest. Either way w.lied is set.
func (w *warcReader) endMarker(block []byte) bool {
	b, err := w.in.Peek(4)
	switch {
	case bytes.HasPrefix(b, crlfcrlf):
		w.skip(4)
	case bytes.HasPrefix(b, lflf):
		w.skip(2)
	case len(b) < 4 && len(bytes.Trim(b, "\r\n")) == 0:
		w.skip(len(b)) // a last record with a short marker
	default:
		if err != nil && err != io.EOF {
			return w.broken(err)
		}
		w.lied = true
		if i := bytes.Index(block, []byte("\nWARC/1.")); i >= 0 {
			w.putBack(block[i+1:])
		}
	}
	return true
}

func (w *warcReader) skip(n int) {
	d, _ := w.in.Discard(n)
	w.off += int64(d)
}

// discard reads past n bytes without keeping them.
func (w *warcReader) discard(n int64) {
	d, _ := io.CopyN(io.Discard, w.in, n)
	w.off += d
}

// discardLine drops the "WARC/1." line so that seek looks past it.
func (w *warcReader) discardLine() {
	for {
		line, err := w.in.ReadSlice('\n')
		w.off += int64(len(line))
		if err != bufio.ErrBufferFull {
			return
		}
	}
}

// putBack makes b, already read, the next bytes of in again. b must not
// alias anything in.Read will overwrite, so it is copied.
func (w *warcReader) putBack(b []byte) {
	ahead, _ := w.in.Peek(w.in.Buffered())
	head := make([]byte, 0, len(b)+len(ahead)+len(w.pb.head))
	w.pb.head = append(append(append(head, b...), ahead...), w.pb.head...)
	w.off -= int64(len(b))
	w.in.Reset(&w.pb)
}

// pushback is a reader with bytes put in front of it; it holds at most one
// record and a buffer, since it is only refilled from a record read whole.
type pushback struct {
	head []byte
	src  io.Reader
}

func (p *pushback) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.src.Read(b)
}
