package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// corpusFeeds are the real feeds of the shared corpus, read where they lie
// and never copied into the repository.
func corpusFeeds(t testing.TB) map[string][]byte {
	dir := os.Getenv("KHALDUN_FEEDS")
	if dir == "" {
		dir = sharedtest.Path(t, "corpora/feeds")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	out := map[string][]byte{}
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".rss", ".atom", ".json", ".xml":
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(p)] = b
		}
	}
	if len(out) == 0 {
		t.Skipf("no feeds in %s", dir)
	}
	return out
}

func TestParseCorpus(t *testing.T) {
	for name, b := range corpusFeeds(t) {
		f, err := Parse(b, "", "https://example.org/feed")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(f.Items) == 0 {
			t.Errorf("%s: no items", name)
		}
		links, dated := 0, 0
		for _, it := range f.Items {
			if it.Link != "" {
				links++
			}
			if it.Published != "" {
				dated++
			}
			for _, s := range []string{it.Title, it.Summary, it.Link} {
				if !utf8.ValidString(s) {
					t.Errorf("%s: invalid UTF-8 in %q", name, s)
				}
			}
		}
		t.Logf("%-18s %3d items, %3d links, %3d dated: %q", name, len(f.Items), links, dated, f.Title)
	}
}

// uolNoticias.rss is Latin-1 without a declaration; encoding.rss declares
// ISO-8859-1.
func TestParseCorpusLatin1(t *testing.T) {
	feeds := corpusFeeds(t)
	for name, want := range map[string]string{"uolNoticias.rss": "simulações", "encoding.rss": "Jornal de Notícias"} {
		b, ok := feeds[name]
		if !ok {
			continue
		}
		f, err := Parse(b, "", "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := f.Title + " | " + f.Items[0].Title; !strings.Contains(got, want) {
			t.Errorf("%s: titles %q, want %q in them", name, got, want)
		}
	}
}

const latin1Feed = "<rss version=\"2.0\"><channel><title>Caf\xe9 du Monde</title>" +
	"<item><title>Le pr\xe9sident \xe0 Paris</title><link>/a/1</link><guid isPermaLink=\"false\">x1</guid>" +
	"<pubDate>Tue, 10 Jun 2025 09:00:00 +0200</pubDate><description>&lt;p&gt;Premier&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;gras&lt;/b&gt;&lt;/p&gt;</description></item>" +
	"</channel></rss>"

func TestParseLatin1(t *testing.T) {
	for _, ct := range []string{"", "application/rss+xml; charset=iso-8859-1", "text/xml"} {
		f, err := Parse([]byte(latin1Feed), ct, "http://127.0.0.1/feed")
		if err != nil {
			t.Fatalf("%q: %v", ct, err)
		}
		it := f.Items[0]
		if f.Title != "Café du Monde" || it.Title != "Le président à Paris" {
			t.Errorf("%q: %q / %q", ct, f.Title, it.Title)
		}
		if it.Link != "http://127.0.0.1/a/1" || it.Published != "2025-06-10" || it.Summary != "Premier\n\nSecond gras" {
			t.Errorf("%q: %+v", ct, it)
		}
		if k := it.Keys(); len(k) != 2 || k[1] != "guid:x1" {
			t.Errorf("keys %q", k)
		}
	}
}

func TestParseBad(t *testing.T) {
	for name, tc := range map[string]struct {
		body    string
		notFeed bool
	}{
		"html":      {"<!DOCTYPE html><html><head><title>News</title></head><body>hi</body></html>", true},
		"xhtml":     {`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, true},
		"empty":     {"", true},
		"text":      {"just some words", true},
		"truncated": {`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a`, false},
		"badjson":   {`{"version":"https://jsonfeed.org/version/1","items":[{"id":`, false},
	} {
		_, err := Parse([]byte(tc.body), "", "")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if errors.Is(err, ErrNotFeed) != tc.notFeed {
			t.Errorf("%s: %v, want ErrNotFeed %v", name, err, tc.notFeed)
		}
	}
}

func TestLinks(t *testing.T) {
	body := `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
	<entry><id>tag:x,2025:1</id><title>A</title><link rel="alternate" href="https://site.test/a#top"/><updated>2025-01-02T00:00:00Z</updated></entry>
	<entry><id>tag:x,2025:2</id><title>B</title><link href="mailto:x@y"/><summary>only text</summary></entry>
	</feed>`
	f, err := Parse([]byte(body), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Items[0].Link != "https://site.test/a" || f.Items[0].Published != "2025-01-02" {
		t.Errorf("%+v", f.Items[0])
	}
	if f.Items[1].Link != "" || f.Items[1].Summary != "only text" {
		t.Errorf("%+v", f.Items[1])
	}
}

// FuzzFeed runs the whole parsing path — detection, transcoding, gofeed,
// link and text cleaning — on arbitrary bytes: it must not panic, and what
// it returns must be safe to fetch.
func FuzzFeed(f *testing.F) {
	if _, ok := sharedtest.Lookup("corpora/feeds"); ok {
		for _, b := range corpusFeeds(f) {
			f.Add(b[:min(len(b), 8<<10)], "")
		}
	}
	f.Add([]byte(latin1Feed), "text/xml; charset=latin1")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/x","content_html":"<p>a</p>"}]}`), "application/feed+json")
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>http://a/b</link></item></rdf:RDF>`), "")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		feed, err := Parse(body, ct, "http://127.0.0.1/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Fatalf("unsafe link %q", it.Link)
			}
			if len(it.Keys()) == 0 && it.Summary == "" {
				t.Fatalf("item with nothing: %+v", it)
			}
		}
	})
}

// FuzzRobots reads arbitrary robots.txt files: parsing never panics or
// fails, and the rules it gives answer for any path.
func FuzzRobots(f *testing.F) {
	for _, s := range []string{
		"User-agent: *\nDisallow: /private/\n",
		"User-agent: khaldun\nAllow: /news/\nDisallow: /\nCrawl-delay: 2.5\n",
		"User-agent: *\nDisallow: /*.php$\nSitemap: http://x/s.xml\n",
		"\xef\xbb\xbfuser-agent:*\r\ndisallow:\r\n",
		"<html><body>Not found</body></html>",
	} {
		f.Add(200, []byte(s))
	}
	f.Add(503, []byte(""))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		all, group := parseRobots(status, body, "khaldun/test")
		if all == nil {
			t.Fatal("no rules")
		}
		for _, p := range []string{"/", "/news/1", "/private/x?y=1", "/a.php"} {
			if group != nil {
				group.Test(p)
			} else {
				all.TestAgent(p, "khaldun/test")
			}
		}
	})
}
