package entities

import (
	"context"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/source"
)

// TestSharedDev scores the shipped model on CoNLL-2003 dev. The floors are
// the figures it reached (4-type 0.8811, 3-type 0.8865) less about 0.006.
func TestSharedDev(t *testing.T) {
	dev, err := ReadCoNLLFile(sharedtest.Path(t, "data/ner/conll2003/dev.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := m.Evaluate(dev)
	if err != nil {
		t.Fatal(err)
	}
	_, _, f4 := sc.PRF()
	_, _, f3 := sc.PRF("PERSON", "ORG", "LOC")
	t.Logf("dev: 4-type F1 %.4f, 3-type F1 %.4f", f4, f3)
	if f4 < 0.875 || f3 < 0.88 {
		t.Errorf("dev F1 4-type %.4f, 3-type %.4f: below 0.875 / 0.88", f4, f3)
	}
}

// BenchmarkAnnotate measures the annotator alone on texts the text layer
// has prepared beforehand, in sentences per second on one goroutine:
// AllSides articles when the shared corpus is there, else invented ones.
func BenchmarkAnnotate(b *testing.B) {
	var bodies []string
	if path, ok := sharedtest.Lookup("corpora/allsides/allsides-00.jsonl.gz"); ok {
		for in, err := range source.Read(context.Background(), []string{path}, source.Options{}) {
			if err == nil && len(bodies) < 300 {
				bodies = append(bodies, string(in.Body))
			}
		}
	} else {
		for range 50 {
			bodies = append(bodies, "Ismail Haniyeh met Egyptian mediators in Cairo on Monday. "+
				"Haniyeh said the talks were useful. The Palestinian Authority (PA) rejected the plan, "+
				"and a PA spokesman said Israel had not consulted it.")
		}
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var texts []*khaldun.Text
	sentences := 0
	for _, body := range bodies {
		tx := p.Prepare(body, "2020-01-01")
		texts = append(texts, tx)
		sentences += len(tx.Sentences)
	}
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, tx := range texts {
			if _, err := a.Mentions(ctx, tx); err != nil {
				b.Fatal(err)
			}
		}
		n++
	}
	b.ReportMetric(float64(n*sentences)/b.Elapsed().Seconds(), "sentences/s")
}
