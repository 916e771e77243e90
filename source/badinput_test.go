package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/extract"
)

// The bad inputs of issue 6, each read between good files: every one must
// give an error naming the file (and record, for a WARC) or a counted
// skip, and reading must go on to the next file. The fixtures are built
// here; the large ones are streamed to disk, never held in memory.

// latin1RSS is an RSS file in ISO-8859-1 that says so only in its prolog.
const latin1RSS = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>R\xe9gion</title>" +
	"<item><title>Gr\xe8ve \xe0 Li\xe8ge</title><link>http://example.org/a</link>" +
	"<description>Les cheminots de Li\xe8ge ont cess\xe9 le travail lundi.</description></item></channel></rss>"

func TestBadInputList(t *testing.T) {
	story := page("http://example.org/s")
	tests := []struct {
		name  string
		file  string
		data  []byte
		pages int      // inputs from the bad file
		errs  []string // substrings of its errors, in order; none when empty
		body  string   // in the first input's body
	}{
		{name: "truncated gzip", file: "cut.txt.gz", data: gzMember(jsonl(400))[:2000],
			errs: []string{"cut.txt.gz: gzip stream damaged after "}},
		{name: "truncated WARC record", file: "cut.warc", data: cat(story, page("http://example.org/t")[:700]), pages: 1,
			errs: []string{"cut.warc:2: record 2 at byte 1242: truncated: Content-Length 997 but the file ends 459 bytes into the block"}},
		{name: "truncated WARC.gz member", file: "cut.warc.gz", data: cat(gzMember(story), gzMember(page("http://example.org/t"))[:500]), pages: 1,
			errs: []string{"cut.warc.gz:2: gzip stream damaged after "}},
		{name: "Content-Length too long", file: "long.warc", data: cat(rec("response", "http://example.org/u", resp("200 OK", "Content-Type: text/html\r\n", []byte(storyHTML)), len(storyHTML)+5000), story, story), pages: 2,
			errs: []string{"long.warc:1: record 1 at byte 0: Content-Length 5938 runs past the next record"}},
		{name: "Content-Length too short", file: "short.warc", data: cat(rec("response", "http://example.org/u", resp("200 OK", "Content-Type: text/html\r\n", []byte(storyHTML)), 200), story), pages: 1,
			errs: []string{"short.warc:1: record 1 at byte 0: Content-Length 200 does not end at a record boundary"}},
		{name: "HTML page with no text", file: "empty.html", data: []byte("<!doctype html><html><head><title>Home</title></head><body><nav><a href=/>Home</a></nav></body></html>"),
			errs: []string{"empty.html: no article text found in the page"}},
		{name: "WARC page with no text", file: "empty.warc", data: cat(rec("response", "http://example.org/u", resp("200 OK", "Content-Type: text/html\r\n", []byte("<html><body><nav>Home</nav></body></html>")), -1), story), pages: 1},
		{name: "feed file that is HTML", file: "news.rss", data: []byte("<!DOCTYPE html><html><body><p>Our news</p></body></html>"),
			errs: []string{"news.rss: not a feed: an HTML page"}},
		{name: "feed file in Latin-1", file: "latin1.rss", data: []byte(latin1RSS), pages: 1, body: "Les cheminots de Liège ont cessé"},
		{name: "HTML over the page limit", file: "big.html", data: []byte("<html><body><p>" + strings.Repeat("word ", extract.DefaultMaxBytes/5) + "</p></body></html>"),
			errs: []string{"big.html: over the limit of 4194304 bytes: skipped"}},
		{name: "WARC page over the page limit", file: "big.warc", data: cat(rec("response", "http://example.org/big", resp("200 OK", "Content-Type: text/html\r\n",
			[]byte("<html><body><p>"+strings.Repeat("word ", extract.DefaultMaxBytes/5)+"</p></body></html>")), -1), story), pages: 1,
			errs: []string{"big.warc:1: record 1 at byte 0: decoded HTTP payload: over the limit of 4194304 bytes: skipped"}},
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "zz-good.txt")
	if err := os.WriteFile(good, []byte("The envoys met again on Thursday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if err := os.WriteFile(p, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var sums []Summary
			ctx := WithSummary(context.Background(), func(s Summary) { sums = append(sums, s) })
			var errs []string
			pages, goodRead := 0, false
			for in, err := range Read(ctx, []string{p, good}, Options{}) {
				var e *Error
				switch {
				case err != nil && !errors.As(err, &e):
					t.Fatalf("error %v is not a *source.Error", err)
				case err != nil:
					errs = append(errs, strings.ReplaceAll(err.Error(), dir+"/", ""))
				case in.Origin.File == good:
					goodRead = true
				default:
					if pages++; pages == 1 && !strings.Contains(string(in.Body), tt.body) {
						t.Errorf("body %.200q lacks %q", in.Body, tt.body)
					}
				}
			}
			if !goodRead {
				t.Error("the good file after the bad one was not read")
			}
			if pages != tt.pages {
				t.Errorf("%d inputs, want %d", pages, tt.pages)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %d", errs, len(tt.errs))
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(errs[i], want) {
					t.Errorf("error %d\n got %s\nwant %s…", i, errs[i], want)
				}
			}
			for _, s := range sums {
				if s.Records != s.Pages+s.SkippedTotal() {
					t.Errorf("summary does not add up: %+v", s)
				}
			}
		})
	}
}

// hugeHTML writes a page of n bytes of paragraphs to path through a small
// buffer, so that the test itself holds none of it.
func hugeHTML(t testing.TB, path string, n int64) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("<!doctype html><html><head><title>Huge</title></head><body><article>\n")
	para := "<p>The harbour council voted on Tuesday to restore the night ferry to the northern islands.</p>\n"
	for written := int64(0); written < n; written += int64(len(para)) {
		w.WriteString(para)
	}
	w.WriteString("</article></body></html>\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// allocated runs f and returns the bytes it allocated: an upper bound on
// the heap it needed at any moment, and not disturbed by what other tests
// left on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugePage reads a 50 MB HTML page, as a file and as a WARC record:
// it must cost an error and a bounded amount of memory, and the next
// input must still be read. The bound is far under the page: reading
// stops at the page limit.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	const size = 50 << 20
	const bound = 48 << 20 // a few copies of the 4 MiB limit, not of 50 MB
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.html")
	hugeHTML(t, huge, size)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("The envoys met again on Thursday.\n"), 0o644)

	var errs []string
	n := 0
	alloc := allocated(func() {
		for in, err := range Read(context.Background(), []string{huge, good}, Options{}) {
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			n++
			if in.Origin.File != good {
				t.Errorf("input from %s", in.Origin)
			}
		}
	})
	t.Logf("50 MB HTML file: %d MiB allocated", alloc>>20)
	if n != 1 || len(errs) != 1 || !strings.Contains(errs[0], "huge.html: over the limit of 4194304 bytes: skipped") {
		t.Errorf("%d inputs, errors %q", n, errs)
	}
	if alloc > bound {
		t.Errorf("reading a 50 MB page allocated %d MiB, want under %d", alloc>>20, bound>>20)
	}

	// The same page as a WARC record, over the record limit (32 MiB): it
	// is read past in pieces, never buffered.
	f, err := os.Open(huge)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	head := fmt.Appendf(nil, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/huge\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", int64(len("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"))+fi.Size())
	warc := io.MultiReader(bytes.NewReader(head), strings.NewReader("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), f,
		strings.NewReader("\r\n\r\n"), bytes.NewReader(page("http://example.org/next")))
	var sum Summary
	alloc = allocated(func() {
		var ins []string
		ins, errs, sum = warcPages(t, warc)
		if len(ins) != 1 || ins[0] != "http://example.org/next" {
			t.Errorf("pages %q", ins)
		}
	})
	t.Logf("50 MB WARC record: %d MiB allocated; %s", alloc>>20, sum)
	if len(errs) != 1 || !strings.Contains(errs[0], "record 1 at byte 0: 52429002 bytes, over the limit of 33554432: skipped") || sum.Skipped["too large"] != 1 {
		t.Errorf("errors %q, summary %s", errs, sum)
	}
	if alloc > bound {
		t.Errorf("reading a 50 MB record allocated %d MiB, want under %d", alloc>>20, bound>>20)
	}
}

// warcPages reads a WARC stream and returns its pages' URLs.
func warcPages(t testing.TB, r io.Reader) (urls, errs []string, sum Summary) {
	ins, errs, sum := readWARC(t, "huge.warc", r, DefaultMaxBytes)
	for _, in := range ins {
		urls = append(urls, in.Meta.URL)
	}
	return urls, errs, sum
}
