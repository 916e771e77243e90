package feed

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestPollLatin1 polls a feed in Latin-1 that says so nowhere (no XML
// prolog, no charset in its Content-Type) linking a Latin-1 page that
// declares its charset only in the HTTP header: both come out right.
func TestPollLatin1(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte("<rss version=\"2.0\"><channel><title>D\xe9p\xeaches</title>" +
				"<item><title>Gr\xe8ve \xe0 Li\xe8ge</title><link>/a</link><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item></channel></rss>"))
		case "/a":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			w.Write([]byte("<html><body><article><p>Les cheminots de Li\xe8ge ont cess\xe9 le travail lundi matin, a annonc\xe9 le syndicat, " +
				"et aucun train n'a quitt\xe9 la gare des Guillemins avant midi.</p><p>La direction a propos\xe9 une r\xe9union mardi " +
				"pour discuter des salaires et des horaires de nuit, sans succ\xe8s pour l'instant.</p></article></body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	p := &Poller{Client: NewClient(fastOptions()), State: newMemState(), Fast: true}
	var (
		mu    sync.Mutex
		pages []*Page
	)
	st := p.Poll(t.Context(), []string{srv.URL + "/feed"}, func(pg *Page) {
		mu.Lock()
		pages = append(pages, pg)
		mu.Unlock()
		p.Done(t.Context(), pg, "", true)
	})
	if st.FeedsFailed != 0 || len(pages) != 1 {
		t.Fatalf("%+v, %d pages", st, len(pages))
	}
	pg := pages[0]
	if pg.Item.Title != "Grève à Liège" || pg.Item.Published != "2025-06-02" {
		t.Errorf("item %+v", pg.Item)
	}
	if body := string(pg.Input.Body); !strings.Contains(body, "Les cheminots de Liège ont cessé le travail") {
		t.Errorf("page body %q", body)
	}
}
