package coder

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/source"
)

// BenchmarkCodeAllSides measures the coder alone (the text layer is run
// before the timer) with khaldun's own dictionaries on AllSides articles,
// and reports how long compiling the dictionaries took and what it holds
// on the heap.
func BenchmarkCodeAllSides(b *testing.B) {
	path := filepath.Join(sharedDir(b), "corpora", "allsides", "allsides-00.jsonl.gz")
	var texts []*khaldun.Text
	for in, err := range source.Read(context.Background(), []string{path}, source.Options{}) {
		if err == nil && len(texts) < 300 {
			texts = append(texts, prepare(b, string(in.Body), "2024-01-01"))
		}
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	d := dict.New()
	if err := lexicon.Load(d); err != nil {
		b.Fatal(err)
	}
	compile := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	c := New(d, Options{})
	sentences := 0
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			doc := khaldun.NewDocument(khaldun.Article{})
			if err := c.Annotate(context.Background(), t, doc); err != nil {
				b.Fatal(err)
			}
			sentences += len(t.Sentences)
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(compile.Milliseconds()), "dict-ms")
	b.ReportMetric(float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), "dict-MB")
}
