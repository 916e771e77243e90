package coder

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/eval"
	"github.com/khaldun/khaldun/petrarch"
	"github.com/khaldun/khaldun/pos"
	"github.com/khaldun/khaldun/segment"
	"github.com/khaldun/khaldun/token"
)

func sharedDir(t testing.TB) string {
	dir := os.Getenv("KHALDUN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not found at %s (set KHALDUN_SHARED)", dir)
	}
	return dir
}

var (
	taggerOnce sync.Once
	tagger     *pos.Tagger
	taggerErr  error
)

// prepare runs segment → token → pos on body, the text layer the coder
// expects, without the rest of the pipeline.
func prepare(t testing.TB, body, published string) *khaldun.Text {
	taggerOnce.Do(func() { tagger, taggerErr = pos.Default() })
	if taggerErr != nil {
		t.Fatalf("tagger: %v", taggerErr)
	}
	txt := &khaldun.Text{Body: body, Published: published, Sentences: segment.Sentences(body)}
	for i := range txt.Sentences {
		s := &txt.Sentences[i]
		s.Tokens = token.Tokenize(body, s.Span)
		tagger.Tag(s.Tokens)
	}
	return txt
}

// adapter codes one eval input through the text layer and the coder.
type adapter struct {
	t testing.TB
	c *Coder
}

func (a adapter) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	body := strings.Join(strings.Fields(string(in.Body)), " ")
	doc := khaldun.NewDocument(in.Meta)
	txt := prepare(a.t, body, in.Meta.Published)
	err := a.c.Annotate(ctx, txt, doc)
	return doc, err
}

func validationDict(t testing.TB) (*dict.Dictionary, string) {
	base := filepath.Join(sharedDir(t), "data", "events", "petrarch2", "data")
	d, err := petrarch.LoadFiles(petrarch.Validation(filepath.Join(base, "dictionaries")))
	if err != nil {
		t.Logf("dictionary errors (lines skipped):\n%v", err)
	}
	return d, filepath.Join(base, "text", "PETR.UnitTest.records.xml")
}

// TestPetrarchSuite measures the coder on the PETRARCH unit-test records.
// It reports rather than asserts a floor above a sanity level, so that the
// figures can be read with -v while the coder improves.
func TestPetrarchSuite(t *testing.T) {
	d, gold := validationDict(t)
	rep, err := eval.Run(context.Background(), "petrarch", eval.Options{Gold: gold}, adapter{t, New(d, Options{RequireDyad: os.Getenv("KHALDUN_DYAD") != ""})})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if rep.Metrics["coded_pct"] < 20 {
		t.Errorf("coded_pct = %.1f, regression below 20%%", rep.Metrics["coded_pct"])
	}
}
