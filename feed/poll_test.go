package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"hash/fnv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// memState is a State in memory.
type memState struct {
	mu    sync.Mutex
	feeds map[string][2]string
	seen  map[string]int
}

func newMemState() *memState {
	return &memState{feeds: map[string][2]string{}, seen: map[string]int{}}
}

func (m *memState) FeedState(_ context.Context, u string) (string, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v := m.feeds[u]
	return v[0], v[1], nil
}

func (m *memState) SetFeedState(_ context.Context, u, etag, lm string, _ int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[u] = [2]string{etag, lm}
	return nil
}

func (m *memState) Seen(_ context.Context, k string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.seen[k]
	return ok, nil
}

func (m *memState) MarkSeen(_ context.Context, _ string, keys []string, status int, _ string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, k := range keys {
		m.seen[k] = status
	}
	return nil
}

// loopback sends every request, whatever its host, to one local server,
// so that real feeds' links are followed without leaving the machine.
type loopback struct{ addr string }

func (l loopback) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = "http", l.addr
	return http.DefaultTransport.RoundTrip(r)
}

// pages are the shared corpus's HTML pages, gunzipped.
func pages(t *testing.T) [][]byte {
	dir := sharedtest.Path(t, "data/extract/trafilatura-en/html")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(paths) == 0 {
		t.Skipf("no pages in %s", dir)
	}
	var out [][]byte
	for _, p := range paths[:min(len(paths), 60)] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page)
	}
	return out
}

// TestPollCorpus serves the real feeds, each item's page being one of the
// real pages, and polls twice: the second poll is conditional, answered
// 304, and fetches nothing.
func TestPollCorpus(t *testing.T) {
	feeds := corpusFeeds(t)
	html := pages(t)
	var pageHits, conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if name := r.URL.Query().Get("feed"); name != "" && r.URL.Path == "/feeds" {
			if r.Header.Get("If-None-Match") != "" {
				conditional.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"`+name+`"`)
			w.Write(feeds[name])
			return
		}
		pageHits.Add(1)
		h := fnv.New32a()
		h.Write([]byte(r.URL.Path + r.URL.RawQuery))
		w.Header().Set("Content-Type", "text/html")
		w.Write(html[int(h.Sum32())%len(html)])
	}))
	defer srv.Close()
	opt := fastOptions()
	opt.Transport = loopback{addr: srv.Listener.Addr().String()}
	opt.PerHost = 4
	opt.Timeout = 10 * time.Second // extraction shares the CPU with the server
	st := newMemState()
	p := &Poller{Client: NewClient(opt), State: st, Fast: true, Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	var list []string
	for name := range feeds {
		list = append(list, "http://feeds.test/feeds?feed="+url.QueryEscape(name))
	}
	var mu sync.Mutex
	var got []*Page
	s1 := p.Poll(t.Context(), list, func(pg *Page) {
		mu.Lock()
		got = append(got, pg)
		mu.Unlock()
		p.Done(t.Context(), pg, "id", true)
	})
	t.Logf("poll 1: %+v, %d page requests", s1, pageHits.Load())
	if s1.FeedsFailed != 0 || s1.PagesFetched == 0 || s1.PagesFetched != len(got) {
		t.Fatalf("poll 1: %+v", s1)
	}
	for _, pg := range got {
		if len(pg.Input.Body) == 0 || pg.Input.Meta.Title == "" || pg.Input.Origin.File != pg.Item.Link {
			t.Errorf("page %s: title %q, %d bytes", pg.Item.Link, pg.Input.Meta.Title, len(pg.Input.Body))
		}
	}
	hits := pageHits.Load()
	s2 := p.Poll(t.Context(), list, func(*Page) { t.Error("page emitted on the second poll") })
	if s2.NotModified != len(list) || int(conditional.Load()) != len(list) || pageHits.Load() != hits {
		t.Errorf("poll 2: %+v, %d conditional", s2, conditional.Load())
	}
	// Forgetting the validators, the feeds come in full; their items are
	// all seen.
	st.feeds = map[string][2]string{}
	s3 := p.Poll(t.Context(), list, func(*Page) { t.Error("page emitted on the third poll") })
	if s3.ItemsNew != 0 || pageHits.Load() != hits {
		t.Errorf("poll 3: %+v", s3)
	}
}

// TestPollBadFeeds: every failure is counted and logged, and the good
// feed is still read.
func TestPollBadFeeds(t *testing.T) {
	var flaky atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /secret\n"))
		case "/html":
			w.Write([]byte("<!doctype html><html><body>Home page</body></html>"))
		case "/broken":
			w.Write([]byte(`<rss><channel><item><title>x`))
		case "/error":
			w.WriteHeader(500)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/secret":
			t.Error("robots.txt ignored")
		case "/good":
			w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
			w.Write([]byte("<rss><channel><title>Caf\xe9</title>" +
				"<item><title>A</title><link>/a</link></item><item><link>/missing</link></item>" +
				"<item><link>/flaky</link></item><item><link>/secret/x</link></item></channel></rss>"))
		case "/a":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><article><p>The foreign minister of Ruritania met the president of Freedonia on Monday to discuss the border dispute between the two countries.</p><p>Both sides said the talks were constructive and agreed to meet again next month.</p></article></body></html>"))
		case "/flaky":
			flaky.Add(1)
			w.WriteHeader(503)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	st := newMemState()
	p := &Poller{Client: NewClient(fastOptions()), State: st, Fast: true}
	var list []string
	for _, f := range []string{"html", "broken", "error", "loop", "good"} {
		list = append(list, srv.URL+"/"+f)
	}
	var n atomic.Int32
	s := p.Poll(t.Context(), list, func(pg *Page) { n.Add(1); p.Done(t.Context(), pg, "", true) })
	if s.FeedsFailed != 4 || n.Load() != 1 || s.PagesFailed != 3 {
		t.Errorf("%+v, %d pages", s, n.Load())
	}
	// 404 and robots.txt refusals are answers; the 503 is tried again.
	if _, ok := st.seen[srv.URL+"/missing"]; !ok {
		t.Error("404 not remembered")
	}
	if _, ok := st.seen[srv.URL+"/flaky"]; ok {
		t.Error("503 remembered as final")
	}
	before := flaky.Load()
	p.Poll(t.Context(), list, func(pg *Page) { t.Errorf("emitted %s again", pg.Item.Link) })
	if flaky.Load() <= before {
		t.Error("503 page not retried at the next poll")
	}
}
