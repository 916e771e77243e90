package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/khaldun/khaldun/sqlite"
)

// The bad inputs of issue 6 as a user meets them: each gives an error
// naming it, the run goes on, and nothing already stored is lost.

// badStored is the number of articles in db.
func badStored(t *testing.T, db string) int64 {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}

// badArticle is a news page in HTML; n makes each one a different story.
func badArticle(n int) string {
	leaders := []string{"President Barack Obama", "Russian President Vladimir Putin", "German Chancellor Angela Merkel", "Iranian President Hassan Rouhani"}
	a, c := leaders[n%4], leaders[(n+1)%4]
	return fmt.Sprintf(`<!doctype html><html lang="en"><head><title>Talks %d</title></head><body><article><h1>Talks %d</h1>
<p>%s met %s in Geneva on Tuesday to discuss sanctions, officials said in statement %d.</p>
<p>%s criticized %s over the talks, according to report %d, and aides said more meetings would follow.</p>
</article></body></html>`, n, n, a, c, n, c, a, n*7+3)
}

// badWARCRecord is a WARC response record; clen < 0 is the true length.
func badWARCRecord(uri, html string, clen int) []byte {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
	if clen < 0 {
		clen = len(block)
	}
	return fmt.Appendf(nil, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2015-03-03T10:00:00Z\r\nWARC-Target-URI: %s\r\n"+
		"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, clen, block)
}

func TestIngestBadInputList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := write("first.html", []byte(badArticle(0)))
	if _, stderr, status := run(t, "", "ingest", first, "--db", db); status != 0 {
		t.Fatalf("first ingest: status %d\n%s", status, stderr)
	}
	if n := badStored(t, db); n != 1 {
		t.Fatalf("%d articles after the first ingest, want 1", n)
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := range 2000 {
		fmt.Fprintf(zw, `{"id":"%d","text":"Protesters marched in district %d of the capital."}`+"\n", i, i*7919%10007)
	}
	zw.Close()
	huge := filepath.Join(dir, "g-huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	bw.WriteString("<html><body><article>")
	for written := 0; written < 50<<20; written += 64 {
		bw.WriteString("<p>The harbour council voted to restore the night ferry.</p>\n")
	}
	bw.WriteString("</article></body></html>")
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	bad := []string{
		write("a-cut.jsonl.gz", gz.Bytes()[:gz.Len()/2]),
		write("b-cut.warc", badWARCRecord("http://example.org/b", badArticle(1), -1)[:300]),
		// The length says 5000 more bytes than there are: the record is
		// reported and the good record after it is still read.
		write("c-lies.warc", append(badWARCRecord("http://example.org/c", badArticle(2), len(badArticle(2))+5000),
			badWARCRecord("http://example.org/d", badArticle(3), -1)...)),
		write("d-empty.html", []byte("<!doctype html><html><body><nav><a href=/>Home</a></nav></body></html>")),
		write("e-news.rss", []byte("<!DOCTYPE html><html><body><p>Our news</p></body></html>")),
		write("f-latin1.rss", []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Wire</title>"+
			"<item><title>Gr\xe8ve</title><link>http://example.org/f</link><description>Police arrested two protesters in Li\xe8ge on Monday after clashes near the parliament building.</description></item></channel></rss>")),
		huge,
	}
	second := write("h-second.html", []byte(badArticle(4)))
	_, stderr, status := run(t, "", append([]string{"ingest", "--db", db, second}, bad...)...)
	if status != 1 {
		t.Errorf("status %d, want 1 (some inputs failed)", status)
	}
	for _, want := range []string{
		"a-cut.jsonl.gz:", "gzip stream damaged",
		"b-cut.warc:1: record 1 at byte 0: truncated",
		"c-lies.warc:1: record 1 at byte 0: Content-Length",
		"d-empty.html: no article text",
		"e-news.rss: not a feed: an HTML page",
		"g-huge.html: over the limit of 4194304 bytes: skipped",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// Stored before: 1. Added: second.html, the record after the lying
	// one, the Latin-1 feed item and the JSON lines before the damage.
	if n := badStored(t, db); n < 1+3+100 {
		t.Errorf("%d articles stored, want the first one and more than 103 new ones", n)
	}
}

// TestWatchBadFeeds polls a feed that is an HTML page, a server that never
// answers and a Latin-1 feed whose items include a page without text, a
// page over the text limit and a 50 MB page: each failure is logged with
// the feed or page named, the run ends on its own, and what the first run
// stored is still there.
func TestWatchBadFeeds(t *testing.T) {
	var phase atomic.Int32
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/robots.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		case p == "/home":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<!doctype html><html><body><h1>Welcome</h1><p>Our news site.</p></body></html>"))
		case p == "/latin1.rss":
			// Latin-1, declared nowhere: not in a prolog, not in a header.
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, "<rss version=\"2.0\"><channel><title>D\xe9p\xeaches</title>")
			n := 2
			if phase.Load() > 0 {
				n = 3
			}
			for i := range n {
				fmt.Fprintf(w, "<item><title>Gr\xe8ve %d</title><link>/news/%d</link></item>", i, i)
			}
			fmt.Fprint(w, "<item><link>/blank</link></item><item><link>/dense</link></item><item><link>/huge</link></item></channel></rss>")
		case strings.HasPrefix(p, "/news/"):
			var i int
			fmt.Sscan(strings.TrimPrefix(p, "/news/"), &i)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(badArticle(i + 10)))
		case p == "/blank":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><nav><a href=/>Home</a></nav></body></html>"))
		case p == "/dense":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><article>"))
			for range 4000 {
				w.Write([]byte("<p>The harbour council voted on Tuesday to restore the night ferry to the islands.</p>\n"))
			}
			w.Write([]byte("</article></body></html>"))
		case p == "/huge":
			w.Header().Set("Content-Type", "text/html")
			line := []byte("<p>The harbour council voted to restore the night ferry.</p>\n")
			for written := 0; written < 50<<20; written += len(line) {
				if _, err := w.Write(line); err != nil {
					return // the client stopped reading
				}
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	silent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // a server that never answers
	}))
	defer silent.Close()

	db := filepath.Join(t.TempDir(), "w.db")
	flags := []string{"--db", db, "--once", "--rate", "100", "--timeout", "2s", "--retries", "-1"}
	_, stderr, status := run(t, "", append([]string{"watch", writeFeedList(t, site.URL+"/latin1.rss")}, flags...)...)
	if status != 0 {
		t.Fatalf("first run: status %d\n%s", status, stderr)
	}
	before := badStored(t, db)
	if before != 2 {
		t.Fatalf("first run stored %d articles, want 2\n%s", before, stderr)
	}
	failed := map[string]string{}
	for _, l := range logLines(t, stderr, "page failed") {
		failed[fmt.Sprint(l["url"])] = fmt.Sprint(l["err"])
	}
	for page, want := range map[string]string{
		"/blank": "no article text",
		"/dense": "page too large to extract: more than 262144 bytes of text",
		"/huge":  "body larger than",
	} {
		if !strings.Contains(failed[site.URL+page], want) {
			t.Errorf("%s: logged %q, want %q", page, failed[site.URL+page], want)
		}
	}

	phase.Store(1)
	list := writeFeedList(t, silent.URL+"/feed.xml", site.URL+"/home", site.URL+"/latin1.rss")
	_, stderr, status = run(t, "", append([]string{"watch", list}, flags...)...)
	if status != 0 {
		t.Fatalf("second run: status %d\n%s", status, stderr)
	}
	feedErr := map[string]string{}
	for _, l := range logLines(t, stderr, "feed failed") {
		feedErr[fmt.Sprint(l["feed"])] = fmt.Sprint(l["err"])
	}
	if e := feedErr[silent.URL+"/feed.xml"]; !strings.Contains(strings.ToLower(e), "timeout") && !strings.Contains(e, "deadline exceeded") {
		t.Errorf("silent server: logged %q, want a timeout\n%s", e, stderr)
	}
	if e := feedErr[site.URL+"/home"]; !strings.Contains(e, "not a feed: an HTML page") {
		t.Errorf("HTML feed: logged %q\n%s", e, stderr)
	}
	if after := badStored(t, db); after != before+1 {
		t.Errorf("%d articles after the second run, want %d (the first run's and the new item)", after, before+1)
	}
}
