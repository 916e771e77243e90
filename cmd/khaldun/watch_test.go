package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// newsSite serves, on loopback, an RSS feed of n items and their pages:
// distinct English news articles. delay slows each page down.
type newsSite struct {
	*httptest.Server
	conditional, pages atomic.Int32
}

func startNewsSite(t *testing.T, n int, delay time.Duration) *newsSite {
	s := &newsSite{}
	leaders := []string{"President Barack Obama", "Russian President Vladimir Putin", "German Chancellor Angela Merkel", "Iranian President Hassan Rouhani"}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case r.URL.Path == "/feed.xml":
			if r.Header.Get("If-None-Match") == `"v1"` {
				s.conditional.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
			for i := range n {
				fmt.Fprintf(w, `<item><title>Talks %d</title><link>/news/%d</link><guid>tag:wire,%d</guid><pubDate>Tue, 03 Mar 2015 10:00:00 GMT</pubDate></item>`, i, i, i)
			}
			fmt.Fprint(w, `<item><title>Secret</title><link>/private/1</link></item></channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/news/"):
			var i int
			fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/news/"), &i)
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
			a, c := leaders[i%4], leaders[(i+1)%4]
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Talks %d</title></head><body><article><h1>Talks %d</h1>
<p>%s met %s in Geneva on Tuesday to discuss sanctions, officials said in statement %d.</p>
<p>%s criticized %s over the talks, according to report %d, and aides said more meetings would follow.</p>
</article></body></html>`, i, i, a, c, i, c, a, i*7+3)
			s.pages.Add(1)
		default:
			t.Errorf("unexpected request %s", r.URL)
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func writeFeedList(t *testing.T, urls ...string) string {
	path := filepath.Join(t.TempDir(), "feeds.txt")
	body := "# test feeds\n\n" + strings.Join(urls, "  # the wire\n") + "\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// logLines decodes watch's JSON log lines with the given message.
func logLines(t *testing.T, stderr, msg string) []map[string]any {
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

func TestWatchTwice(t *testing.T) {
	site := startNewsSite(t, 6, 0)
	list := writeFeedList(t, site.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "w.db")
	_, stderr, status := run(t, "", "watch", list, "--db", db, "--once", "--rate", "50")
	if status != 0 {
		t.Fatalf("first run: status %d\n%s", status, stderr)
	}
	verify(t, db, 6)
	polls := logLines(t, stderr, "poll done")
	if len(polls) != 1 || polls[0]["pages_fetched"] != 6.0 || polls[0]["pages_failed"] != 1.0 {
		t.Errorf("first poll: %v\n%s", polls, stderr)
	}
	_, stderr, status = run(t, "", "watch", list, "--db", db, "--once", "--rate", "50")
	if status != 0 {
		t.Fatalf("second run: status %d\n%s", status, stderr)
	}
	verify(t, db, 6)
	if site.conditional.Load() != 1 || site.pages.Load() != 6 {
		t.Errorf("%d conditional requests, %d pages served; want 1, 6\n%s", site.conditional.Load(), site.pages.Load(), stderr)
	}
	if s := logLines(t, stderr, "watch stopped"); len(s) != 1 || s[0]["articles_stored"] != 0.0 {
		t.Errorf("second run: %v", s)
	}
}

// TestWatchSIGTERM stops a watch while pages are being fetched: every page
// fetched before the signal is coded and stored, and a rerun fetches only
// the rest.
func TestWatchSIGTERM(t *testing.T) {
	const n = 30
	site := startNewsSite(t, n, 100*time.Millisecond)
	list := writeFeedList(t, site.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "w.db")
	cmd := exec.Command(binary, "watch", list, "--db", db, "--rate", "100", "--per-host", "1", "--interval", "1h")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for site.pages.Load() < 4 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, stderr.String())
	}
	polls := logLines(t, stderr.String(), "poll done")
	if len(polls) != 1 {
		t.Fatalf("polls: %v\n%s", polls, stderr.String())
	}
	fetched := int(polls[0]["pages_fetched"].(float64))
	if fetched == 0 || fetched >= n {
		t.Fatalf("%d pages fetched before SIGTERM, want some", fetched)
	}
	verify(t, db, fetched)
	_, out, status := run(t, "", "watch", list, "--db", db, "--once", "--rate", "100")
	if status != 0 {
		t.Fatalf("rerun: %d\n%s", status, out)
	}
	verify(t, db, n)
	if int(site.pages.Load()) > n+1 { // +1: a page served as the signal cut its fetch
		t.Errorf("%d pages served for %d items", site.pages.Load(), n)
	}
}

func TestReadFeedList(t *testing.T) {
	path := writeFeedList(t, "https://a.test/feed", "https://a.test/feed", "http://b.test/rss")
	got, err := readFeedList(path)
	if err != nil || len(got) != 2 {
		t.Errorf("%q %v", got, err)
	}
	bad := writeFeedList(t, "ftp://x/feed")
	if _, err := readFeedList(bad); err == nil || !strings.Contains(err.Error(), ":3:") {
		t.Errorf("bad list: %v", err)
	}
}
