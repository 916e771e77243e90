package parse

import (
	"bytes"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/pos"
)

// Dev scores of the shipped model with khaldun's tags, as printed by
// TrainFiles. The test allows 0.5 points although the figures should
// match exactly: the margin is for a retrained model, not for noise.
const (
	wantUAS = 85.03
	wantLAS = 81.74
)

// devSentences returns the UD English dev set retagged by khaldun's
// tagger, skipping the test when the shared data is absent.
func devSentences(t testing.TB) []Sentence {
	t.Helper()
	path := sharedtest.Path(t, "data/ud/en_ewt-ud-dev.conllu")
	dev, err := ReadCoNLLUFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := pos.Default()
	if err != nil {
		t.Fatal(err)
	}
	Retag(tg, dev)
	return dev
}

func TestDevScore(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dev := devSentences(t)
	sc := mustDefault(t).Evaluate(dev)
	t.Logf("dev, predicted tags: %s", sc)
	if sc.UAS() < wantUAS-0.5 || sc.LAS() < wantLAS-0.5 {
		t.Errorf("UAS %.2f LAS %.2f, want at least %.2f and %.2f", sc.UAS(), sc.LAS(), wantUAS-0.5, wantLAS-0.5)
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	m, err := Load(bytes.NewReader(defaultModel))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes on disk, %d features, %d weights, %.1f MB in memory, loaded in %s",
		len(defaultModel), len(m.keys), len(m.weights),
		float64(8*len(m.keys)+4*len(m.offs)+4*len(m.weights)+8*len(m.table.Slots))/1e6,
		time.Since(start).Round(time.Millisecond))
}

// BenchmarkParse parses the dev sentences on one goroutine and reports
// sentences per second.
func BenchmarkParse(b *testing.B) {
	dev := devSentences(b)
	sents := make([][]khaldun.Token, len(dev))
	words := 0
	for i, s := range dev {
		for _, w := range s.Words {
			sents[i] = append(sents[i], khaldun.Token{Text: w.Form, POS: w.XPOS})
		}
		words += len(s.Words)
	}
	p := mustDefault(b)
	var arcs []Arc
	b.ResetTimer()
	n := 0
	for b.Loop() {
		arcs = p.AppendParse(arcs[:0], sents[n%len(sents)])
		n++
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/sec, "sents/s")
	b.ReportMetric(float64(n)*float64(words)/float64(len(sents))/sec, "words/s")
}
