package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httputil"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// The pages are invented; the extractor needs a few real paragraphs to
// call something an article.
const storyHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour council agrees on new ferry schedule</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour council agrees on new ferry schedule</h1>
<p>The harbour council of Port Evander voted on Tuesday to restore the night ferry to the northern islands, ending a dispute that had lasted two winters.</p>
<p>Council chair Mira Okonjo said the agreement would let fishermen reach the mainland market before dawn, and that the cost would be shared with the island cooperatives.</p>
<p>Opposition members had demanded a public hearing, but withdrew the motion after the cooperatives accepted the fare increase proposed in March.</p>
<p>The first night crossing is planned for the beginning of next month, weather permitting, the council said in a statement.</p>
</article><footer>Copyright Port Evander Gazette</footer></body></html>`

// rec is one WARC record; clen < 0 means the true length of block.
func rec(typ, uri string, block []byte, clen int) []byte {
	if clen < 0 {
		clen = len(block)
	}
	ctype := "application/http; msgtype=" + typ
	if typ == "warcinfo" || typ == "metadata" {
		ctype = "application/warc-fields"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\n", typ, len(block))
	fmt.Fprintf(&b, "WARC-Date: 2024-03-05T23:59:01Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", uri, ctype, clen)
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// resp is an HTTP response block.
func resp(status, headers string, body []byte) []byte {
	return append([]byte("HTTP/1.1 "+status+"\r\n"+headers+"\r\n"), body...)
}

func page(uri string) []byte {
	return rec("response", uri, resp("200 OK", "Content-Type: text/html; charset=utf-8\r\n", []byte(storyHTML)), -1)
}

func gzMember(b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

func chunked(b []byte) []byte {
	var out bytes.Buffer
	w := httputil.NewChunkedWriter(&out)
	for len(b) > 0 {
		n := min(len(b), 700)
		w.Write(b[:n])
		b = b[n:]
	}
	w.Close()
	out.WriteString("\r\n")
	return out.Bytes()
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// readWARC runs the WARC format on data as open.go would after
// decompression, but without its text-only check (see TestWARCViaRead).
func readWARC(t testing.TB, name string, data io.Reader, maxBytes int64) (ins []khaldun.Input, errs []string, sum Summary) {
	ctx := WithSummary(context.Background(), func(s Summary) { sum = s })
	r := &reader{ctx: ctx, opt: Options{MaxBytes: maxBytes}.withDefaults()}
	r.yield = func(in khaldun.Input, err error) bool {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not a *source.Error", err)
			}
			errs = append(errs, err.Error())
			return true
		}
		ins = append(ins, in)
		return true
	}
	br := bufio.NewReaderSize(data, bufSize)
	s := &stream{reader: r, name: name, in: br, max: maxBytes}
	if magic, _ := br.Peek(2); bytes.Equal(magic, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			t.Fatal(err)
		}
		s.in, s.gzip = bufio.NewReaderSize(zr, bufSize), true
	}
	warcFile{}.read(s, r.emit)
	return ins, errs, sum
}

func TestWARC(t *testing.T) {
	html := []byte(storyHTML)
	info := rec("warcinfo", "", []byte("software: khaldun-test\r\n"), -1)
	request := rec("request", "http://example.org/a", []byte("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"), -1)
	png := rec("response", "http://example.org/i.png", resp("200 OK", "Content-Type: image/png\r\n", []byte("\x89PNG\r\n\x1a\n\x00\x00")), -1)
	revisit := rec("revisit", "http://example.org/a", resp("200 OK", "Content-Type: text/html\r\n", nil), -1)
	tests := []struct {
		name      string
		data      []byte
		max       int64
		pages     int
		errs      []string // substrings, in order
		summary   string
		firstLine int
	}{
		{name: "mixed", data: cat(info, request, page("http://example.org/a"), png, revisit,
			rec("metadata", "http://example.org/a", []byte("outlink: x\r\n"), -1)),
			pages: 1, firstLine: 3,
			summary: "WARC t.warc: 1 pages, 5 records skipped (1 metadata, 1 non-HTML, 1 request, 1 revisit, 1 warcinfo)"},
		{name: "chunked gzip", data: rec("response", "http://example.org/b", resp("200 OK",
			"Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked(gzMember(html))), -1), pages: 1},
		{name: "deflate zlib", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Encoding: deflate\r\nContent-Type: text/html\r\n", zlibBytes(html)), -1), pages: 1},
		{name: "stored decoded", data: rec("response", "http://example.org/u", resp("200 OK",
			"Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", html), -1), pages: 1},
		{name: "brotli stored decoded", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Encoding: br\r\n", html), -1), pages: 1},
		{name: "brotli", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Encoding: br\r\n", []byte{0x1b, 0x03, 0x00}), -1),
			summary: "WARC t.warc: 0 pages, 1 records skipped (1 br-encoded)"},
		{name: "dns", data: []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: text/dns\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"),
			summary: "WARC t.warc: 0 pages, 1 records skipped (1 non-HTTP)"},
		{name: "unknown encoding", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Encoding: lzma\r\n", []byte{0x5d, 0}), -1),
			errs: []string{`t.warc:1: record 1 at byte 0: unsupported Content-Encoding "lzma"`}},
		{name: "latin1", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n",
			[]byte(strings.ReplaceAll(strings.ReplaceAll(storyHTML, `<meta charset="utf-8">`, ""), "Okonjo", "Okonj\xf6"))), -1), pages: 1},
		{name: "404", data: rec("response", "http://example.org/u", resp("404 Not Found", "Content-Type: text/html\r\n", html), -1),
			summary: "WARC t.warc: 0 pages, 1 records skipped (1 non-2xx)"},
		{name: "no article text", data: rec("response", "http://example.org/u", resp("200 OK", "Content-Type: text/html\r\n", []byte("<html><body></body></html>")), -1),
			summary: "WARC t.warc: 0 pages, 1 records skipped (1 no article text)"},
		{name: "no HTTP headers", data: cat(rec("response", "http://example.org/u", html, -1), page("http://example.org/v")), pages: 1,
			errs: []string{"t.warc:1: record 1 at byte 0: response record without an HTTP status line"}},
		{name: "too large", data: cat(page("http://example.org/u"), page("http://example.org/v")), max: 500,
			errs: []string{"t.warc:1: record 1 at byte 0: 997 bytes, over the limit of 500: skipped", "t.warc:2: record 2 at byte 1242: 997"}},
		{name: "garbage between", data: cat(page("http://example.org/u"), []byte("junk\x00junk\n\nmore junk\n"), page("http://example.org/v")), pages: 2,
			errs: []string{"t.warc:1: after record 1: 20 bytes that are not a WARC record skipped"}},
		{name: "length too long", data: cat(rec("response", "http://example.org/u", resp("200 OK", "", html), len(html)+3000), page("http://example.org/v"), page("http://example.org/w")), pages: 2,
			errs: []string{"t.warc:1: record 1 at byte 0: Content-Length 3938 runs past the next record"}},
		{name: "length too short", data: cat(rec("response", "http://example.org/u", resp("200 OK", "", html), 100), page("http://example.org/v")), pages: 1,
			errs: []string{"t.warc:1: record 1 at byte 0: Content-Length 100 does not end at a record boundary"}},
		{name: "truncated", data: cat(page("http://example.org/u"), page("http://example.org/v")[:900]), pages: 1,
			errs: []string{"t.warc:2: record 2 at byte", "truncated: Content-Length"}},
		{name: "truncated header", data: cat(page("http://example.org/u"), []byte("WARC/1.0\r\nWARC-Type: resp")), pages: 1,
			errs: []string{"t.warc:2: record 2 at byte", "truncated WARC header"}},
		{name: "no content length", data: cat([]byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n<html></html>\r\n\r\n"), page("http://example.org/v")), pages: 1,
			errs: []string{"t.warc:1: record 1 at byte 0: WARC header has no Content-Length"}},
		{name: "empty", data: []byte("\r\n\r\n"), errs: []string{"t.warc: no WARC record found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.max == 0 {
				tt.max = DefaultMaxBytes
			}
			ins, errs, sum := readWARC(t, "t.warc", bytes.NewReader(tt.data), tt.max)
			if len(ins) != tt.pages {
				t.Errorf("%d pages, want %d", len(ins), tt.pages)
			}
			joined := strings.Join(errs, "\n")
			for _, e := range tt.errs {
				if !strings.Contains(joined, e) {
					t.Errorf("errors\n%s\nlack %q", joined, e)
				}
			}
			if len(tt.errs) == 0 && len(errs) > 0 {
				t.Errorf("unexpected errors:\n%s", joined)
			}
			if tt.summary != "" && sum.String() != tt.summary {
				t.Errorf("summary\n got %s\nwant %s", sum, tt.summary)
			}
			if sum.Records != sum.Pages+sum.SkippedTotal() {
				t.Errorf("summary does not add up: %+v", sum)
			}
			for _, in := range ins {
				if !strings.Contains(string(in.Body), "night ferry") {
					t.Errorf("%s: body lacks the story: %.200q", in.Origin, in.Body)
				}
				if in.Meta.Published == "" || in.Meta.URL == "" {
					t.Errorf("%s: meta %+v", in.Origin, in.Meta)
				}
			}
			if tt.firstLine > 0 && len(ins) > 0 && ins[0].Origin.Line != tt.firstLine {
				t.Errorf("origin %s, want record %d", ins[0].Origin, tt.firstLine)
			}
			if tt.name == "latin1" && len(ins) == 1 && !strings.Contains(string(ins[0].Body), "Okonjö") {
				t.Errorf("charset not applied: %.300q", ins[0].Body)
			}
		})
	}
}

func zlibBytes(b []byte) []byte {
	var out bytes.Buffer
	w := zlib.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

// TestWARCGzip checks a WARC.gz of one gzip member per record, as
// crawlers write them, and a damaged last member.
func TestWARCGzip(t *testing.T) {
	data := cat(gzMember(page("http://example.org/a")), gzMember(page("http://example.org/b")), gzMember(page("http://example.org/c")))
	ins, errs, sum := readWARC(t, "t.warc.gz", bytes.NewReader(data), DefaultMaxBytes)
	if len(ins) != 3 || len(errs) != 0 || sum.Pages != 3 {
		t.Fatalf("%d pages, errors %q", len(ins), errs)
	}
	if got := ins[2]; got.Origin.String() != "t.warc.gz:3" || got.Meta.URL != "http://example.org/c" || got.Meta.Published != "2024-03-05" {
		t.Errorf("third page: %s %+v", got.Origin, got.Meta)
	}
	ins, errs, _ = readWARC(t, "t.warc.gz", bytes.NewReader(data[:len(data)-40]), DefaultMaxBytes)
	if len(ins) != 2 || len(errs) != 1 || !strings.Contains(errs[0], "gzip stream damaged") {
		t.Errorf("damaged gzip: %d pages, errors %q", len(ins), errs)
	}
}

// TestWARCViaRead goes through Read and so through open.go's check that
// content is text, which a WARC must pass even when its first 8 KiB hold
// a binary payload (an image, a gzip'd body).
func TestWARCViaRead(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.warc.gz")
	bin := filepath.Join(dir, "b.warc")
	os.WriteFile(text, cat(gzMember(page("http://example.org/a")), gzMember(page("http://example.org/b"))), 0o644)
	os.WriteFile(bin, cat(rec("response", "http://example.org/u", resp("200 OK", "Content-Type: image/png\r\n", bytes.Repeat([]byte{0}, 100)), -1), page("http://example.org/v")), 0o644)
	var sums []string
	ctx := WithSummary(context.Background(), func(s Summary) { sums = append(sums, strings.ReplaceAll(s.String(), dir, "$D")) })
	n := 0
	var binErr error
	for in, err := range Read(ctx, []string{text, bin}, Options{}) {
		if err != nil {
			binErr = err
			continue
		}
		n++
		if in.Meta.Title == "" {
			t.Errorf("%s: no title", in.Origin)
		}
	}
	if len(sums) == 0 || sums[0] != "WARC $D/a.warc.gz: 2 pages, 0 records skipped" {
		t.Errorf("summaries %q", sums)
	}
	if n != 3 || binErr != nil {
		t.Errorf("%d pages, error %v", n, binErr)
	}
}

// TestWARCShared reads every shared WARC file; the derived file wraps 180
// news pages as response records, each of which must become an input.
func TestWARCShared(t *testing.T) {
	dir := sharedtest.Path(t, "corpora/warc")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range files {
		if !strings.HasSuffix(p, ".warc") && !strings.HasSuffix(p, ".warc.gz") {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		ins, errs, sum := readWARC(t, filepath.Base(p), f, DefaultMaxBytes)
		f.Close()
		t.Logf("%s (%d records, %d errors)", sum, sum.Records, len(errs))
		for _, e := range errs {
			t.Logf("  %s", e)
		}
		if sum.Records != sum.Pages+sum.SkippedTotal() || sum.Pages != len(ins) {
			t.Errorf("%s: summary does not add up: %+v", p, sum)
		}
		// Every one of the 180 pages must reach the extractor; whether it
		// finds an article in each is the extractor's test, not this one.
		if strings.HasPrefix(filepath.Base(p), "DERIVED-trafilatura-en-pages") {
			if n := len(ins) + sum.Skipped["no article text"]; n != 180 || len(errs) != 0 {
				t.Errorf("%s: %d pages and %d errors, want 180 and none", p, n, len(errs))
			}
			if len(ins) < 175 {
				t.Errorf("%s: only %d of 180 pages gave an article", p, len(ins))
			}
		}
	}
}

// BenchmarkWARC reads every shared WARC file, HTML extraction included
// ("extract") and the WARC layer alone ("raw": framing, gunzip, HTTP
// decoding). MB/s is of the file as stored (compressed for .warc.gz).
// The machine is shared, so the rates are also given per second of CPU
// time this process used (cpu-records/s, cpu-MB/s): wall time counts
// the other processes' turns, CPU time does not.
func BenchmarkWARC(b *testing.B) {
	dir := sharedtest.Path(b, "corpora/warc")
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc"))
	gz, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	files = append(files, gz...)
	for _, mode := range []string{"extract", "raw"} {
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			name := filepath.Base(p)
			b.Run(mode+"/"+name, func(b *testing.B) {
				if mode == "raw" {
					defer func(f func(khaldun.Input, []byte, extract.Options) (khaldun.Input, error)) { toPage = f }(toPage)
					toPage = func(in khaldun.Input, body []byte, _ extract.Options) (khaldun.Input, error) {
						in.Body = body
						return in, nil
					}
				}
				b.SetBytes(int64(len(data)))
				records := 0
				cpu0 := cpuTime()
				for b.Loop() {
					_, _, sum := readWARC(b, name, bytes.NewReader(data), DefaultMaxBytes)
					records += sum.Records
				}
				cpu := (cpuTime() - cpu0).Seconds()
				b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
				if cpu > 0 {
					b.ReportMetric(float64(records)/cpu, "cpu-records/s")
					b.ReportMetric(float64(b.N)*float64(len(data))/1e6/cpu, "cpu-MB/s")
				}
			})
		}
	}
}

// cpuTime is the CPU time, user and system, this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// FuzzWARC checks that no input panics or holds more than the limit: the
// limit is small so that a fuzzed Content-Length cannot make a big buffer.
func FuzzWARC(f *testing.F) {
	f.Add(page("http://example.org/a"))
	f.Add(cat(rec("request", "http://e.org/", []byte("GET / HTTP/1.1\r\n\r\n"), -1),
		rec("response", "http://e.org/", resp("200 OK", "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked(gzMember([]byte(storyHTML)))), -1)))
	f.Add(cat(rec("response", "http://e.org/", resp("200 OK", "", []byte("<p>x</p>")), 900), page("http://e.org/b")))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\nWARC-Type: response\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, sum := readWARC(t, "f.warc", bytes.NewReader(data), 1<<14)
		if sum.Records != sum.Pages+sum.SkippedTotal() {
			t.Errorf("summary does not add up: %+v", sum)
		}
	})
}
