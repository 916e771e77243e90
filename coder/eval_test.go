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
	"github.com/khaldun/khaldun/pipeline"
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

// pipelineCoder codes eval inputs exactly as `khaldun eval` does: the whole
// pipeline with this coder as its only annotator.
func pipelineCoder(t testing.TB, c *Coder) eval.Coder {
	p, err := pipeline.New(pipeline.Options{Annotators: []khaldun.Annotator{c}, KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	return codeFunc(p.Process)
}

type codeFunc func(context.Context, khaldun.Input) (*khaldun.Document, error)

func (f codeFunc) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	return f(ctx, in)
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
// Run with -v to read the full report.
func TestPetrarchSuite(t *testing.T) {
	d, gold := validationDict(t)
	rep, err := eval.Run(context.Background(), "petrarch", eval.Options{Gold: gold}, pipelineCoder(t, New(d, Options{Monadic: os.Getenv("KHALDUN_MONADIC") != ""})))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	// A floor a little under the figure reached, so a regression fails.
	if rep.Metrics["coded_pct"] < 83.3 || rep.Metrics["extra_pct"] > 7.2 {
		t.Errorf("coded_pct = %.1f (floor 83.3), extra_pct = %.1f (ceiling 7.2): regression", rep.Metrics["coded_pct"], rep.Metrics["extra_pct"])
	}
}

var (
	textLayerOnce sync.Once
	textLayer     *pipeline.Pipeline
	textLayerErr  error
)

// prepare runs the pipeline's text layer (segment, token, pos) on body.
func prepare(t testing.TB, body, published string) *khaldun.Text {
	t.Helper()
	textLayerOnce.Do(func() { textLayer, textLayerErr = pipeline.New(pipeline.Options{}) })
	if textLayerErr != nil {
		t.Fatal(textLayerErr)
	}
	return textLayer.Prepare(body, published)
}
