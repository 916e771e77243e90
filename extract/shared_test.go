package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSharedReadability runs Mozilla Readability's test pages — odd
// markup, odd charsets, pages that are not articles — as regression
// inputs: nothing may panic or emit invalid UTF-8, and pages Readability
// calls readerable must give some text.
func TestSharedReadability(t *testing.T) {
	dir := sharedtest.Path(t, "data/extract/readability/test-pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html.gz"))
	readerable, ok := 0, 0
	for _, path := range pages {
		name := filepath.Base(filepath.Dir(path))
		var meta struct {
			Readerable bool `json:"readerable"`
		}
		if raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), "expected-metadata.json")); err == nil {
			json.Unmarshal(raw, &meta)
		}
		p, err := Extract(gunzip(t, path), Options{})
		if err == nil && !utf8.ValidString(p.Article.Text+p.Article.Title) {
			t.Errorf("%s: invalid UTF-8 out", name)
		}
		if !meta.Readerable {
			continue
		}
		readerable++
		if err != nil || len(p.Article.Text) < 200 {
			t.Logf("%s: readerable page, little or no text (%v)", name, err)
			continue
		}
		ok++
	}
	t.Logf("%d pages; %d of %d readerable pages gave ≥ 200 bytes of text", len(pages), ok, readerable)
	if len(pages) < 100 || float64(ok) < 0.95*float64(readerable) {
		t.Errorf("%d of %d readerable pages gave text, want ≥ 95%% (reached 100%%)", ok, readerable)
	}
}
