package engine

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/petrarch"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/source"
)

func TestDictionaryOptions(t *testing.T) {
	dir := t.TempDir()
	verbs := filepath.Join(dir, "verbs.txt")
	os.WriteFile(verbs, []byte("--- PARLEY [040] ---\nPARLEY\n- * WITH + [041]\n- BROKEN [\n"), 0o644)
	actors := filepath.Join(dir, "actors.txt")
	os.WriteFile(actors, []byte("ELDORIA [ELD]\nQUORVIA [QRV]\n"), 0o644)

	tests := []struct {
		name     string
		opt      Options
		err      string
		warn     string
		eldoria  bool // the PETRARCH actor is known
		embedded bool // khaldun's own actors are known
	}{
		{"embedded", Options{}, "", "", false, true},
		{"replace", Options{Petrarch: petrarch.Files{Verbs: []string{verbs}, Actors: []string{actors}}}, "", "verbs.txt:4", true, false},
		{"extend", Options{Petrarch: petrarch.Files{Actors: []string{actors}}, Extend: true}, "", "", true, true},
		{"missing", Options{Petrarch: petrarch.Files{Agents: []string{filepath.Join(dir, "nope.txt")}}}, "nope.txt", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warn bytes.Buffer
			tt.opt.Warnings = &warn
			d, err := Dictionary(tt.opt)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.warn != "" && !strings.Contains(warn.String(), tt.warn) {
				t.Errorf("warnings %q lack %q", warn.String(), tt.warn)
			}
			seq := func(w string) bool { a, _ := d.MatchActor(dictSeq(w), 0); return len(a) > 0 }
			if seq("eldoria") != tt.eldoria || seq("china") != tt.embedded {
				t.Errorf("eldoria %v china %v", seq("eldoria"), seq("china"))
			}
		})
	}
}

func sharedFile(tb testing.TB, rel string) string {
	dir := os.Getenv("KHALDUN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	path := filepath.Join(dir, rel)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared sets not found (%v); set KHALDUN_SHARED", err)
	}
	return path
}

// BenchmarkCode measures the whole `khaldun code` pipeline — text layer and
// every annotator with the embedded dictionaries — on AllSides articles, in
// sentences/s and MB/s on one goroutine.
func BenchmarkCode(b *testing.B) {
	path := sharedFile(b, "corpora/allsides/allsides-00.jsonl.gz")
	var inputs []khaldun.Input
	size := 0
	for in, err := range source.Read(context.Background(), []string{path}, source.Options{}) {
		if err == nil && len(inputs) < 300 {
			inputs = append(inputs, in)
			size += len(in.Body)
		}
	}
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	sentences, events := 0, 0
	for b.Loop() {
		for _, in := range inputs {
			doc, err := p.Process(context.Background(), in)
			if err != nil && !errors.Is(err, pipeline.ErrNoText) {
				b.Fatal(err)
			}
			if doc != nil {
				sentences += doc.Article.Stats.Sentences
				events += len(doc.Events)
			}
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkStartup measures loading the embedded dictionaries and models.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		if _, err := Dictionary(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
