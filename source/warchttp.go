package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/klauspost/compress/zstd"
	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
)

// pageParser turns buffered response records into pages.
type pageParser struct {
	u    gowarc.Unmarshaler
	max  int64 // a decoded payload, at most the page limit
	br   *bufio.Reader
	opts func(url, contentType string) extract.Options
}

func (p *pageParser) init(max int64, r *reader) {
	p.max = min(max, r.opt.MaxHTMLBytes)
	p.opts = r.extractOptions
	// The block is cached by the library (it is drained before Unmarshal
	// returns); with the memory limit above the record size it never
	// spills to a temporary file. Digest checks are left on: they cost
	// little and a mismatch is only a warning we ignore, since a page
	// re-encoded by the crawler is still the page.
	p.u = gowarc.NewUnmarshaler(gowarc.WithBufferMaxMemBytes(max + maxWARCHeader + 4))
	p.br = bufio.NewReaderSize(nil, bufSize)
}

// skipped is a record that is fine but not a page: Reason counts it.
type skipped struct{ reason string }

func (e *skipped) Error() string { return e.reason }

// page yields the page in rec (a whole response record) or reports why
// there is none.
func (w *warcReader) page(rec []byte) bool {
	in, err := w.pages.parse(rec)
	var (
		sk *skipped
		tl *tooLong
	)
	switch {
	case errors.As(err, &sk):
		w.sum.Skipped[sk.reason]++
		return true
	case errors.As(err, &tl) || errors.Is(err, extract.ErrTooLarge):
		// Not damage: the record is fine, the page too big to extract.
		w.sum.Skipped["too large"]++
		return w.s.fail(w.pos(), fmt.Errorf("record %d at byte %d: %w", w.rec, w.start, err))
	case err != nil:
		return w.fail("%v", err)
	}
	in.Origin = w.pos()
	w.sum.Pages++
	return w.yield(in, nil)
}

// parse runs the library on one record. It recovers from a panic in it:
// a crafted record must cost one error, not the process.
func (p *pageParser) parse(rec []byte) (in khaldun.Input, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("WARC library failed on this record: %v", r)
		}
	}()
	p.br.Reset(bytes.NewReader(rec))
	r, _, _, err := p.u.Unmarshal(p.br)
	if err != nil {
		return in, err
	}
	defer r.Close()
	wf := r.WarcHeader()
	if ct := strings.ToLower(wf.Get(gowarc.ContentType)); ct != "" && !strings.HasPrefix(ct, "application/http") {
		return in, &skipped{"non-HTTP"} // DNS lookups, screenshots, ...
	}
	hb, ok := r.Block().(gowarc.HttpResponseBlock)
	if !ok || hb.HttpHeader() == nil {
		return in, errors.New("response record without an HTTP status line and headers")
	}
	if c := hb.HttpStatusCode(); c < 200 || c > 299 {
		return in, &skipped{"non-2xx"}
	}
	h := *hb.HttpHeader()
	payload, err := hb.PayloadBytes()
	if err != nil {
		return in, err
	}
	// Skipping on the declared type spares decoding images and scripts.
	ctype := h.Get("Content-Type")
	if ctype != "" && !isHTML(ctype, nil) {
		return in, &skipped{"non-HTML"}
	}
	// net/http moves Transfer-Encoding out of the header it parses.
	chunked := transferChunked(hb.ProtocolHeaderBytes())
	body, err := p.decode(h, chunked, payload)
	if err != nil {
		return in, err
	}
	if ctype == "" && !isHTML("", body) {
		return in, &skipped{"non-HTML"}
	}
	in.Meta.URL = strings.Trim(wf.Get(gowarc.WarcTargetURI), "<>")
	// The crawl day stands in for the publication day, which the page
	// itself usually states better: htmlPage lets the extractor's date win.
	in.Meta.Published, _ = NormalizeDate(wf.Get(gowarc.WarcDate))
	return toPage(in, body, p.opts(in.Meta.URL, ctype))
}

// toPage is htmlPage; BenchmarkWARC swaps it to time the WARC layer alone.
var toPage = htmlPage

// decode undoes the transfer and content encodings of an HTTP payload,
// reading at most p.max bytes of the result so that a compression bomb
// costs an error, not memory.
func (p *pageParser) decode(h http.Header, chunked bool, payload io.Reader) ([]byte, error) {
	r := bufio.NewReader(payload)
	if chunked && looksChunked(r) {
		r = bufio.NewReader(httputil.NewChunkedReader(r))
	}
	codings := strings.Split(strings.Join(h.Values("Content-Encoding"), ","), ",")
	var src io.Reader = r
	for i := len(codings) - 1; i >= 0; i-- {
		dr, err := decoder(strings.ToLower(strings.TrimSpace(codings[i])), bufio.NewReader(src))
		if err != nil {
			return nil, err
		}
		src = dr
	}
	body, err := io.ReadAll(io.LimitReader(src, p.max+1))
	if err != nil {
		return nil, fmt.Errorf("HTTP payload: %w", err)
	}
	if int64(len(body)) > p.max {
		return nil, fmt.Errorf("decoded HTTP payload: %w", &tooLong{size: int64(len(body)), max: p.max})
	}
	return body, nil
}

// decoder undoes one content coding. A payload that does not start the
// way its coding says is taken as already decoded: archives (Common Crawl
// among them) often store the decoded body under the original headers.
func decoder(coding string, r *bufio.Reader) (io.Reader, error) {
	head, _ := r.Peek(2)
	switch coding {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		if !bytes.Equal(head, gzipMagic) {
			return r, nil
		}
		return gzip.NewReader(r)
	case "deflate":
		// "deflate" is meant to be zlib but is often raw deflate.
		if len(head) == 2 && head[0]&0x0f == 8 && (uint(head[0])<<8|uint(head[1]))%31 == 0 {
			return zlib.NewReader(r)
		}
		return flate.NewReader(r), nil
	case "zstd":
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(64<<20))
		if err != nil {
			return nil, err
		}
		return d.IOReadCloser(), nil
	}
	if len(head) > 0 && head[0] == '<' {
		return r, nil
	}
	if coding == "br" {
		// Neither the standard library, x/net nor gowarc decode Brotli;
		// counted rather than reported, as a known gap, not bad input.
		return nil, &skipped{"br-encoded"}
	}
	return nil, fmt.Errorf("unsupported Content-Encoding %q", coding)
}

// looksChunked checks for a chunk-size line, since archives also keep
// "Transfer-Encoding: chunked" over bodies they stored de-chunked.
func looksChunked(r *bufio.Reader) bool {
	b, _ := r.Peek(18)
	i := 0
	for i < len(b) && strings.IndexByte("0123456789abcdefABCDEF", b[i]) >= 0 {
		i++
	}
	return i > 0 && i < len(b) && (b[i] == '\r' || b[i] == '\n' || b[i] == ';' || b[i] == ' ')
}

// transferChunked reads the Transfer-Encoding of raw HTTP headers.
func transferChunked(hdr []byte) bool {
	for line := range strings.Lines(string(hdr)) {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") &&
			strings.Contains(strings.ToLower(value), "chunked") {
			return true
		}
	}
	return false
}

// isHTML trusts a declared media type and sniffs an undeclared one.
func isHTML(ctype string, body []byte) bool {
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ctype), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// htmlPage turns an HTML payload into an Input with the extractor the
// HTML format uses, so that a page reads the same from a file and from an
// archive (when source/html.go lands, call its helper here instead). The
// Content-Type goes to the extractor, whose charset handling it drives.
// The URL stays the crawled one; a publication date found in the page
// wins over the crawl day already in in.Meta.Published. A page with no
// article text (an index, a login wall) is counted, not reported: in a
// crawl most pages are like that.
func htmlPage(in khaldun.Input, body []byte, opt extract.Options) (khaldun.Input, error) {
	p, err := extract.Extract(body, opt)
	if errors.Is(err, extract.ErrNoText) {
		return in, &skipped{"no article text"}
	}
	if err != nil {
		return in, err
	}
	a := p.Article
	in.Meta.Title, in.Meta.Source, in.Meta.Language = a.Title, a.Source, a.Language
	if a.Published != "" {
		in.Meta.Published = a.Published
	}
	in.Body = []byte(p.Raw)
	return in, nil
}
